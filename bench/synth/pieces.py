"""What an article is made of while it is written: actors, tagged sentences, events."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    kind: str  # actor | pronoun | date | place | relation
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


Cast = dict[str, list[Actor]]
"""Who appears in one article, by actor kind."""


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
