"""Coverage: which body sentences of each source are cited, and which are declared claim-free."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Key, Problem
from .settings import SETTINGS_FILE, Coverage
from .site import FactView, Site
from .sources import SourceText
from .text import normalise_quote

ABBREVIATIONS = ("U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.")
_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    facts: tuple[FactView, ...]
    non_claim: str | None
    """The declared reason this sentence carries no claim, if any."""

    @property
    def status(self) -> str:
        return "cited" if self.facts else ("no claim" if self.non_claim else "uncited")


@dataclass(frozen=True)
class SourceCoverage:
    source_text: SourceText
    sentences: tuple[Sentence, ...]

    @property
    def claim_bearing(self) -> int:
        return sum(1 for s in self.sentences if not s.non_claim or s.facts)

    @property
    def covered(self) -> int:
        return sum(1 for s in self.sentences if s.facts)

    @property
    def share(self) -> float:
        return self.covered / self.claim_bearing if self.claim_bearing else 1.0

    @property
    def uncited(self) -> list[Sentence]:
        return [s for s in self.sentences if s.status == "uncited"]


def sentences(source: SourceText) -> list[tuple[int, int]]:
    """Raw spans of the body's sentences, paragraph by paragraph."""
    spans = []
    for para in source.paragraphs:
        if not para.in_body:
            continue
        text, at = source.raw[para.start : para.end], 0
        for m in _END.finditer(text):
            if any(text[: m.start() + 1].endswith(a) for a in ABBREVIATIONS):
                continue
            spans.append((para.start + at, para.start + m.end()))
            at = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
        if text[at:].strip():
            spans.append((para.start + at, para.end))
    return spans


def coverage(site: Site, policy: Coverage) -> tuple[list[SourceCoverage], list[Problem]]:
    """Coverage of every source; a problem for each declared non-claim that matches nothing, and,
    where the policy requires full coverage, for each claim-bearing body sentence no fact cites."""
    reports: list[SourceCoverage] = []
    problems: list[Problem] = []
    for sid, source in site.sources.items():
        cited = [(p, v) for p in site.passages_by_source.get(sid, ())
                 for v in site.by_passage[(p.source_id, p.start, p.end)]]
        declared = {normalise_quote(n.sentence): n for n in source.record.non_claims}
        found = []
        for start, end in sentences(source):
            text = source.raw[start:end]
            facts = tuple(dict.fromkeys(v for p, v in cited if p.start < end and p.end > start))
            non = declared.pop(normalise_quote(text), None)
            found.append(Sentence(start, end, text, facts, non.reason if non else None))
        origin = site.verified.source_origins[sid]
        for index, non in enumerate(source.record.non_claims):
            if normalise_quote(non.sentence) in declared:
                problems.append(origin.problem(
                    "this is not one of the body's sentences (see the coverage report for the "
                    "sentences as split)", "non_claims", index, "sentence", record=sid))
        report = SourceCoverage(source, tuple(found))
        reports.append(report)
        if policy.rule(sid) == "full":
            problems.extend(origin.problem(
                f"body sentence not cited: {_excerpt(s.text)} ({source.record.file} line "
                f"{source.line_of(s.start)}); cite it in a fact, or list it under non_claims with "
                "the reason it carries no claim", record=sid, follows=True)
                for s in report.uncited)
    for sid in policy.sources:
        if sid not in site.sources and sid not in site.verified.rejected_sources:
            problems.append(Problem(SETTINGS_FILE, 0, 0, Key(path=("coverage", "sources", sid)),
                                    f"unknown source {sid!r}"))
    return reports, problems


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
