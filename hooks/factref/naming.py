"""Whether a passage names an actor: by name or alias, but not as part of a longer name.

"Korea" (an alias of South Korea) occurs inside "North Korea's", and "China" inside "China Daily";
neither occurrence names South Korea or China. So an occurrence of one of an actor's names only
counts when it is not part of an occurrence of a longer name of *another* actor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .records import Actor
from .text import WORD, normalise_quote


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
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, aid: str) -> re.Pattern[str] | None:
        if aid not in self._patterns:
            names = sorted(self.names.get(aid, ()), key=len, reverse=True)
            parts = [(r"(?<!\w)" if n[0].isalnum() else "") + re.escape(n)
                     + (r"(?!\w)" if n[-1].isalnum() else "") for n in names]
            self._patterns[aid] = re.compile("|".join(parts)) if parts else None
        return self._patterns[aid]

    def names_actor(self, norm: str, aid: str) -> bool:
        """Whether normalised text ``norm`` names actor ``aid`` other than inside another actor's
        longer name."""
        pattern = self._pattern(aid)
        if pattern is None:
            return False
        for name in self.names[aid]:
            start = norm.find(name)
            while start >= 0:
                if pattern.match(norm, start) and not self._inside_longer(norm, start, name, aid):
                    return True
                start = norm.find(name, start + 1)
        return False

    def _inside_longer(self, norm: str, start: int, name: str, aid: str) -> bool:
        for longer, offset, ids in self._containers.get(name, ()):
            if aid in ids:
                continue
            at = start - offset
            if at >= 0 and norm.startswith(longer, at) and _whole(norm, at, at + len(longer)):
                return True
        return False


def _whole(text: str, start: int, end: int) -> bool:
    before = start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
    after = end >= len(text) or not (text[end].isalnum() or text[end] == "_")
    return before and after
