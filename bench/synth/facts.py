"""Facts cut from an article: quote windows of whole words, prefixes where a quote repeats,
attributions, actors, issues, events and dates, and the editor's restated claim."""

from __future__ import annotations

import random

from .pieces import EventRec, Sentence
from .text import TOKEN, WORD_START, cap, occurrences, slug, typeset
from .world import World

MIN_QUOTE_WORDS = 6

OtherSource = tuple[str, str, list[Sentence]]
"""(source id, canonical body, sentences) of an article a fact may cite as a second source."""


class FactWriter:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng: random.Random = world.rng
        self.anchored: set[str] = set()

    def facts_for(
        self,
        source_id: str,
        body: str,
        sentences: list[Sentence],
        events: list[EventRec],
        n_facts: int,
        issues: list[str],
        others: list[OtherSource],
    ) -> list[dict]:
        """``n_facts`` facts quoting one article: its events first, then the other sentences."""
        rng = self.rng
        facts: list[dict] = []
        order = [s for s in sentences if s.kind == "event"]
        order += [s for s in sentences if s.kind != "event"]
        while len(order) < n_facts * 2:
            order += rng.sample(sentences, len(sentences))
        k = 0
        first_pass = len(sentences)
        self.anchored = set()
        while len(facts) < n_facts and k < len(order):
            s = order[k]
            fact = self._fact(source_id, body, s, events, issues, whole=k < first_pass)
            k += 1
            if fact is None:
                continue
            if rng.random() < 0.05 and others:
                self._second_source(fact, source_id, others)
            if s.kind == "event":
                self.anchored.add(fact["event"])
            fact["id"] = slug(f"{source_id[:4]}{len(facts):03d} {fact.pop('_label')}", 78)
            facts.append(fact)
        return facts

    def _second_source(self, fact: dict, source_id: str, others: list[OtherSource]) -> None:
        """A second source agrees: a whole sentence of another article."""
        other_id, other_body, other_sentences = self.rng.choice(others)
        o = self.rng.choice(other_sentences)
        extra = self._pin(other_body, o, (0, len(o.text) - 1))
        if extra is not None and other_id != source_id:
            fact["evidence"].append({"source": other_id, **extra})

    # --- quotes --------------------------------------------------------------------------

    def _window(
        self,
        s: Sentence,
        lo: int,
        hi: int,
        must: tuple[int, int] | None = None,
        random_cut: bool = True,
    ) -> tuple[int, int] | None:
        """A span of whole words inside [lo, hi) of ``s``, at least six words, not cutting a tag."""
        rng = self.rng
        toks = [m.span() for m in TOKEN.finditer(s.text, lo, hi)]
        if len(toks) < MIN_QUOTE_WORDS:
            return None
        if not random_cut or len(toks) <= MIN_QUOTE_WORDS + 1 or rng.random() < 0.45:
            i, j = 0, len(toks) - 1
        else:
            size = rng.randint(MIN_QUOTE_WORDS, len(toks))
            i = rng.randint(0, len(toks) - size)
            j = i + size - 1
            if must is not None:  # widen to include the words that must be quoted
                while i > 0 and toks[i][0] > must[0]:
                    i -= 1
                while j < len(toks) - 1 and toks[j][1] < must[1]:
                    j += 1
        start, end = toks[i][0], toks[j][1]
        for t in s.tags:  # never cut a name, date or place in two
            if t.start < start < t.end:
                start = t.start
            if t.start < end < t.end:
                end = t.end
        return start, end

    def _pin(self, body: str, s: Sentence, span: tuple[int, int]) -> dict | None:
        """Evidence for ``span`` of ``s``: the quote, plus a prefix if it occurs more than once."""
        a, b = s.start + span[0], s.start + span[1]
        quote = body[a:b]
        hits = occurrences(body, quote)
        ev: dict = {"quote": quote}
        if len(hits) > 1:
            cut = WORD_START.search(body, max(0, a - 40), a)  # the lookbehind sees before pos
            if not cut:
                return None
            prefix = body[cut.start() : a].strip()
            if sum(1 for h in hits if body[:h].rstrip().endswith(prefix)) != 1:
                return None
            ev["prefix"] = prefix
        if self.rng.random() < 0.2:  # some editors paste the typographic characters as published
            ev["quote"] = typeset(quote)
        return ev

    def _spans(self, s: Sentence, whole: bool) -> tuple[list[tuple[int, int] | None], dict, dict]:
        """The quoted spans of ``s``, the fact's attribution and its ``refers`` entries."""
        rng = self.rng
        end = len(s.text) - 1  # leave out the full stop
        if s.kind == "quote":
            attribution = {"kind": "quote", "actor": s.speaker}
            if whole or rng.random() < 0.5:
                return [self._window(s, 0, end, random_cut=False)], attribution, {}
            # the spoken words and the attribution, as two passages
            spans = [self._window(s, *s.speech), self._window(s, *s.said, random_cut=False)]
            return spans, attribution, {}
        if s.kind in ("paraphrase", "pronoun"):
            attribution = {"kind": "paraphrase", "actor": s.speaker}
            win = self._window(s, 0, end, must=(0, 1), random_cut=not whole)
            refers = {}
            if s.kind == "pronoun":
                pronoun = s.tags[0]
                refers = {s.text[pronoun.start : pronoun.end]: s.speaker}
            return [(0, win[1]) if win else None], attribution, refers
        if s.kind == "report":
            attribution = {"kind": "report", "actor": s.speaker}
            win = self._window(s, 0, end, must=(end - 1, end), random_cut=not whole)
            return [(win[0], end) if win else None], attribution, {}
        return [self._window(s, 0, end, random_cut=not whole)], {"kind": "narration"}, {}

    # --- one fact ------------------------------------------------------------------------

    def _fact(
        self,
        source_id: str,
        body: str,
        s: Sentence,
        events: list[EventRec],
        issues: list[str],
        whole: bool,
    ) -> dict | None:
        rng = self.rng
        maybe_spans, attribution, refers = self._spans(s, whole)
        spans = [sp for sp in maybe_spans if sp is not None]
        if len(spans) < len(maybe_spans):
            return None
        evidence: list[dict] = []
        for span in spans:
            ev = self._pin(body, s, span)
            if ev is None:
                return None
            evidence.append({"source": source_id, **ev})
        if refers:
            evidence[0]["refers"] = refers
        inside = [t for t in s.tags for sp in spans if sp[0] <= t.start and t.end <= sp[1]]
        actors = list(
            dict.fromkeys(
                str(t.value)
                for t in inside
                if t.kind in ("actor", "pronoun") and t.value != attribution.get("actor")
            )
        )[:4]
        fact: dict = {"claim": self._claim(s, spans, attribution)}
        if actors:
            fact["actors"] = actors
        fact_issues = self._issues(issues, bool(actors))
        if fact_issues:
            fact["issues"] = fact_issues
        if s.kind == "event":
            fact["event"] = events[s.event].id
        elif events and rng.random() < 0.25:
            # facts about an event's actors, told around it
            ev = rng.choice(events)
            if ev.id in self.anchored:
                fact["event"] = ev.id
        fact["attribution"] = attribution
        dates = [t for t in inside if t.kind == "date"]
        if dates and rng.random() < 0.6:
            fact["date"] = dates[0].value
        fact["evidence"] = evidence
        fact["_label"] = " ".join(TOKEN.findall(fact["claim"])[:6])
        return fact

    def _issues(self, issues: list[str], has_actors: bool) -> list[str]:
        roll = self.rng.random()
        if roll < 0.7 or not has_actors:
            return [self.rng.choice(issues)]
        if roll < 0.85:
            return self.rng.sample(issues, min(2, len(issues)))
        return []

    def _claim(self, s: Sentence, spans: list[tuple[int, int]], attribution: dict) -> str:
        """The editor's words: the quoted passage restated as a plain sentence."""
        text = " ".join(s.text[a:b] for a, b in spans)
        text = text.replace('"', "").strip(" ,")
        actors = self.world.actors
        if s.kind == "quote":
            speaker = actors[attribution["actor"]].name
            a, b = spans[0]
            spoken = s.text[max(a, s.speech[0]) : min(b, s.speech[1])].replace('"', "").strip()
            return f"{speaker} said: {spoken}."
        if s.kind == "pronoun":
            who = actors[attribution["actor"]]
            return f"{who.name}{text[len(who.pronoun) :]}."
        return cap(text) + "."
