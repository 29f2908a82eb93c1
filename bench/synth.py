#!/usr/bin/env python3
"""Deterministic generator of synthetic factref references, for the benchmark.

    python bench/synth.py --facts 10000 --out /tmp/corpus10k [--seed 1]

writes a complete project folder that ``factref check --root <out>`` accepts with 0 problems and
that ``mkdocs build -f <out>/mkdocs.yml`` builds with the project's own hook:

- ``seeds/*.txt``: one news-like article per source (about 6 KB of body, 4.5 to 8 KB), between a
  header and a footer of page furniture. Sentences are generated from templates over word banks,
  every one different, with typographic quotes and apostrophes (quotes in the records use straight
  ones, so the normalisation is exercised);
- ``facts/sources.yml`` (correct SHA-256, body markers found once, one declared non-claim),
  ``facts/actors.yml``, ``facts/issues.yml``, ``facts/events.yml``;
- ``facts/claims/<source>.yml``: about 100 facts per source, each quoting one or two passages of at
  least six words that name the fact's actors (by name, alias, or a pronoun under ``refers``), with
  narration, direct quotes, paraphrases and outlet reports, dates, numbers, events with dates,
  places and orderings, and a few quotes that need a ``prefix`` to be unique;
- ``docs/``: a copy of the project's hand-written pages and assets, and
  ``mkdocs.yml``: the project's, with the hook named by absolute path.

Proportions, for F facts: about F/100 sources, F/20 actors, F/100 issues and F/20 events. Only
records that some fact uses are written, since the checker rejects unused actors and issues and
events without facts. The same ``--facts`` and ``--seed`` always give byte-identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
HOOK = REPO / "hooks" / "factref_hooks.py"
STAMP = ".factref-synth.json"
"""Written into every generated folder; ``--out`` is only ever cleared if it holds one."""

FACTS_PER_SOURCE = 100
FACTS_PER_ACTOR = 20
FACTS_PER_ISSUE = 100
FACTS_PER_EVENT = 20
MIN_QUOTE_WORDS = 6

# --------------------------------------------------------------------------------------------
# Word banks
# --------------------------------------------------------------------------------------------

GIVEN = (
    "Mira Elena Tomas Hana Jun Amara Kofi Lars Ines Ravi Sofia Dmitri Aiko Min Chen Yuki Omar "
    "Leila Pablo Greta Nikolai Priya Kwame Ana Hiroshi Seo Wei Fatima Jonas Marta Ibrahim Lucia "
    "Tariq Noor Emil Zara Kenji Ada Felix Rosa Arjun Bianca Daniel Eun Farid Gabriel Helga Ismail "
    "Julia Karim Lena Mateo Nadia Oskar Paulo Qiu Rania Stefan Tamar Ugo Vera Xavier Yara Zeynep"
).split()
SURNAMES = (
    "Solberg Vasquez Okafor Lindqvist Moreau Tanaka Kovacs Haddad Novak Ferreira Kim Park Choi "
    "Nakamura Petrov Osei Brandt Rossi Duarte Iyer Kowalski Mensah Sato Zhou Lindgren Abara "
    "Castillo Dubois Eriksen Fischer Gallo Hughes Ibsen Jansen Karlsson Lopes Mbeki Nilsen "
    "Ortega Pereira Quist Ramos Schmidt Torres Ueda Varga Weber Xu Yilmaz Zielinski Achterberg "
    "Bakker Carvalho Delgado Engel Falk Gruber Holm Ishikawa Jovanovic Kaur Laine Maddox Nyberg "
    "Olsen Pajari Reyes Sandoval Takahashi Ulloa Vogel Wojcik Yamada Zamora"
).split()
SYL_A = (
    "Val Ker Mar Tes Dor Bel Cal Fen Gor Hal Ish Jor Kal Lor Mer Nor Ost Pel Quen Ros Sel Tor "
    "Ul Ver Wes Yar Zan Ard Bren Cor"
).split()
SYL_B = (
    "doria stan mark avia ovia esia land mora garth ena ria bia holm wick dale mont ravia tia "
    "nesia gard"
).split()
CITY_B = "ford haven burg port field bridge ton mouth gate ridge".split()
ORG_HEAD = (
    "Northgate Eastbrook Westmere Southfield Harbor Summit Meridian Atlas Beacon Crescent Granite "
    "Horizon Keystone Lantern Pioneer Riverside Sterling Union Vanguard Federal National Regional "
    "Continental Coastal Central"
).split()
ORG_MID = (
    "Policy Grain Maritime Energy Trade Security Finance Steel Rail Health Water Fisheries "
    "Semiconductor Shipping Aviation Labour Research Defence Climate Customs"
).split()
ORG_TAIL = (
    "Institute Board Council Agency Association Federation Group Commission Authority Foundation "
    "Alliance Bureau"
).split()
OUTLET_TAIL = "Times Herald Post Ledger Dispatch Wire Observer Tribune Chronicle Gazette".split()
ADJ = (
    "bilateral regional contested new long-delayed controversial provisional expanded secret "
    "costly ambitious fragile landmark sweeping modest temporary binding informal unexpected "
    "disputed joint revised emergency strategic cautious sudden unprecedented limited broad "
    "lengthy renewed stalled preliminary quiet public"
).split()
NOUN = (
    "tariff export ban summit agreement sanction investment pipeline port shipment alliance "
    "negotiation treaty dispute budget subsidy reactor fishery corridor chip plant crossing "
    "route launch vaccine program deal swap drill rule policy grant link grid accord quota "
    "embargo loan inquiry reform pact mission dialogue framework survey audit ceasefire census "
    "levy licence"
).split()
NOUN_PL = {
    n: n[:-1] + "ies"
    if n.endswith("y") and n[-2] not in "aeiou"
    else n + ("es" if n.endswith(("sh", "ch", "x", "s")) else "s")
    for n in NOUN
}
COUNTABLE = (
    "containers vessels engineers workers students tonnes megawatts flights inspectors "
    "delegates soldiers farmers firms projects"
).split()
VERB = (
    "announced criticised welcomed rejected proposed suspended expanded questioned defended "
    "approved delayed signed condemned endorsed revised blocked launched renewed cancelled "
    "investigated postponed challenged financed reviewed extended"
).split()
VERB_INF = (
    "weaken strengthen delay block reshape undermine expand revive complicate accelerate "
    "threaten secure"
).split()
VERB_INTR = "stalled collapsed resumed faltered continued expired widened eased".split()
PREP_OBJ = "on over about concerning regarding".split()
MEET = ("met", "held talks", "signed an accord", "opened negotiations", "agreed to cooperate")
TAIL = (
    ", a step that analysts said could {inf} the {adj} {noun}",
    " despite objections over the {adj} {noun}",
    " as the {adj} {noun} {intr}",
    ", weeks after the {noun} {intr}",
    " amid growing concern about the {adj} {noun}",
    ", officials said on condition of anonymity",
    ", according to people familiar with the matter",
    "",
    "",
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DESCRIPTOR = (
    "a senior analyst at {org}",
    "a spokesperson for {org}",
    "the chief executive of {org}",
    "a professor who advises {org}",
    "the foreign minister of {state}",
    "a trade envoy for {state}",
    "a former diplomat from {state}",
)
RELATION = (
    ("after", "Hours after"),
    ("after", "Days after"),
    ("before", "Days before"),
    ("after", "Weeks after"),
    ("before", "Hours before"),
)
SUBHEAD = "{Adj} {noun} talks in focus"
ISSUE_FORMS = (
    "The {adj} {noun} between {a} and {b}",
    "{a}'s {adj} {noun} policy",
    "Disputes over the {noun} {pl}",
    "The future of the {adj} {noun}",
    "{a}'s role in the {noun} {pl}",
)


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-_")
    return s or "x"


# --------------------------------------------------------------------------------------------
# Records being built
# --------------------------------------------------------------------------------------------


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    pronoun: str = ""
    state: str = ""  # persons and orgs: the state they belong to (an actor id)
    org: str = ""  # persons: their organisation (an actor id)


@dataclass
class Tag:
    """Something a stretch of a sentence names: an actor, a date, a place or an ordering."""

    start: int
    end: int
    kind: str  # actor | date | place | relation
    value: object


@dataclass
class Sentence:
    text: str  # canonical form: straight quotes (what the normalised source body reads)
    kind: str  # narration | quote | paraphrase | pronoun | report | event
    tags: list[Tag]
    speaker: str = ""
    speech: tuple[int, int] = (0, 0)  # quote: span of the spoken words, opening mark included
    said: tuple[int, int] = (0, 0)  # quote: span of "said Name, descriptor"
    event: int = -1  # event: index into the article's events
    start: int = 0  # offset in the canonical body


@dataclass
class EventRec:
    id: str
    name: str
    date: dict[str, str] | None
    place: str
    roles: list[tuple[str, str]]
    relations: list[tuple[str, str, str]]  # (relation, event id, text)
    issues: list[str]
    anchor: Sentence | None = None


class Builder:
    """Concatenates the pieces of one sentence, recording where each tagged piece lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.tags: list[Tag] = []
        self.length = 0

    def add(self, text: str, kind: str = "", value: object = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if kind:
            self.tags.append(Tag(start, self.length, kind, value))
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------

TOKEN = re.compile(r"\w+(?:['\-.,]\w+)*")
"""Words for choosing quote windows: keeps "Korea's", "400-member" and "1,200" whole."""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _zipf_pick(rng: random.Random, items: list, skew: float = 1.1):
    """Pick with weight 1/rank**skew: a few items are very common, most are rare."""
    weights = [1.0 / (i + 1) ** skew for i in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


class Synth:
    def __init__(self, facts: int, seed: int) -> None:
        self.n_facts = facts
        self.rng = random.Random(f"factref-synth-{seed}-{facts}")
        self.n_sources = max(1, round(facts / FACTS_PER_SOURCE))
        self.actors: dict[str, Actor] = {}
        self.issues: dict[str, str] = {}
        self.used_names: set[str] = set()
        self._make_actors(max(12, round(facts / FACTS_PER_ACTOR)))
        self._make_issues(max(2, round(facts / FACTS_PER_ISSUE)))

    # --- actors and issues ---------------------------------------------------------------

    def _unique(self, make) -> str:
        for _ in range(1000):
            name = make()
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("word banks too small for this many names")

    def _add_actor(self, actor: Actor) -> Actor:
        base, n = slug(actor.name), 1
        actor.id = base
        while actor.id in self.actors:
            n += 1
            actor.id = f"{base}-{n}"
        self.actors[actor.id] = actor
        return actor

    def _make_actors(self, total: int) -> None:
        rng = self.rng
        n_states = max(3, round(total * 0.08))
        n_outlets = max(2, round(total * 0.08))
        n_orgs = max(3, round(total * 0.22))
        n_people = max(4, total - n_states - n_outlets - n_orgs)
        self.states = []
        for _ in range(n_states):
            name = self._unique(lambda: rng.choice(SYL_A) + rng.choice(SYL_B))
            capital = self._unique(self._place)
            self.states.append(self._add_actor(Actor("", name, "state", [capital])))
        self.orgs = []
        for _ in range(n_orgs):
            name = self._unique(
                lambda: f"{rng.choice(ORG_HEAD)} {rng.choice(ORG_MID)} {rng.choice(ORG_TAIL)}"
            )
            acronym = "".join(w[0] for w in name.split())
            org = Actor("", name, "organisation", [acronym], state=rng.choice(self.states).id)
            self.orgs.append(self._add_actor(org))
        self.outlets = []
        for _ in range(n_outlets):
            name = self._unique(
                lambda: f"{rng.choice(SYL_A)}{rng.choice(CITY_B)} {rng.choice(OUTLET_TAIL)}"
            )
            self.outlets.append(self._add_actor(Actor("", name, "outlet")))
        self.people = []
        inner: set[str] = set()  # two-word runs inside three-word names
        for _ in range(n_people):

            def person() -> str:
                # No name may be a run of words inside another's ("Elena Reyes" inside "Nadia
                # Elena Reyes"): the checker does not count a name inside another actor's name.
                while True:
                    middle = f" {rng.choice(GIVEN)}" if rng.random() < 0.15 else ""
                    name = f"{rng.choice(GIVEN)}{middle} {rng.choice(SURNAMES)}"
                    w = name.split()
                    runs = {" ".join(w[:2]), " ".join(w[1:])} if len(w) == 3 else set()
                    if name not in inner and not (runs & self.used_names):
                        inner.update(runs)
                        return name

            name = self._unique(person)
            surname = name.split()[-1]
            p = Actor(
                "",
                name,
                "person",
                [surname],
                pronoun=rng.choice(("He", "She")),
                state=rng.choice(self.states).id,
                org=rng.choice(self.orgs).id,
            )
            self.people.append(self._add_actor(p))
        self.places = [self._unique(self._place) for _ in range(max(10, total // 4))]

    def _place(self) -> str:
        rng = self.rng
        return rng.choice(SYL_A) + rng.choice(SYL_A).lower() + rng.choice(CITY_B)

    def _make_issues(self, total: int) -> None:
        rng = self.rng
        self.issue_ids = []
        for _ in range(total):
            a, b = rng.sample(self.states, 2)
            noun = rng.choice(NOUN)

            def name(a=a, b=b, noun=noun) -> str:
                return rng.choice(ISSUE_FORMS).format(
                    adj=rng.choice(ADJ), noun=noun, pl=NOUN_PL[rng.choice(NOUN)], a=a.name, b=b.name
                )

            label = self._unique(name)
            iid = slug(label)
            while iid in self.issues:
                iid += "-2"
            self.issues[iid] = _cap(label)
            self.issue_ids.append(iid)

    # --- casts ---------------------------------------------------------------------------

    def _casts(self) -> list[dict[str, list[Actor]]]:
        """Per article: who appears. Every actor is in some cast; popular ones in many."""
        rng = self.rng
        pools = {
            "state": self.states,
            "person": self.people,
            "organisation": self.orgs,
            "outlet": self.outlets,
        }
        sizes = {"state": 2, "person": 5, "organisation": 3, "outlet": 2}
        queues = {k: rng.sample(v, len(v)) for k, v in pools.items()}
        casts = []
        for _ in range(self.n_sources):
            cast: dict[str, list[Actor]] = {}
            for kind, size in sizes.items():
                chosen: list[Actor] = []
                while len(chosen) < min(size, len(pools[kind])):
                    pick = queues[kind].pop() if queues[kind] else _zipf_pick(rng, pools[kind])
                    if pick not in chosen:
                        chosen.append(pick)
                cast[kind] = chosen
            casts.append(cast)
        return casts

    # --- sentences -----------------------------------------------------------------------

    def _mention(self, b: Builder, actor: Actor, seen: set[str]) -> None:
        """Name an actor: in full the first time in an article, often by an alias later."""
        text = actor.name
        if actor.id in seen and actor.aliases and self.rng.random() < 0.5:
            text = self.rng.choice(actor.aliases)
        seen.add(actor.id)
        if actor.kind == "outlet":
            b.add("the ")
        b.add(text, "actor", actor.id)

    def _np(self, b: Builder) -> None:
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

    def _speech(self, b: Builder, cast, seen) -> None:
        rng = self.rng
        form = rng.random()
        state = rng.choice(cast["state"])
        if form < 0.35:
            self._mention(b, state, seen)
            b.add(
                f" cannot accept {rng.choice(ADJ)} {NOUN_PL[rng.choice(NOUN)]} "
                f"{rng.choice(PREP_OBJ)} the {rng.choice(NOUN)}"
            )
        elif form < 0.7:
            b.add(
                f"We will not let the {rng.choice(ADJ)} {rng.choice(NOUN)} "
                f"{rng.choice(VERB_INF)} our {rng.choice(NOUN)} with "
            )
            self._mention(b, state, seen)
        else:
            b.add(f"This is the most {rng.choice(ADJ)} {rng.choice(NOUN)} we have seen since ")
            b.add(str(rng.randint(1990, 2024)))
            b.add(f", and {rng.choice(list(NOUN_PL.values()))} will {rng.choice(VERB_INF)} it")

    def _sentence(self, kind: str, cast, seen, last_speaker: Actor | None) -> Sentence:
        rng = self.rng
        b = Builder()
        actor_pool = cast["state"] + cast["person"] + cast["organisation"]
        a = _zipf_pick(rng, actor_pool, 0.7)
        others = [x for x in actor_pool if x is not a]
        speaker = ""
        speech = said = (0, 0)
        if kind == "narration":
            self._mention(b, a, seen)
            b.add(f" {rng.choice(VERB)} ")
            self._np(b)
            if rng.random() < 0.6:
                b.add(f" {rng.choice(('with', 'against', 'alongside', 'for'))} ")
                self._mention(b, rng.choice(others), seen)
            self._tail(b)
        elif kind == "number":
            self._mention(b, a, seen)
            b.add(
                f" {rng.choice(VERB)} a plan involving {self._number()} "
                f"{rng.choice(COUNTABLE)} for the {rng.choice(ADJ)} {rng.choice(NOUN)}"
            )
            if rng.random() < 0.5:
                b.add(" with ")
                self._mention(b, rng.choice(others), seen)
            self._tail(b)
        elif kind == "dated":
            text, spec = self._date()
            b.add(_cap(text), "date", dict(spec, text=_cap(text)))
            b.add(", ")
            self._mention(b, a, seen)
            b.add(f" {rng.choice(VERB)} ")
            self._np(b)
            self._tail(b)
        elif kind == "context":
            b.add(
                f"The {rng.choice(ADJ)} {rng.choice(NOUN)} {rng.choice(VERB_INTR)} "
                f"amid {rng.choice(ADJ)} {NOUN_PL[rng.choice(NOUN)]}, and "
            )
            self._mention(b, a, seen)
            b.add(f" {rng.choice(VERB)} ")
            self._np(b)
        elif kind == "quote":
            p = rng.choice(cast["person"])
            speaker = p.id
            s = b.add('"')[0]
            self._speech(b, cast, seen)
            speech = (s, b.length)
            b.add(',"')
            ss = b.add(" said ")[0] + 1
            self._mention(b, p, seen)
            b.add(", ")
            form = rng.choice(DESCRIPTOR)
            head, _, rest = form.partition("{")
            b.add(head)
            target = self.actors[p.org] if "org" in rest else self.actors[p.state]
            self._mention(b, target, seen)
            said = (ss, b.length)
        elif kind == "paraphrase":
            p = rng.choice(cast["person"])
            speaker = p.id
            self._mention(b, p, seen)
            b.add(" said that ")
            self._mention(b, rng.choice(cast["state"] + cast["organisation"]), seen)
            b.add(f" would {rng.choice(VERB_INF)} ")
            self._np(b)
            self._tail(b)
        elif kind == "pronoun":
            assert last_speaker is not None
            speaker = last_speaker.id
            b.add(last_speaker.pronoun, "pronoun", last_speaker.id)
            b.add(
                f" also said the {rng.choice(ADJ)} {rng.choice(NOUN)} would {rng.choice(VERB_INF)} "
            )
            self._np(b)
            b.add(" for ")
            self._mention(b, rng.choice(cast["state"]), seen)
        elif kind == "report":
            outlet = cast["outlet"][-1]
            speaker = outlet.id
            self._mention(b, a, seen)
            b.add(f" {rng.choice(('has', 'had'))} {rng.choice(VERB)} ")
            self._np(b)
            b.add(", according to ")
            self._mention(b, outlet, seen)
        else:  # pragma: no cover
            raise ValueError(kind)
        text = b.text
        if kind != "quote":
            text += "."
        else:
            text += "."
        return Sentence(
            text,
            "narration" if kind in ("number", "dated", "context") else kind,
            b.tags,
            speaker,
            speech,
            said,
        )

    def _event_sentence(self, cast, seen, prev: EventRec | None, relation) -> tuple[Sentence, dict]:
        rng = self.rng
        b = Builder()
        if prev is not None and relation is not None:
            b.add(relation[1], "relation", relation)
            b.add(f" the {rng.choice(('talks', 'meeting', 'signing', 'summit'))} in {prev.place}, ")
        pool = cast["state"] + cast["person"]
        a, other = rng.sample(pool, 2)
        self._mention(b, a, seen)
        b.add(" and ")
        self._mention(b, other, seen)
        verb = rng.choice(MEET)
        b.add(f" {verb} in ")
        place = rng.choice(self.places)
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
            text = _cap(text)
        info = {"a": a, "b": other, "verb": verb, "place": place, "date": spec}
        return Sentence(text, "event", b.tags), info

    # --- articles ------------------------------------------------------------------------

    def article(self, index: int, cast, n_facts: int):
        """Body paragraphs (canonical), sentences with offsets, events, and the subheading."""
        rng = self.rng
        seen: set[str] = set()
        target = rng.randint(4500, 8000)
        n_events = min(n_facts, max(1, round(n_facts / FACTS_PER_EVENT)))
        kinds = (
            ["narration"] * 30
            + ["number"] * 10
            + ["dated"] * 12
            + ["context"] * 7
            + ["quote"] * 15
            + ["paraphrase"] * 10
            + ["pronoun"] * 6
            + ["report"] * 8
        )
        sentences: list[Sentence] = []
        texts: set[str] = set()
        last_speaker: Actor | None = None
        events: list[EventRec] = []
        event_slots = set(rng.sample(range(4, 48), min(n_events, 44)))
        # Make sure every cast member is named at least once: open with the cast.
        first = Builder()
        people = cast["person"][:2]
        self._mention(first, people[0], seen)
        first.add(" and ")
        self._mention(first, people[1], seen)
        first.add(f" {rng.choice(VERB)} ")
        self._np(first)
        first.add(" with officials from ")
        for i, actor in enumerate(cast["state"] + cast["organisation"]):
            if i:
                first.add(", ")
            self._mention(first, actor, seen)
        first.add(".")
        sentences.append(Sentence(first.text, "narration", first.tags))
        more = Builder()
        self._mention(more, cast["person"][2], seen)
        for person in cast["person"][3:]:
            more.add(", ")
            self._mention(more, person, seen)
        more.add(
            f" and representatives of the {rng.choice(ADJ)} {rng.choice(NOUN)} "
            "were also present, according to "
        )
        self._mention(more, cast["outlet"][-1], seen)
        more.add(".")
        sentences.append(Sentence(more.text, "report", more.tags, cast["outlet"][-1].id))
        length = sum(len(s.text) + 1 for s in sentences)
        while length < target or len(events) < n_events:
            if len(sentences) in event_slots or (length >= target and len(events) < n_events):
                prev = events[-1] if events else None
                relation = rng.choice(RELATION) if prev and rng.random() < 0.4 else None
                sentence, info = self._event_sentence(cast, seen, prev, relation)
                if sentence.text in texts:
                    continue
                eid = slug(
                    f"e{index:04d}{len(events):02d} {info['a'].name} "
                    f"{info['b'].name} {info['place']}",
                    78,
                )
                ev = EventRec(
                    eid,
                    f"{info['a'].name} and {info['b'].name} {info['verb']} in {info['place']}",
                    info["date"],
                    info["place"],
                    [
                        (info["a"].id, "initiator"),
                        (info["b"].id, rng.choice(("participant", "target"))),
                    ],
                    [(relation[0], prev.id, relation[1])] if relation and prev else [],
                    [],
                    sentence,
                )
                sentence.event = len(events)
                events.append(ev)
            else:
                kind = rng.choice(kinds)
                if kind == "pronoun" and last_speaker is None:
                    kind = "narration"
                sentence = self._sentence(kind, cast, seen, last_speaker)
                if sentence.text in texts:
                    continue
                last_speaker = (
                    self.actors[sentence.speaker]
                    if sentence.kind in ("quote", "paraphrase")
                    else None
                )
            texts.add(sentence.text)
            sentences.append(sentence)
            length += len(sentence.text) + 1
        # Paragraphs of one to four sentences; a subheading paragraph about halfway.
        paragraphs: list[list[Sentence]] = []
        i = 0
        while i < len(sentences):
            n = rng.choice((1, 2, 2, 3, 3, 4))
            paragraphs.append(sentences[i : i + n])
            i += n
        subhead = SUBHEAD.format(Adj=_cap(rng.choice(ADJ)), noun=rng.choice(NOUN))
        para_texts: list[str | list[Sentence]] = list(paragraphs)
        para_texts.insert(max(1, len(paragraphs) // 2), subhead)
        body_parts, offset = [], 0
        for para in para_texts:
            if offset:
                offset += 1  # paragraphs are separated by a blank line: one space, normalised
            if isinstance(para, str):
                body_parts.append(para)
                offset += len(para)
                continue
            chunk = []
            for j, s in enumerate(para):
                if j:
                    offset += 1
                s.start = offset
                chunk.append(s.text)
                offset += len(s.text)
            body_parts.append(" ".join(chunk))
        return body_parts, sentences, events, subhead

    # --- facts ---------------------------------------------------------------------------

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
        if lo <= start and s.text[start] == '"' and start + 1 < end:
            pass
        return start, end

    def _pin(self, body: str, s: Sentence, span: tuple[int, int]) -> dict | None:
        """Evidence for ``span`` of ``s``: the quote, plus a prefix if it occurs more than once."""
        rng = self.rng
        a, b = s.start + span[0], s.start + span[1]
        quote = body[a:b]
        hits = _occurrences(body, quote)
        ev: dict = {"quote": quote}
        if len(hits) > 1:
            cut = _WORD_START.search(body, max(0, a - 40), a)  # the lookbehind sees before pos
            if not cut:
                return None
            prefix = body[cut.start() : a].strip()
            if sum(1 for h in hits if body[:h].rstrip().endswith(prefix)) != 1:
                return None
            ev["prefix"] = prefix
        if rng.random() < 0.2:  # some editors paste the typographic characters as published
            ev["quote"] = typeset(quote)
        return ev

    def facts_for(
        self,
        source_id: str,
        body: str,
        sentences: list[Sentence],
        events: list[EventRec],
        n_facts: int,
        issues: list[str],
        all_sources,
    ) -> list:
        rng = self.rng
        facts: list[dict] = []
        order = [s for s in sentences if s.kind == "event"]
        order += [s for s in sentences if s.kind != "event"]
        while len(order) < n_facts * 2:
            order += rng.sample(sentences, len(sentences))
        k = 0
        first_pass = len(sentences)
        self.anchored: set[str] = set()
        while len(facts) < n_facts and k < len(order):
            s = order[k]
            fact = self._fact(source_id, body, s, events, issues, whole=k < first_pass)
            k += 1
            if fact is None:
                continue
            if rng.random() < 0.05 and all_sources:  # a second source agrees
                other_id, other_body, other_sentences = rng.choice(all_sources)
                o = rng.choice(other_sentences)
                extra = self._pin(other_body, o, (0, len(o.text) - 1))
                if extra is not None and other_id != source_id:
                    fact["evidence"].append({"source": other_id, **extra})
            if s.kind == "event":
                self.anchored.add(fact["event"])
            fact["id"] = slug(f"{source_id[:4]}{len(facts):03d} {fact.pop('_label')}", 78)
            facts.append(fact)
        return facts

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
        evidence: list[dict] = []
        attribution: dict = {"kind": "narration"}
        refers: dict = {}
        end = len(s.text) - 1  # leave out the full stop
        if s.kind == "quote":
            attribution = {"kind": "quote", "actor": s.speaker}
            if whole or rng.random() < 0.5:
                spans = [self._window(s, 0, end, random_cut=False)]
            else:  # the spoken words and the attribution, as two passages
                spans = [self._window(s, *s.speech), self._window(s, *s.said, random_cut=False)]
        elif s.kind in ("paraphrase", "pronoun"):
            attribution = {"kind": "paraphrase", "actor": s.speaker}
            win = self._window(s, 0, end, must=(0, 1), random_cut=not whole)
            spans = [(0, win[1])] if win else [None]
            if s.kind == "pronoun":
                pronoun = s.tags[0]
                refers = {s.text[pronoun.start : pronoun.end]: s.speaker}
        elif s.kind == "report":
            attribution = {"kind": "report", "actor": s.speaker}
            win = self._window(s, 0, end, must=(end - 1, end), random_cut=not whole)
            spans = [(win[0], end)] if win else [None]
        else:
            spans = [self._window(s, 0, end, random_cut=not whole)]
        if any(sp is None for sp in spans):
            return None
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
        )
        actors = actors[:4]
        fact: dict = {"claim": self._claim(s, spans, attribution)}
        if actors:
            fact["actors"] = actors
        roll = rng.random()
        fact_issues = []
        if roll < 0.7 or not actors:
            fact_issues = [rng.choice(issues)]
        elif roll < 0.85:
            fact_issues = rng.sample(issues, min(2, len(issues)))
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
        words = TOKEN.findall(fact["claim"])
        fact["_label"] = " ".join(words[:6])
        return fact

    def _claim(self, s: Sentence, spans, attribution: dict) -> str:
        """The editor's words: the quoted passage restated as a plain sentence."""
        text = " ".join(s.text[a:b] for a, b in spans)
        text = text.replace('"', "").strip(" ,")
        if s.kind == "quote":
            speaker = self.actors[attribution["actor"]].name
            a, b = spans[0]
            spoken = s.text[max(a, s.speech[0]) : min(b, s.speech[1])].replace('"', "").strip()
            return f"{speaker} said: {spoken}."
        if s.kind == "pronoun":
            speaker = self.actors[attribution["actor"]]
            return f"{speaker.name}{text[len(speaker.pronoun) :]}."
        return _cap(text) + "."

    # --- the whole corpus ----------------------------------------------------------------

    def build(self) -> dict:
        rng = self.rng
        casts = self._casts()
        per_source = [self.n_facts // self.n_sources] * self.n_sources
        for i in range(self.n_facts - sum(per_source)):
            per_source[i] += 1
        issue_queue = rng.sample(self.issue_ids, len(self.issue_ids))
        sources, bodies = [], []
        for i in range(self.n_sources):
            cast = casts[i]
            token = hashlib.sha256(f"{i}-{rng.random()}".encode()).hexdigest()[:16]
            sid = f"{i:04d}_{token}"
            body_parts, sentences, events, subhead = self.article(i, cast, per_source[i])
            own = issue_queue.pop() if issue_queue else _zipf_pick(rng, self.issue_ids)
            src_issues = list(
                dict.fromkeys(
                    [own] + [_zipf_pick(rng, self.issue_ids) for _ in range(rng.randint(1, 2))]
                )
            )
            for ev in events:
                ev.issues = [own]
            sources.append(
                {
                    "id": sid,
                    "cast": cast,
                    "parts": body_parts,
                    "sentences": sentences,
                    "events": events,
                    "subhead": subhead,
                    "issues": src_issues,
                    "n": per_source[i],
                }
            )
            bodies.append((sid, " ".join(body_parts), sentences))
        for src in sources:
            body = " ".join(src["parts"])
            src["facts"] = self.facts_for(
                src["id"],
                body,
                src["sentences"],
                src["events"],
                src["n"],
                src["issues"],
                bodies[-50:],
            )
        return {"sources": sources}


_WORD_START = re.compile(r"(?<![\w'\-.,])\w")


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` that do not cut a word in two at either end."""
    found, at = [], text.find(needle)
    while at != -1:
        end = at + len(needle)
        ok_start = not (
            needle[0].isalnum() and at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
        )
        ok_end = not (
            needle[-1].isalnum() and end < len(text) and (text[end].isalnum() or text[end] == "_")
        )
        if ok_start and ok_end:
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def typeset(text: str) -> str:
    """Straight quotes → typographic ones, as a news site publishes them."""
    out = []
    for i, c in enumerate(text):
        if c == "'":
            out.append("\u2019")
        elif c == '"':
            opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—"
            out.append("\u201c" if opening else "\u201d")
        else:
            out.append(c)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Writing the project folder
# --------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 '\u2019.,;()\-\u2013\u2014/&]*")
_NULLS = {"null", "Null", "NULL", "~"}


def y(value: str, flow: bool = False) -> str:
    """A YAML scalar: plain when that reads back as the same string, else double-quoted."""
    plain = (
        _PLAIN.fullmatch(value)
        and value not in _NULLS
        and not value.endswith((" ", ":"))
        and ": " not in value
        and " #" not in value
        and not (flow and any(c in value for c in ",[]{}"))
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def _flow_map(d: dict) -> str:
    return "{" + ", ".join(f"{k}: {y(str(v), flow=True)}" for k, v in d.items()) + "}"


def _flow_list(items: list[str]) -> str:
    return "[" + ", ".join(y(i, flow=True) for i in items) + "]"


HEADER = "# yaml-language-server: $schema={}schemas/record-file.json\n"


def write_corpus(data: dict, synth: Synth, out: Path) -> dict:
    rng = synth.rng
    (out / "seeds").mkdir(parents=True)
    (out / "facts" / "claims").mkdir(parents=True)
    used_actors: dict[str, None] = {}
    used_issues: dict[str, None] = {}
    used_events: dict[str, None] = {}
    for src in data["sources"]:
        for f in src["facts"]:
            used_actors.update(dict.fromkeys(f.get("actors", [])))
            if f["attribution"].get("actor"):
                used_actors[f["attribution"]["actor"]] = None
            used_issues.update(dict.fromkeys(f.get("issues", [])))
            if f.get("event"):
                used_events[f["event"]] = None
    events = [ev for src in data["sources"] for ev in src["events"] if ev.id in used_events]
    for ev in events:
        used_actors.update(dict.fromkeys(a for a, _ in ev.roles))
        used_issues.update(dict.fromkeys(ev.issues))
    src_lines = [HEADER.format("../"), "sources:\n"]
    n_facts = 0
    for i, src in enumerate(data["sources"]):
        cast = src["cast"]
        publisher = synth.outlets[i % len(synth.outlets)]
        used_actors[publisher.id] = None
        reporter = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        state_a, state_b = (cast["state"] * 2)[:2]
        headline = (
            f"{state_a.name} {rng.choice(VERB)} {rng.choice(ADJ)} "
            f"{rng.choice(NOUN)} as {state_b.name} weighs its options"
        )
        month, day = rng.randrange(12), rng.randint(1, 28)
        dateline = f"{MONTHS[month]} {day}, 2026"
        header = [
            f"{publisher.name}",
            "/",
            "Home | World | Business | Opinion | Video",
            headline,
            f"{reporter}, {publisher.name}",
            f"Published in World News on {dateline}",
        ]
        footer = [
            f"\u00a9 2026 {publisher.name}. All rights reserved.",
            "Comments are closed for this story. Read our community guidelines.",
        ]
        body_parts = src["parts"]
        full = " ".join(header + body_parts + footer)
        starts, ends = _marker(full, body_parts[0], True), _marker(full, body_parts[-1], False)
        text = "\n\n".join(header + [typeset(p) for p in body_parts] + footer) + "\n"
        raw = text.encode("utf-8")
        (out / "seeds" / f"{src['id']}.txt").write_bytes(raw)
        lines = [
            f'  - id: "{src["id"]}"\n',
            "    kind: news-report\n",
            f"    file: {src['id']}.txt\n",
            f"    sha256: {hashlib.sha256(raw).hexdigest()}\n",
            f"    headline: {y(headline)}\n",
            f"    byline: {y(f'{reporter}, {publisher.name}')}\n",
            f"    publisher: {y(publisher.name)}\n",
            f"    published: {{date: '2026-{month + 1:02d}-{day:02d}', text: '{dateline}'}}\n",
            f"    url: https://news.example/{src['id']}\n",
            f"    outlets: [{publisher.id}]\n",
            "    body:\n",
            f"      starts_with: {y(typeset(starts) if rng.random() < 0.5 else starts)}\n",
            f"      ends_with: {y(ends)}\n",
            "    non_claims:\n",
            f"      - sentence: {y(src['subhead'])}\n",
            "        reason: a subheading\n",
        ]
        src_lines.extend(lines)
        n_facts += len(src["facts"])
        write_facts(out / "facts" / "claims" / f"{src['id']}.yml", src["facts"])
    (out / "facts" / "sources.yml").write_text("".join(src_lines), encoding="utf-8")

    kinds = {
        "person": "# People",
        "state": "# States",
        "organisation": "# Organisations",
        "outlet": "# News outlets",
    }
    lines = [HEADER.format("../"), "actors:\n"]
    for kind, comment in kinds.items():
        lines.append(f"  {comment}\n")
        for aid in sorted(used_actors):
            a = synth.actors[aid]
            if a.kind != kind:
                continue
            lines += [f"  - id: {a.id}\n", f"    name: {y(a.name)}\n", f"    kind: {a.kind}\n"]
            if a.aliases:
                lines.append(f"    aliases: {_flow_list(a.aliases)}\n")
    (out / "facts" / "actors.yml").write_text("".join(lines), encoding="utf-8")

    lines = [HEADER.format("../"), "issues:\n"]
    for iid in sorted(used_issues):
        lines += [f"  - id: {iid}\n", f"    name: {y(synth.issues[iid])}\n"]
    (out / "facts" / "issues.yml").write_text("".join(lines), encoding="utf-8")

    lines = [HEADER.format("../"), "events:\n"]
    for ev in events:
        lines += [f"  - id: {ev.id}\n", f"    name: {y(ev.name)}\n"]
        if ev.date:
            lines.append(f"    date: {_flow_map(ev.date)}\n")
        lines.append(f"    place: {y(ev.place)}\n")
        lines.append("    roles:\n")
        lines += [f"      - {{actor: {a}, role: {r}}}\n" for a, r in ev.roles]
        relations = [(r, e, t) for r, e, t in ev.relations if e in used_events]
        if relations:
            lines.append("    relations:\n")
            lines += [
                f"      - {{relation: {r}, event: {e}, text: {y(t, flow=True)}}}\n"
                for r, e, t in relations
            ]
        lines.append(f"    issues: {_flow_list(ev.issues)}\n")
    (out / "facts" / "events.yml").write_text("".join(lines), encoding="utf-8")
    return {
        "sources": len(data["sources"]),
        "actors": len(used_actors),
        "issues": len(used_issues),
        "events": len(events),
        "facts": n_facts,
    }


def _marker(full: str, paragraph: str, start: bool) -> str:
    """The first (or last) words of a paragraph, as few as occur exactly once in the file."""
    words = paragraph.split(" ")
    for n in range(6, len(words) + 1):
        text = " ".join(words[:n] if start else words[-n:])
        if len(_occurrences(full, text)) == 1:
            return text
    raise RuntimeError("no unique body marker")


def write_facts(path: Path, facts: list[dict]) -> None:
    lines = [HEADER.format("../../"), "facts:\n"]
    for f in facts:
        lines.append(f"  - id: {f['id']}\n")
        lines.append(f"    claim: {y(f['claim'])}\n")
        if f.get("actors"):
            lines.append(f"    actors: {_flow_list(f['actors'])}\n")
        if f.get("issues"):
            lines.append(f"    issues: {_flow_list(f['issues'])}\n")
        if f.get("event"):
            lines.append(f"    event: {f['event']}\n")
        lines.append(f"    attribution: {_flow_map(f['attribution'])}\n")
        if f.get("date"):
            lines.append(f"    date: {_flow_map(f['date'])}\n")
        lines.append("    evidence:\n")
        for ev in f["evidence"]:
            lines.append(f'      - source: "{ev["source"]}"\n')
            lines.append(f"        quote: {y(ev['quote'])}\n")
            if "prefix" in ev:
                lines.append(f"        prefix: {y(ev['prefix'])}\n")
            if ev.get("refers"):
                lines.append(f"        refers: {_flow_map(ev['refers'])}\n")
    path.write_text("".join(lines), encoding="utf-8")


class _Tagged:
    """A value under a custom tag (``!ENV [X, null]``), kept to be written back as it was."""

    def __init__(self, tag: str, value: object) -> None:
        self.tag, self.value = tag, value


class _KeepTags(yaml.SafeLoader):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: object = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return _Tagged(node.tag, value)


_KeepTags.add_multi_constructor("!", _keep_tag)


class _TagDumper(yaml.SafeDumper):
    pass


def _dump_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_TagDumper.add_representer(_Tagged, _dump_tagged)


def dump_config(config: dict) -> str:
    return yaml.dump(config, Dumper=_TagDumper, sort_keys=False, allow_unicode=True)


def load_config_keeping_tags(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_KeepTags)  # noqa: S506


def mkdocs_config(site_name_suffix: str, *, hooks: bool) -> dict:
    """The project's mkdocs.yml, with the hook by absolute path (or without hooks: the floor).

    Everything else (theme, features, plugins, markdown extensions, validation, nav, ``!ENV``
    values) is kept as the project has it, so the benchmark follows the project's configuration.
    """
    config = load_config_keeping_tags(REPO / "mkdocs.yml")
    config["site_name"] = f"{config.get('site_name', 'factref')} ({site_name_suffix})"
    if hooks:
        config["hooks"] = [str(HOOK)]
        config["watch"] = ["facts", "seeds", str(REPO / "hooks")]
    else:
        config.pop("hooks", None)
        config.pop("watch", None)
    return config


UNFINGERPRINTED = ("benchmark.md",)
"""Copied, but left out of the corpus fingerprint: this benchmark's own page changes with every
run, and a stale copy of it builds the same."""


def docs_files(*, fingerprinted: bool = False) -> list[Path]:
    """The project's hand-written docs (pages and assets), which a corpus gets a copy of."""
    base = REPO / "docs"
    skip = UNFINGERPRINTED if fingerprinted else ()
    return sorted(
        p for p in base.rglob("*") if p.is_file() and p.relative_to(base).as_posix() not in skip
    )


def copy_docs(out: Path) -> None:
    """The project's hand-written pages and assets, so the nav finds every page it names."""
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for path in docs_files():
        dest = docs / path.relative_to(REPO / "docs")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)


def prepare_out(out: Path) -> None:
    if out.exists():
        if not (out / STAMP).is_file() and any(out.iterdir()):
            sys.exit(f"{out} exists and was not made by synth.py; refusing to overwrite it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / STAMP).write_text("{}\n", encoding="utf-8")  # claimed, even if generation fails


def generate(facts: int, out: Path, seed: int = 1) -> dict:
    prepare_out(out)
    synth = Synth(facts, seed)
    counts = write_corpus(synth.build(), synth, out)
    copy_docs(out)
    config = mkdocs_config(f"synthetic, {facts} facts", hooks=True)
    (out / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    seeds_bytes = sum(p.stat().st_size for p in (out / "seeds").iterdir())
    facts_bytes = sum(p.stat().st_size for p in (out / "facts").rglob("*.yml"))
    stamp = {
        "facts_requested": facts,
        "seed": seed,
        **counts,
        "seeds_bytes": seeds_bytes,
        "records_bytes": facts_bytes,
    }
    (out / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, required=True, help="number of facts (F)")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    stamp = generate(args.facts, args.out, args.seed)
    print(json.dumps(stamp))


if __name__ == "__main__":
    main()
