"""Whether a passage names an actor: by name or alias, but not as part of a longer name.

"Korea" (an alias of South Korea) occurs inside "North Korea's", and "China" inside "China Daily";
neither occurrence names South Korea or China. So before looking for an actor's names, every
occurrence of a longer name of *another* actor that contains one of them is blanked out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .models import Actor
from .text import WORD, normalise_quote


def _pattern(phrase: str) -> re.Pattern[str]:
    needle = normalise_quote(phrase)
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return re.compile(left + re.escape(needle) + right)


class Naming:
    """Built once per verification: for each actor, its names and the longer names to mask."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.names: dict[str, list[str]] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for actor in actors:
            names = [n for n in dict.fromkeys((actor.name, *actor.aliases)) if normalise_quote(n)]
            self.names[actor.id] = names
            for n in names:
                owners[normalise_quote(n)].add(actor.id)
        by_words: dict[str, set[str]] = defaultdict(set)
        for name, ids in owners.items():
            by_words[" ".join(WORD.findall(name))] |= ids
        self._longer: dict[str, list[re.Pattern[str]]] = defaultdict(list)
        for name, ids in owners.items():
            words = WORD.findall(name)
            # Every run of whole words inside a longer name that is some other actor's name.
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    if (i, j) == (0, len(words)):
                        continue
                    for inner_id in by_words.get(" ".join(words[i:j]), ()):
                        if inner_id not in ids:
                            self._longer[inner_id].append(_pattern(name))
        self._own = {aid: [_pattern(n) for n in names] for aid, names in self.names.items()}
        # All the longer names to blank out for an actor, as one alternation (longest first).
        self._mask = {
            aid: re.compile("|".join(p.pattern for p in sorted(
                set(patterns), key=lambda p: (-len(p.pattern), p.pattern))))
            for aid, patterns in self._longer.items() if patterns
        }

    def names_actor(self, norm: str, aid: str) -> bool:
        """Whether normalised text ``norm`` names actor ``aid`` other than inside another actor's
        longer name."""
        mask = self._mask.get(aid)
        if mask is not None:
            norm = mask.sub(lambda m: " " * len(m.group()), norm)
        return any(p.search(norm) for p in self._own.get(aid, ()))
