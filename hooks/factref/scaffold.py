"""Scaffold a fact: pin a remembered quote to one passage, propose an id, write the record's YAML.

Pure functions; ``factref new`` does the reading and writing around them. The quote is found under
the same normalisation as verification uses (straight quotes and any spacing match), and the
record gets the passage as the source prints it, so the record reads like the source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .quotes import MIN_QUOTE_WORDS, QuoteError, resolve
from .recordfile import RecordFileError, add_item, scalar
from .records import ATTRIBUTION_KINDS, ID_PATTERN, Evidence, Fact
from .review import in_context
from .sources import SourceText
from .text import contains_phrase, normalise_quote
from .words import WORD, word_count

MAX_CONTEXT_WORDS = 30
_TOKEN = re.compile(r"\S+")
STOP_WORDS = frozenset(
    "a an and as at by for from has have in is it its of on or s said says that the their "
    "this to was were will with".split()
)


class ScaffoldError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Found:
    """Where a remembered quote is: the passage as printed, the context that makes it unique."""

    quote: str
    start: int
    end: int
    occurrences: int
    prefix: str | None = None
    suffix: str | None = None


def find(source: SourceText, quote: str, occurrence: int | None = None) -> Found:
    """Pin ``quote`` to one passage of ``source``, adding the shortest prefix or suffix needed."""
    wanted = normalise_quote(quote)
    hits = source.body.find(wanted) if word_count(wanted) >= MIN_QUOTE_WORDS else []
    if not hits:
        _resolve(source, quote)  # raises the verifier's own message: too short, or not found
    if len(hits) > 1 and occurrence is None:
        raise ScaffoldError(_ambiguous(source, hits, len(wanted)))
    if occurrence is not None and not 1 <= occurrence <= len(hits):
        raise ScaffoldError(f"--occurrence {occurrence}: the quote occurs {len(hits)} "
                            f"time{'s' * (len(hits) != 1)} in source {source.record.id!r}")
    hit = hits[(occurrence or 1) - 1]
    start, end = source.body.raw_span(hit, hit + len(wanted))
    found = Found(_printed(source.raw[start:end]), start, end, len(hits))
    if len(hits) == 1:
        return found
    for prefix, suffix in _contexts(source, hit, len(wanted)):
        passage = _resolve(source, found.quote, prefix, suffix, quiet=True)
        if passage is not None and passage.start == start:
            return Found(found.quote, start, end, len(hits), prefix, suffix)
    raise ScaffoldError(f"no context of up to {MAX_CONTEXT_WORDS} words around occurrence "
                        f"{occurrence} makes the quote unique; quote a longer passage")


def _resolve(source: SourceText, quote: str, prefix: str | None = None,
             suffix: str | None = None, *, quiet: bool = False) -> Any:
    try:
        evidence = Evidence(source=source.record.id, quote=quote, prefix=prefix, suffix=suffix)
        return resolve(evidence, source)
    except (QuoteError, ValidationError) as exc:
        if quiet:
            return None
        message = exc.message if isinstance(exc, QuoteError) else exc.errors()[0]["msg"]
        raise ScaffoldError(message) from None


def _printed(raw: str) -> str:
    """Raw source text as a record quotes it: every run of whitespace as one space."""
    return " ".join(raw.split())


def _ambiguous(source: SourceText, hits: list[int], length: int) -> str:
    lines = [f"quote is ambiguous: it occurs {len(hits)} times in source {source.record.id!r}:"]
    for n, hit in enumerate(hits, start=1):
        start, end = source.body.raw_span(hit, hit + length)
        before, exact, after = in_context(source, start, end)
        line, column = source.position_of(start).split(":")
        lines.append(f"  {n}. line {line}, column {column}: {before}[{exact}]{after}")
    lines.append("run it again with --occurrence N to cite one of them; the shortest prefix or "
                 "suffix that makes it unique is added for you")
    return "\n".join(lines)


def _contexts(source: SourceText, hit: int, length: int) -> list[tuple[str | None, str | None]]:
    """Candidate (prefix, suffix) pairs of whole words, fewest words first, then shortest."""
    text, stop = source.body.text, hit + length
    before = [m.start() for m in _TOKEN.finditer(text, 0, hit)][::-1][:MAX_CONTEXT_WORDS]
    after = [m.end() for m in _TOKEN.finditer(text, stop)][:MAX_CONTEXT_WORDS]
    options = []
    for n_before in range(len(before) + 1):
        for n_after in range(len(after) + 1):
            if 0 < n_before + n_after <= MAX_CONTEXT_WORDS:
                prefix = (before[n_before - 1], hit) if n_before else None
                suffix = (stop, after[n_after - 1]) if n_after else None
                size = (hit - prefix[0] if prefix else 0) + (suffix[1] - stop if suffix else 0)
                options.append((n_before + n_after, size, n_after, prefix, suffix))
    options.sort(key=lambda o: o[:3])
    out = [(_printed_span(source, p), _printed_span(source, s)) for *_, p, s in options]
    return [(p, s) for p, s in out if all(c is None or WORD.search(c) for c in (p, s))]


def _printed_span(source: SourceText, span: tuple[int, int] | None) -> str | None:
    """A normalised span of the body, trimmed of spaces, as the source prints it."""
    if span is None:
        return None
    text, (start, end) = source.body.text, span
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return _printed(source.raw[slice(*source.body.raw_span(start, end))])


OPTION_OF = {"id": "--id", "claim": "--claim", "actors": "--actor", "issues": "--issue",
             "event": "--event", "attribution": "--attribution", "evidence": "--also"}
DATE_OPTION_OF = {"text": "--date-text", "precision": "--precision", "value": "--value",
                  "resolve": "--resolve"}


@dataclass(frozen=True)
class Cited:
    """One passage the fact cites: the source id and where the quote was found."""

    source: str
    found: Found


def build_fact(found: Found, source: str, *, claim: str | None, actors: Sequence[str],
               issues: Sequence[str], event: str | None, attribution: str, fid: str | None,
               taken: set[str], also: Sequence[Cited] = (),
               refers: Sequence[tuple[str, str]] = (),
               date: dict[str, str | None] | None = None) -> Fact:
    """The fact record citing ``found`` (and the ``also`` passages); the claim defaults to the
    quote, the id to its slug. Each ``refers`` entry goes to every quote that has its words."""
    kind, _, speaker = attribution.partition(":")
    if kind not in ATTRIBUTION_KINDS:
        raise ScaffoldError(f"--attribution {attribution!r}: the kind must be one of "
                            f"{', '.join(ATTRIBUTION_KINDS)}")
    claim = claim or found.quote
    cited = [Cited(source, found), *also]
    refers_of: list[dict[str, str]] = [{} for _ in cited]
    for words, actor in refers:
        holders = [i for i, c in enumerate(cited) if contains_phrase(c.found.quote, words)]
        if not holders:
            raise ScaffoldError(f"--refers {words}={actor}: {words!r} does not occur in any "
                                "quote; it names the words of the quote that stand for the actor")
        for i in holders:
            refers_of[i][words] = actor
    evidence = [{"source": c.source, "quote": c.found.quote, "prefix": c.found.prefix,
                 "suffix": c.found.suffix, "refers": r} for c, r in zip(cited, refers_of,
                                                                          strict=True)]
    data = {"id": fid or propose_id(claim, taken), "claim": claim, "actors": list(actors),
            "issues": list(issues), "event": event,
            "attribution": {"kind": kind, "actor": speaker or None},
            "date": _date(date), "evidence": evidence}
    try:
        return Fact.model_validate(data)
    except ValidationError as exc:
        raise ScaffoldError("\n".join(_option_error(err) for err in exc.errors())) from None


def _date(options: dict[str, str | None] | None) -> dict[str, str] | None:
    given = {k: v for k, v in (options or {}).items() if v}
    if not given:
        return None
    for key in ("text", "precision"):
        if key not in given:
            raise ScaffoldError(f"{DATE_OPTION_OF[key]} is required with "
                                f"{', '.join(DATE_OPTION_OF[k] for k in given)}")
    return given


def _option_error(err: Any) -> str:
    """A validation error named by the command-line option that supplied the value."""
    loc = tuple(err["loc"])
    option = OPTION_OF.get(str(loc[0]), str(loc[0])) if loc else "record"
    if loc[:1] == ("date",) and len(loc) > 1:
        option = DATE_OPTION_OF.get(str(loc[1]), option)
    if loc[:1] == ("evidence",) and "refers" in loc:
        option = "--refers"
    if err["type"] == "string_pattern_mismatch":
        return (f"{option} {err['input']!r} is not a valid id: use lower-case letters, digits, "
                "'-' and '_' (no spaces, dots, slashes or upper case), at most 80 characters")
    if err["type"] == "literal_error":
        return f"{option} {err['input']!r}: {err['msg'].replace('Input should be', 'use')}"
    return f"{option} {err['input']!r}: {err['msg'].removeprefix('Value error, ')}"


def propose_id(text: str, taken: set[str]) -> str:
    """A slug of the first few significant words of ``text``, unique among ``taken``."""
    spaced = re.sub(r"[\W_]+", " ", text)  # "Xi’s" is two words, as for WORD, not "xis"
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    kept = [w for w in words if w not in STOP_WORDS] or words
    slug = "-".join(kept[:6])[:60].strip("-") or "fact"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    assert re.match(ID_PATTERN, candidate), candidate
    return candidate


def fact_yaml(fact: Fact, indent: str = "  ") -> list[str]:
    """The record as block YAML lines in the house style, starting with ``{indent}- id:``."""
    lines = [f"- id: {scalar(fact.id)}", f"  claim: {scalar(fact.claim)}"]
    for key in ("actors", "issues"):
        if getattr(fact, key):
            lines.append(f"  {key}: [{', '.join(scalar(v) for v in getattr(fact, key))}]")
    if fact.event:
        lines.append(f"  event: {scalar(fact.event)}")
    att = fact.attribution
    actor = f", actor: {scalar(att.actor)}" if att.actor else ""
    lines.append(f"  attribution: {{kind: {att.kind}{actor}}}")
    if fact.date:
        lines.append("  date:")
        for key in ("text", "precision", "value", "resolve"):
            if getattr(fact.date, key, None):
                lines.append(f"    {key}: {scalar(getattr(fact.date, key))}")
    lines.append("  evidence:")
    for ev in fact.evidence:
        lines.append(f'    - source: "{ev.source}"')
        for key in ("quote", "prefix", "suffix"):
            if getattr(ev, key) is not None:
                lines.append(f"      {key}: {scalar(getattr(ev, key))}")
        if ev.refers:
            lines.append("      refers:")
            lines += [f"        {scalar(k)}: {scalar(v)}" for k, v in ev.refers.items()]
    return [indent + line for line in lines]


def add_fact(text: str | None, item: Fact, schema_ref: str) -> tuple[str, int]:
    """``text`` of a record file with ``item`` added to its facts; and the line it starts on."""
    try:
        return add_item(text, "facts", fact_yaml(item, indent=""), schema_ref)
    except RecordFileError as exc:
        suffix = " with --file" if exc.message.endswith("another file") else ""
        raise ScaffoldError(exc.message + suffix) from None
