"""Sentences of a synthetic article, each with tags saying where it names actors, dates, places.

A sentence is built from templates over the word banks by a ``Builder``, so every name, date and
place it contains is tagged with its span; quotes are later cut from those spans.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .pieces import Actor, Builder, Cast, EventRec, Sentence
from .text import cap, zipf_pick
from .words import (
    ADJ,
    COUNTABLE,
    DESCRIPTOR,
    MEET,
    MONTHS,
    NOUN,
    NOUN_PL,
    PREP_OBJ,
    TAIL,
    VERB,
    VERB_INF,
    VERB_INTR,
    WEEKDAYS,
)
from .world import World

KINDS = (
    ["narration"] * 30
    + ["number"] * 10
    + ["dated"] * 12
    + ["context"] * 7
    + ["quote"] * 15
    + ["paraphrase"] * 10
    + ["pronoun"] * 6
    + ["report"] * 8
)
"""How often each kind of sentence is drawn (number, dated and context are narration too)."""


@dataclass
class Draft:
    """One sentence being written: its builder, its main actor and what the kind sets."""

    b: Builder
    cast: Cast
    seen: set[str]
    actor: Actor
    others: list[Actor]
    last_speaker: Actor | None
    speaker: str = ""
    speech: tuple[int, int] = (0, 0)
    said: tuple[int, int] = (0, 0)


class SentenceWriter:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng: random.Random = world.rng
        self._kinds: dict[str, Callable[[Draft], None]] = {
            "narration": self._narration,
            "number": self._number_sentence,
            "dated": self._dated,
            "context": self._context,
            "quote": self._quote,
            "paraphrase": self._paraphrase,
            "pronoun": self._pronoun,
            "report": self._report,
        }

    # --- phrases -------------------------------------------------------------------------

    def mention(self, b: Builder, actor: Actor, seen: set[str]) -> None:
        """Name an actor: in full the first time in an article, often by an alias later."""
        text = actor.name
        if actor.id in seen and actor.aliases and self.rng.random() < 0.5:
            text = self.rng.choice(actor.aliases)
        seen.add(actor.id)
        if actor.kind == "outlet":
            b.add("the ")
        b.add(text, "actor", actor.id)

    def noun_phrase(self, b: Builder) -> None:
        rng = self.rng
        form = rng.random()
        if form < 0.4:
            b.add(f"the {rng.choice(ADJ)} {rng.choice(NOUN)}")
        elif form < 0.7:
            adj = rng.choice(ADJ)
            b.add(
                f"{'an' if adj[0] in 'aeiou' else 'a'} {adj} {rng.choice(NOUN)} "
                f"{rng.choice(PREP_OBJ)} "
                f"{NOUN_PL[rng.choice(NOUN)]}"
            )
        else:
            b.add(
                f"plans for {rng.choice(('new', 'further', 'fewer', 'joint'))} "
                f"{NOUN_PL[rng.choice(NOUN)]}"
            )

    def _tail(self, b: Builder) -> None:
        rng = self.rng
        b.add(
            rng.choice(TAIL).format(
                inf=rng.choice(VERB_INF),
                adj=rng.choice(ADJ),
                noun=rng.choice(NOUN),
                intr=rng.choice(VERB_INTR),
            )
        )

    def _number(self) -> str:
        rng = self.rng
        form = rng.random()
        if form < 0.4:
            return str(rng.randint(2, 950))
        if form < 0.7:
            return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"

    def _date(self) -> tuple[str, dict[str, str]]:
        """A date as the text says it, and the record's ``date`` for it."""
        rng = self.rng
        form = rng.random()
        if form < 0.45:
            day = rng.choice(WEEKDAYS)
            return f"on {day}", {"text": f"on {day}", "precision": "weekday"}
        if form < 0.7:
            m = rng.randrange(12)
            return f"in {MONTHS[m]}", {
                "text": f"in {MONTHS[m]}",
                "precision": "month",
                "value": f"--{m + 1:02d}",
            }
        if form < 0.85:
            y = rng.randint(1995, 2025)
            return f"in {y}", {"text": f"in {y}", "precision": "year", "value": str(y)}
        m, d, y = rng.randrange(12), rng.randint(1, 28), rng.randint(2015, 2025)
        text = f"on {MONTHS[m]} {d}, {y}"
        return text, {"text": text, "precision": "day", "value": f"{y}-{m + 1:02d}-{d:02d}"}

    def _speech(self, b: Builder, cast: Cast, seen: set[str]) -> None:
        rng = self.rng
        form = rng.random()
        state = rng.choice(cast["state"])
        if form < 0.35:
            self.mention(b, state, seen)
            b.add(
                f" cannot accept {rng.choice(ADJ)} {NOUN_PL[rng.choice(NOUN)]} "
                f"{rng.choice(PREP_OBJ)} the {rng.choice(NOUN)}"
            )
        elif form < 0.7:
            b.add(
                f"We will not let the {rng.choice(ADJ)} {rng.choice(NOUN)} "
                f"{rng.choice(VERB_INF)} our {rng.choice(NOUN)} with "
            )
            self.mention(b, state, seen)
        else:
            b.add(f"This is the most {rng.choice(ADJ)} {rng.choice(NOUN)} we have seen since ")
            b.add(str(rng.randint(1990, 2024)))
            b.add(f", and {rng.choice(list(NOUN_PL.values()))} will {rng.choice(VERB_INF)} it")

    # --- sentences by kind ---------------------------------------------------------------

    def sentence(
        self, kind: str, cast: Cast, seen: set[str], last_speaker: Actor | None
    ) -> Sentence:
        pool = cast["state"] + cast["person"] + cast["organisation"]
        actor = zipf_pick(self.rng, pool, 0.7)
        d = Draft(Builder(), cast, seen, actor, [x for x in pool if x is not actor], last_speaker)
        self._kinds[kind](d)
        return Sentence(
            d.b.text + ".",
            "narration" if kind in ("number", "dated", "context") else kind,
            d.b.tags,
            d.speaker,
            d.speech,
            d.said,
        )

    def _narration(self, d: Draft) -> None:
        rng = self.rng
        self.mention(d.b, d.actor, d.seen)
        d.b.add(f" {rng.choice(VERB)} ")
        self.noun_phrase(d.b)
        if rng.random() < 0.6:
            d.b.add(f" {rng.choice(('with', 'against', 'alongside', 'for'))} ")
            self.mention(d.b, rng.choice(d.others), d.seen)
        self._tail(d.b)

    def _number_sentence(self, d: Draft) -> None:
        rng = self.rng
        self.mention(d.b, d.actor, d.seen)
        d.b.add(
            f" {rng.choice(VERB)} a plan involving {self._number()} "
            f"{rng.choice(COUNTABLE)} for the {rng.choice(ADJ)} {rng.choice(NOUN)}"
        )
        if rng.random() < 0.5:
            d.b.add(" with ")
            self.mention(d.b, rng.choice(d.others), d.seen)
        self._tail(d.b)

    def _dated(self, d: Draft) -> None:
        text, spec = self._date()
        d.b.add(cap(text), "date", dict(spec, text=cap(text)))
        d.b.add(", ")
        self.mention(d.b, d.actor, d.seen)
        d.b.add(f" {self.rng.choice(VERB)} ")
        self.noun_phrase(d.b)
        self._tail(d.b)

    def _context(self, d: Draft) -> None:
        rng = self.rng
        d.b.add(
            f"The {rng.choice(ADJ)} {rng.choice(NOUN)} {rng.choice(VERB_INTR)} "
            f"amid {rng.choice(ADJ)} {NOUN_PL[rng.choice(NOUN)]}, and "
        )
        self.mention(d.b, d.actor, d.seen)
        d.b.add(f" {rng.choice(VERB)} ")
        self.noun_phrase(d.b)

    def _quote(self, d: Draft) -> None:
        """ "Spoken words," said Name, a descriptor naming their organisation or state."""
        rng, b = self.rng, d.b
        p = rng.choice(d.cast["person"])
        d.speaker = p.id
        s = b.add('"')[0]
        self._speech(b, d.cast, d.seen)
        d.speech = (s, b.length)
        b.add(',"')
        ss = b.add(" said ")[0] + 1
        self.mention(b, p, d.seen)
        b.add(", ")
        head, _, rest = rng.choice(DESCRIPTOR).partition("{")
        b.add(head)
        actors = self.world.actors
        self.mention(b, actors[p.org] if "org" in rest else actors[p.state], d.seen)
        d.said = (ss, b.length)

    def _paraphrase(self, d: Draft) -> None:
        rng = self.rng
        p = rng.choice(d.cast["person"])
        d.speaker = p.id
        self.mention(d.b, p, d.seen)
        d.b.add(" said that ")
        self.mention(d.b, rng.choice(d.cast["state"] + d.cast["organisation"]), d.seen)
        d.b.add(f" would {rng.choice(VERB_INF)} ")
        self.noun_phrase(d.b)
        self._tail(d.b)

    def _pronoun(self, d: Draft) -> None:
        """The last speaker again, by pronoun: the fact needs a ``refers`` entry."""
        rng, speaker = self.rng, d.last_speaker
        assert speaker is not None
        d.speaker = speaker.id
        d.b.add(speaker.pronoun, "pronoun", speaker.id)
        d.b.add(
            f" also said the {rng.choice(ADJ)} {rng.choice(NOUN)} would {rng.choice(VERB_INF)} "
        )
        self.noun_phrase(d.b)
        d.b.add(" for ")
        self.mention(d.b, rng.choice(d.cast["state"]), d.seen)

    def _report(self, d: Draft) -> None:
        rng = self.rng
        outlet = d.cast["outlet"][-1]
        d.speaker = outlet.id
        self.mention(d.b, d.actor, d.seen)
        d.b.add(f" {rng.choice(('has', 'had'))} {rng.choice(VERB)} ")
        self.noun_phrase(d.b)
        d.b.add(", according to ")
        self.mention(d.b, outlet, d.seen)

    # --- events --------------------------------------------------------------------------

    def event_sentence(
        self,
        cast: Cast,
        seen: set[str],
        prev: EventRec | None,
        relation: tuple[str, str] | None,
    ) -> tuple[Sentence, dict]:
        """Two actors meet somewhere, maybe on a date, maybe before or after the last event."""
        rng = self.rng
        b = Builder()
        if prev is not None and relation is not None:
            b.add(relation[1], "relation", relation)
            b.add(f" the {rng.choice(('talks', 'meeting', 'signing', 'summit'))} in {prev.place}, ")
        a, other = rng.sample(cast["state"] + cast["person"], 2)
        self.mention(b, a, seen)
        b.add(" and ")
        self.mention(b, other, seen)
        verb = rng.choice(MEET)
        b.add(f" {verb} in ")
        place = rng.choice(self.world.places)
        b.add(place, "place", place)
        spec = None
        if rng.random() < 0.8:
            text, spec = self._date()
            # An event ordered against the previous one gets no year: each chain of orderings
            # then holds at most one calendar year, so orderings never contradict the calendar
            # (which verification would refuse).
            while relation is not None and not spec.get("value", "--").startswith("--"):
                text, spec = self._date()
            b.add(" ")
            b.add(text, "date", spec)
        b.add(f" on the {rng.choice(ADJ)} {rng.choice(NOUN)}")
        self._tail(b)
        text = b.text + "."
        if prev is None or relation is None:
            text = cap(text)
        info = {"a": a, "b": other, "verb": verb, "place": place, "date": spec}
        return Sentence(text, "event", b.tags), info
