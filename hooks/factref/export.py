"""Export: every verified record as JSON, each evidence passage as a W3C Web Annotation.

Offsets are raw character (code point) offsets into the source file as stored in seeds/, the same
ones the site's citation links use. Records are sorted by id, so the export changes only when the
records do, not when they move between files. See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any

from .memo import Memo
from .pipeline import Result
from .quotes import Passage
from .records import Record
from .sources import SourceText

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
"""Raw characters of context on each side in a TextQuoteSelector's prefix and suffix."""


def export(result: Result) -> dict[str, Any]:
    """The machine-readable export of everything that verified in ``result``."""
    return {name: [item() for _, item in items] for name, items in _items(result).items()}


def export_text(result: Result, memo: Memo | None = None) -> str:
    """``dumps(export(result), compact=True)``, with each record's JSON reused from ``memo``
    while the objects it was made from come back (memo.py). The compact form is each record's
    compact JSON joined by commas, which is how the encoder writes a list; sorted keys put the
    record kinds in the order written here."""
    if memo is None:
        return dumps(export(result), compact=True)
    parts = []
    for name, items in sorted(_items(result).items()):
        texts = [memo.get(f"export-{name}", sources, partial(_compact, item))
                 for sources, item in items]
        parts.append(f'"{name}":[{",".join(texts)}]')
    return "{" + ",".join(parts) + "}\n"


def _compact(item: Callable[[], dict[str, Any]]) -> str:
    return dumps(item(), compact=True).removesuffix("\n")


Item = tuple[tuple[object, ...], Callable[[], dict[str, Any]]]


def _items(result: Result) -> dict[str, list[Item]]:
    """Each record kind → for each of its records in the export's order, the objects its JSON is
    made from → the function that makes it."""
    v = result.verified

    def fact(fid: str) -> tuple[object, ...]:
        passages = v.passages[fid]
        return (v.facts[fid].record, *passages, *(v.sources[p.source_id] for p in passages))

    return {
        "sources": [((v.sources[k],), partial(_source, v.sources[k])) for k in sorted(v.sources)],
        "actors": [((v.actors[k].record,), partial(_dump, v.actors[k].record))
                   for k in sorted(v.actors)],
        "issues": [((v.issues[k].record,), partial(_dump, v.issues[k].record))
                   for k in sorted(v.issues)],
        "events": [((v.events[k].record,), partial(_dump, v.events[k].record))
                   for k in sorted(v.events)],
        "facts": [(fact(fid), partial(_fact, result, fid)) for fid in sorted(v.facts)],
    }


def dumps(data: dict[str, Any], *, compact: bool = False) -> str:
    """The export as JSON text: indented for people, or compact (the site's ``export.json``).

    ``indent`` makes ``json`` fall back to its pure-Python encoder, which at 10,000 facts took
    0.7 s and 130 MB more at the build's memory peak; the compact form uses the C encoder."""
    if compact:
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _dump(record: Record) -> dict[str, Any]:
    return record.model_dump(mode="json")


def _source(text: SourceText) -> dict[str, Any]:
    out = _dump(text.record)
    out["body"].update(start=text.body_start, end=text.body_end)
    return out


def _fact(result: Result, fid: str) -> dict[str, Any]:
    fact = result.verified.facts[fid].record
    out = _dump(fact)
    passages = result.verified.passages[fid]
    for n, (evidence, passage) in enumerate(zip(out["evidence"], passages, strict=True), start=1):
        source = result.verified.sources[passage.source_id]
        evidence.update(start=passage.start, end=passage.end, text=passage.text)
        evidence["annotation"] = annotation(f"#{fid}-evidence-{n}", fact.claim, passage, source)
    return out


def annotation(aid: str, claim: str, passage: Passage, source: SourceText) -> dict[str, Any]:
    """One evidence passage as a Web Annotation: the claim as body, the passage as target."""
    raw = source.raw
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": aid,
        "type": "Annotation",
        "motivation": "describing",
        "body": {"type": "TextualBody", "value": claim, "format": "text/plain"},
        "target": {
            "source": passage.source_id,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": passage.text,
                    "prefix": raw[max(0, passage.start - CONTEXT_CHARS) : passage.start],
                    "suffix": raw[passage.end : passage.end + CONTEXT_CHARS],
                },
                {"type": "TextPositionSelector", "start": passage.start, "end": passage.end},
            ],
        },
    }
