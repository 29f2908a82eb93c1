"""The cast of a synthetic reference: states, organisations, outlets, people, places, issues.

Every draw comes from the one seeded ``rng``, in a fixed order, so a size and a seed always give
the same world.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .pieces import Actor, Cast
from .text import cap, slug, zipf_pick
from .words import (
    ADJ,
    CITY_B,
    GIVEN,
    ISSUE_FORMS,
    NOUN,
    NOUN_PL,
    ORG_HEAD,
    ORG_MID,
    ORG_TAIL,
    OUTLET_TAIL,
    SURNAMES,
    SYL_A,
    SYL_B,
)

CAST_SIZES = {"state": 2, "person": 5, "organisation": 3, "outlet": 2}
"""How many actors of each kind appear in one article."""


class World:
    def __init__(self, rng: random.Random, n_actors: int, n_issues: int) -> None:
        self.rng = rng
        self.actors: dict[str, Actor] = {}
        self.issues: dict[str, str] = {}
        self.issue_ids: list[str] = []
        self.used_names: set[str] = set()
        self._make_actors(n_actors)
        self._make_issues(n_issues)

    # --- names ---------------------------------------------------------------------------

    def _unique(self, make: Callable[[], str]) -> str:
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

    def _place(self) -> str:
        rng = self.rng
        return rng.choice(SYL_A) + rng.choice(SYL_A).lower() + rng.choice(CITY_B)

    # --- actors --------------------------------------------------------------------------

    def _make_actors(self, total: int) -> None:
        n_states = max(3, round(total * 0.08))
        n_outlets = max(2, round(total * 0.08))
        n_orgs = max(3, round(total * 0.22))
        n_people = max(4, total - n_states - n_outlets - n_orgs)
        self.states = [self._state() for _ in range(n_states)]
        self.orgs = [self._organisation() for _ in range(n_orgs)]
        self.outlets = [self._outlet() for _ in range(n_outlets)]
        inner: set[str] = set()  # two-word runs inside three-word names
        self.people = [self._person(inner) for _ in range(n_people)]
        self.places = [self._unique(self._place) for _ in range(max(10, total // 4))]

    def _state(self) -> Actor:
        rng = self.rng
        name = self._unique(lambda: rng.choice(SYL_A) + rng.choice(SYL_B))
        capital = self._unique(self._place)
        return self._add_actor(Actor("", name, "state", [capital]))

    def _organisation(self) -> Actor:
        rng = self.rng
        name = self._unique(
            lambda: f"{rng.choice(ORG_HEAD)} {rng.choice(ORG_MID)} {rng.choice(ORG_TAIL)}"
        )
        acronym = "".join(w[0] for w in name.split())
        return self._add_actor(
            Actor("", name, "organisation", [acronym], state=rng.choice(self.states).id)
        )

    def _outlet(self) -> Actor:
        rng = self.rng
        name = self._unique(
            lambda: f"{rng.choice(SYL_A)}{rng.choice(CITY_B)} {rng.choice(OUTLET_TAIL)}"
        )
        return self._add_actor(Actor("", name, "outlet"))

    def _person(self, inner: set[str]) -> Actor:
        rng = self.rng

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
        return self._add_actor(
            Actor(
                "",
                name,
                "person",
                [name.split()[-1]],
                pronoun=rng.choice(("He", "She")),
                state=rng.choice(self.states).id,
                org=rng.choice(self.orgs).id,
            )
        )

    # --- issues --------------------------------------------------------------------------

    def _make_issues(self, total: int) -> None:
        for _ in range(total):
            label = self._issue_name()
            iid = slug(label)
            while iid in self.issues:
                iid += "-2"
            self.issues[iid] = cap(label)
            self.issue_ids.append(iid)

    def _issue_name(self) -> str:
        rng = self.rng
        a, b = rng.sample(self.states, 2)
        noun = rng.choice(NOUN)

        def name() -> str:
            return rng.choice(ISSUE_FORMS).format(
                adj=rng.choice(ADJ), noun=noun, pl=NOUN_PL[rng.choice(NOUN)], a=a.name, b=b.name
            )

        return self._unique(name)

    # --- casts ---------------------------------------------------------------------------

    def casts(self, n_articles: int) -> list[Cast]:
        """Per article: who appears. Every actor is in some cast; popular ones in many."""
        rng = self.rng
        pools = {
            "state": self.states,
            "person": self.people,
            "organisation": self.orgs,
            "outlet": self.outlets,
        }
        queues = {k: rng.sample(v, len(v)) for k, v in pools.items()}
        casts = []
        for _ in range(n_articles):
            cast: Cast = {}
            for kind, size in CAST_SIZES.items():
                chosen: list[Actor] = []
                while len(chosen) < min(size, len(pools[kind])):
                    pick = queues[kind].pop() if queues[kind] else zipf_pick(rng, pools[kind])
                    if pick not in chosen:
                        chosen.append(pick)
                cast[kind] = chosen
            casts.append(cast)
        return casts
