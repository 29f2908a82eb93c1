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

import yaml
from pydantic import ValidationError

from .quotes import MIN_QUOTE_WORDS, QuoteError, resolve
from .records import ATTRIBUTION_KINDS, ID_PATTERN, Evidence, Fact
from .review import in_context
from .sources import SourceText
from .text import normalise_quote
from .words import WORD, word_count
from .yamlio import LocatedDict, LocatedList, YamlProblem
from .yamlio import load as load_yaml

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
             "event": "--event", "attribution": "--attribution"}


def build_fact(found: Found, source: str, *, claim: str | None, actors: Sequence[str],
               issues: Sequence[str], event: str | None, attribution: str, fid: str | None,
               taken: set[str]) -> Fact:
    """The fact record citing ``found``; the claim defaults to the quote, the id to its slug."""
    kind, _, speaker = attribution.partition(":")
    if kind not in ATTRIBUTION_KINDS:
        raise ScaffoldError(f"--attribution {attribution!r}: the kind must be one of "
                            f"{', '.join(ATTRIBUTION_KINDS)}")
    claim = claim or found.quote
    data = {"id": fid or propose_id(claim, taken), "claim": claim, "actors": list(actors),
            "issues": list(issues), "event": event,
            "attribution": {"kind": kind, "actor": speaker or None},
            "evidence": [{"source": source, "quote": found.quote, "prefix": found.prefix,
                          "suffix": found.suffix}]}
    try:
        return Fact.model_validate(data)
    except ValidationError as exc:
        raise ScaffoldError("\n".join(_option_error(err) for err in exc.errors())) from None


def _option_error(err: Any) -> str:
    """A validation error named by the command-line option that supplied the value."""
    loc = tuple(err["loc"])
    option = OPTION_OF.get(str(loc[0]), str(loc[0])) if loc else "record"
    if err["type"] == "string_pattern_mismatch":
        return (f"{option} {err['input']!r} is not a valid id: use lower-case letters, digits, "
                "'-' and '_' (no spaces, dots, slashes or upper case), at most 80 characters")
    return f"{option} {err['input']!r}: {err['msg']}"


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
    lines = [f"- id: {_scalar(fact.id)}", f"  claim: {_scalar(fact.claim)}"]
    for key in ("actors", "issues"):
        if getattr(fact, key):
            lines.append(f"  {key}: [{', '.join(_scalar(v) for v in getattr(fact, key))}]")
    if fact.event:
        lines.append(f"  event: {_scalar(fact.event)}")
    att = fact.attribution
    actor = f", actor: {_scalar(att.actor)}" if att.actor else ""
    lines.append(f"  attribution: {{kind: {att.kind}{actor}}}")
    lines.append("  evidence:")
    for ev in fact.evidence:
        lines.append(f'    - source: "{ev.source}"')
        for key in ("quote", "prefix", "suffix"):
            if getattr(ev, key) is not None:
                lines.append(f"      {key}: {_scalar(getattr(ev, key))}")
    return [indent + line for line in lines]


def _scalar(value: str) -> str:
    """``value`` as a one-line YAML scalar: plain when YAML reads it back as this string."""
    style = '"' if any(c in value for c in "\n\r\x85\u2028\u2029") else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=style)
    return dumped.removesuffix("\n").removesuffix("\n...")


def add_fact(text: str | None, item: Fact, schema_ref: str) -> tuple[str, int]:
    """``text`` of a record file with ``item`` added to its facts; and the line it starts on."""
    if text is None:
        head = [f"# yaml-language-server: $schema={schema_ref}", "facts:"]
        return "\n".join([*head, *fact_yaml(item)]) + "\n", len(head) + 1
    try:
        doc = load_yaml(text.encode("utf-8"))
    except YamlProblem as exc:
        where = f"line {exc.pos.line}: " if exc.pos else ""
        raise ScaffoldError(f"it does not parse ({where}{exc.message}); fix it first") from None
    lines, newline = text.splitlines(), "\r\n" if "\r\n" in text else "\n"
    if doc is None or (isinstance(doc, LocatedDict) and "facts" not in doc):
        text, line = _insert(lines, len(lines), ["facts:", *fact_yaml(item)], newline,
                             blank=bool(lines))
        return text, line + 1
    if not isinstance(doc, LocatedDict):
        raise ScaffoldError("it is not a mapping of record lists")
    facts, key_line = doc["facts"], doc.key_pos["facts"].line
    if facts is None:
        return _insert(lines, key_line, fact_yaml(item), newline)
    if not isinstance(facts, LocatedList) or not facts or facts.item_pos[0].line == key_line:
        raise ScaffoldError("its 'facts' list is not written one item per line ('- id: ...'); "
                            "add the record by hand or write it to another file with --file")
    first = facts.item_pos[0]
    lead = lines[first.line - 1][: first.column - 1]
    indent = lead[: lead.index("-")] if "-" in lead else "  "
    keys = list(doc)
    if keys[-1] == "facts":
        return _insert(lines, len(lines), fact_yaml(item, indent), newline)
    at = doc.key_pos[keys[keys.index("facts") + 1]].line - 1
    while at > facts.item_pos[-1].line and (not lines[at - 1].strip()
                                            or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    return _insert(lines, at, fact_yaml(item, indent), newline)


def _insert(lines: list[str], at: int, new: list[str], newline: str,
            blank: bool = False) -> tuple[str, int]:
    out = lines[:at] + [""] * blank + new + lines[at:]
    return newline.join(out) + newline, at + 1 + blank
