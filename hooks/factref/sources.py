"""Source texts: read from seeds/, pinned by SHA-256, split into page furniture and article body."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .dates import parse_value, unstated_parts
from .load import Loaded
from .problems import Problem
from .records import Source
from .text import NormalText, normalise, normalise_quote

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    in_body: bool


@dataclass(frozen=True)
class SourceText:
    """A verified source: its raw text, where the body is, and the body normalised for matching."""

    record: Source
    raw: str
    body_start: int
    body_end: int

    @cached_property
    def body(self) -> NormalText:
        return normalise(self.raw[self.body_start : self.body_end], offset=self.body_start)

    def line_of(self, offset: int) -> int:
        return self.raw.count("\n", 0, offset) + 1

    def position_of(self, offset: int) -> str:
        """``line:column`` (1-based) of a raw offset, for messages."""
        return f"{self.line_of(offset)}:{offset - self.raw.rfind(chr(10), 0, offset)}"

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank paragraphs of the whole file, each marked as body or furniture."""
        found, at = [], 0
        for brk in [*PARAGRAPH_BREAK.finditer(self.raw), None]:
            end = brk.start() if brk else len(self.raw)
            chunk = self.raw[at:end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                start, stop = at + lead, at + len(chunk.rstrip())
                in_body = self.body_start <= start and stop <= self.body_end
                found.append(Paragraph(start, stop, in_body))
            at = brk.end() if brk else len(self.raw)
        return found


def read_source(loaded: Loaded[Source], seeds: Path, seeds_rel: str) -> SourceText | Problem:
    """Read and pin one source, or say exactly why it cannot be trusted."""
    source, origin = loaded.record, loaded.origin
    path = seeds / source.file
    shown = f"{seeds_rel}/{source.file}"
    if not path.is_file():
        return origin.problem(
            f"source {source.id!r}: file {shown} does not exist", "file", record=source.id
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        return origin.problem(
            f"source {source.id!r} has changed: {shown} now has SHA-256 {digest}, but the "
            f"registry pins {source.sha256}. Sources are evidence and are never edited: restore "
            "the original file, or register the new text as a new source",
            "sha256",
            record=source.id,
        )
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return origin.problem(
            f"source {source.id!r}: {shown} is not valid UTF-8 (byte {exc.start})",
            "file",
            record=source.id,
        )
    problem = _original_problem(loaded, seeds, seeds_rel) or _dateline_problem(loaded, raw)
    return problem or _with_body(loaded, raw)


def _original_problem(loaded: Loaded[Source], seeds: Path, seeds_rel: str) -> Problem | None:
    """The saved original (a web page) is evidence too: pinned by its own SHA-256."""
    source, origin = loaded.record, loaded.origin
    if source.original is None:
        return None
    path, shown = seeds / source.original, f"{seeds_rel}/{source.original}"
    if not path.is_file():
        return origin.problem(f"source {source.id!r}: original {shown} does not exist",
                              "original", record=source.id)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != source.original_sha256:
        return origin.problem(
            f"source {source.id!r}: the original {shown} has changed: it now has SHA-256 "
            f"{digest}, but the registry pins {source.original_sha256}; restore the saved file",
            "original_sha256", record=source.id)
    return None


def _dateline_problem(loaded: Loaded[Source], raw: str) -> Problem | None:
    """The dateline words must be in the file (anywhere: a dateline often precedes the body)."""
    source, dateline = loaded.record, loaded.record.dateline
    if dateline is None:
        return None
    if dateline.text not in raw and not normalise(raw).find(normalise_quote(dateline.text)):
        return loaded.origin.problem(
            f"source {source.id!r}: the dateline words {dateline.text!r} do not occur in its "
            "file; copy them as the source prints them, or write published: not stated",
            "published", "text", record=source.id)
    missing = unstated_parts(parse_value(dateline.date), dateline.text)
    if missing:
        return loaded.origin.problem(
            f"source {source.id!r}: published date {dateline.date!r} says more than its dateline "
            f"words: {'; '.join(missing)}", "published", "date", record=source.id)
    return None


def _with_body(loaded: Loaded[Source], raw: str) -> SourceText | Problem:
    source, origin = loaded.record, loaded.origin
    whole: NormalText | None = None
    spans = []
    for key in ("starts_with", "ends_with"):
        typed = getattr(source.body, key)
        if raw.count(typed) == 1:  # typed exactly as in the file: no need to normalise it all
            at = raw.index(typed)
            spans.append((at, at + len(typed)))
            continue
        whole = whole or normalise(raw)
        marker = normalise_quote(typed)
        hits = whole.find(marker) if marker else []
        if len(hits) != 1:
            count = "not found" if not hits else f"found {len(hits)} times"
            return origin.problem(
                f"source {source.id!r}: body.{key} text is {count} in the file; "
                "it must match exactly once",
                "body",
                key,
                record=source.id,
            )
        spans.append(whole.raw_span(hits[0], hits[0] + len(marker)))
    (start, _), (_, end) = spans
    if end <= start:
        return origin.problem(
            f"source {source.id!r}: body.ends_with comes before body.starts_with",
            "body",
            record=source.id,
        )
    return SourceText(source, raw, start, end)

