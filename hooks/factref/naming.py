"""Whether a passage names an actor: by name or alias, but not as part of a longer name.

"Korea" (an alias of South Korea) occurs inside "North Korea's", and "China" inside "China Daily";
neither occurrence names South Korea or China. So an occurrence of one of an actor's names only
counts when it is not part of an occurrence of a longer name of *another* actor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .records import Actor
from .text import normalise_quote
from .words import WORD, find_whole, whole_at


def _words(name: str) -> str:
    return " ".join(WORD.findall(name))


class Naming:
    """Built once per verification from all actors; no regex is compiled until it is used."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.names: dict[str, list[str]] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for actor in actors:
            names = [n for n in dict.fromkeys(normalise_quote(x) for x in (actor.name,
                                                                           *actor.aliases)) if n]
            self.names[actor.id] = names
            for n in names:
                owners[n].add(actor.id)
        by_words: dict[str, list[str]] = defaultdict(list)
        for name in owners:
            by_words[_words(name)].append(name)
        # For each name: the longer names that contain it as a run of whole words, with where
        # it starts inside them and who owns them.
        self._containers: dict[str, list[tuple[str, int, set[str]]]] = defaultdict(list)
        for longer, ids in owners.items():
            spans = [(m.start(), m.end()) for m in WORD.finditer(longer)]
            for i in range(len(spans)):
                for j in range(i + 1, len(spans) + 1):
                    if (i, j) == (0, len(spans)):
                        continue
                    inner_words = " ".join(longer[a:b] for a, b in spans[i:j])
                    for inner in by_words.get(inner_words, ()):
                        at = longer.find(inner, spans[i][0])
                        if at >= 0:
                            self._containers[inner].append((longer, at, ids))

    def names_actor(self, norm: str, aid: str) -> bool:
        """Whether normalised text ``norm`` names actor ``aid`` other than inside another actor's
        longer name."""
        return any(not self._inside_longer(norm, start, name, aid)
                   for name in self.names.get(aid, ()) for start in find_whole(norm, name))

    def _inside_longer(self, norm: str, start: int, name: str, aid: str) -> bool:
        for longer, offset, ids in self._containers.get(name, ()):
            if aid in ids:
                continue
            at = start - offset
            if at >= 0 and norm.startswith(longer, at) and whole_at(norm, at, at + len(longer)):
                return True
        return False

