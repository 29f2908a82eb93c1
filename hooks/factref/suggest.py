"""Suggestions for ``factref new``: names in a quote that no actor record declares.

Two cases come up with every new source: a known actor named in a way its record does not list
("ROB" for the Republic of Brenna, when the record has only "Brenna"), and a person with no record
at all. A suggestion is only ever printed, with the YAML to add; the editor decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .naming import Naming
from .recordfile import scalar
from .records import Actor
from .scaffold import propose_id
from .text import normalise_quote

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
_CAP = r"[A-Z][\w\u2019'.-]*"
_JOIN = r"(?:of|the|and|for|de|von|van)"
_LONG_FORM = re.compile(
    rf"((?:{_CAP}|{_JOIN})(?:\s+(?:{_CAP}|{_JOIN})){{0,9}})\s*\(([A-Z][A-Z0-9]{{1,7}})\)")
TITLES = ("President", "Prime Minister", "Foreign Minister", "Minister", "Secretary",
          "Secretary of State", "Ambassador", "Chancellor", "Premier", "Governor", "Mayor",
          "Senator", "Spokesperson", "Spokesman", "Spokeswoman", "General", "Admiral", "King",
          "Queen", "Mr.", "Ms.", "Mrs.", "Dr.", "Deputy", "Chairman", "Chairwoman", "Chair")
_PERSON = re.compile(r"(?:\b(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len,
                                                                            reverse=True))
                     + r")\s+)((?:[A-Z][a-z\u00e0-\u024f'\u2019-]+\s+){1,2}[A-Z][a-z\u00e0-\u024f'"
                     r"\u2019-]+)")


@dataclass(frozen=True)
class KnownActor:
    actor: Actor
    where: str
    """file:line of the actor's record, where the alias goes."""


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms the text defines, as in "Republic of Brenna (ROB)": acronym → long form."""
    found: dict[str, str] = {}
    for m in _LONG_FORM.finditer(text):
        words, acronym = m[1].split(), m[2]
        for start in range(len(words) - 1, -1, -1):  # the shortest long form that fits
            candidate = words[start:]
            if candidate[0][0].isupper() and acronym in (_initials(candidate, every=True),
                                                         _initials(candidate)):
                found.setdefault(acronym, " ".join([*candidate[:-1], _bare(candidate[-1])]))
                break
    return found


def _bare(word: str) -> str:
    return re.sub(r"(?:\u2019s|'s)$", "", word)


def _initials(words: list[str], every: bool = False) -> str:
    letters = [w[0] for w in words if every or w[0].isupper()]
    return "".join(letters).upper()


def suggestions(quotes: Iterable[str], unnamed: Iterable[str], source_text: str,
                actors: Mapping[str, KnownActor], naming: Naming) -> list[str]:
    """Lines to print: aliases for the actors in ``unnamed`` (listed on the fact but not named
    in its quotes), and records for the people the quotes name who have none."""
    quotes = list(quotes)
    joined = " ".join(quotes)
    definitions = acronym_definitions(source_text)
    lines: list[str] = []
    for aid in unnamed:
        known = actors.get(aid)
        if known is not None:
            lines += _alias_for(known, joined, definitions, actors, naming)
    for person in dict.fromkeys(m[1] for m in _PERSON.finditer(joined)):
        if not any(naming.names_actor(normalise_quote(person), a) for a in actors):
            lines += _record_for(person, actors)
    return lines


def _alias_for(known: KnownActor, quote: str, definitions: dict[str, str],
               actors: Mapping[str, KnownActor], naming: Naming) -> list[str]:
    actor = known.actor
    names = (actor.name, *actor.aliases)
    unclaimed = [a for a in dict.fromkeys(ACRONYM.findall(quote))
                 if not any(naming.names_actor(a, other) for other in actors)]
    defined = [a for a in unclaimed
               if any(n.lower() in definitions.get(a, "").lower() for n in names)]
    picks = defined or unclaimed
    if not picks:
        return []
    why = (f"the source defines {', '.join(repr(f'{definitions[a]} ({a})') for a in defined)}"
           if defined else f"the quote uses {', '.join(repr(a) for a in picks)}, which no actor "
           "record declares")
    extra = [definitions[a] for a in defined if definitions[a] not in names]
    aliases = list(dict.fromkeys([*actor.aliases, *extra, *picks]))
    return [f"suggestion: {why}; if that names {actor.name} ({actor.id}), add to its record at "
            f"{known.where}:",
            f"    aliases: [{', '.join(scalar(a) for a in aliases)}]"]


def _record_for(person: str, actors: Mapping[str, KnownActor]) -> list[str]:
    rid = propose_id(person, set(actors))
    return [f"suggestion: the quote names {person!r}, who has no actor record; to write facts "
            "about them, add to facts/actors.yml:",
            f"  - id: {rid}", f"    name: {scalar(person)}", "    kind: person"]
