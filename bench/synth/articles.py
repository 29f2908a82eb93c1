"""One synthetic article: its sentences, its events, its paragraphs and their offsets."""

from __future__ import annotations

from dataclasses import dataclass

from .pieces import Actor, Builder, Cast, EventRec, Sentence
from .sentences import KINDS, SentenceWriter
from .text import cap, slug
from .words import ADJ, NOUN, RELATION, SUBHEAD, VERB

FACTS_PER_EVENT = 20


@dataclass
class Article:
    paragraphs: list[str]  # canonical body paragraphs (straight quotes), the subheading among them
    sentences: list[Sentence]  # with their offsets in the canonical body
    events: list[EventRec]
    subhead: str


class ArticleWriter:
    def __init__(self, writer: SentenceWriter) -> None:
        self.writer = writer
        self.rng = writer.rng

    def article(self, index: int, cast: Cast, n_facts: int) -> Article:
        rng = self.rng
        seen: set[str] = set()
        target = rng.randint(4500, 8000)
        n_events = min(n_facts, max(1, round(n_facts / FACTS_PER_EVENT)))
        event_slots = set(rng.sample(range(4, 48), min(n_events, 44)))
        sentences = self._opening(cast, seen)
        texts: set[str] = set()
        last_speaker: Actor | None = None
        events: list[EventRec] = []
        length = sum(len(s.text) + 1 for s in sentences)
        while length < target or len(events) < n_events:
            if len(sentences) in event_slots or (length >= target and len(events) < n_events):
                sentence = self._event(index, cast, seen, events, texts)
            else:
                sentence = self._plain(cast, seen, last_speaker, texts)
                if sentence is not None:
                    last_speaker = (
                        self.writer.world.actors[sentence.speaker]
                        if sentence.kind in ("quote", "paraphrase")
                        else None
                    )
            if sentence is None:
                continue
            texts.add(sentence.text)
            sentences.append(sentence)
            length += len(sentence.text) + 1
        paragraphs, subhead = self._layout(sentences)
        return Article(paragraphs, sentences, events, subhead)

    def _opening(self, cast: Cast, seen: set[str]) -> list[Sentence]:
        """Two sentences that name every cast member, so each is introduced in full."""
        rng, w = self.rng, self.writer
        first = Builder()
        people = cast["person"][:2]
        w.mention(first, people[0], seen)
        first.add(" and ")
        w.mention(first, people[1], seen)
        first.add(f" {rng.choice(VERB)} ")
        w.noun_phrase(first)
        first.add(" with officials from ")
        for i, actor in enumerate(cast["state"] + cast["organisation"]):
            if i:
                first.add(", ")
            w.mention(first, actor, seen)
        first.add(".")
        more = Builder()
        w.mention(more, cast["person"][2], seen)
        for person in cast["person"][3:]:
            more.add(", ")
            w.mention(more, person, seen)
        more.add(
            f" and representatives of the {rng.choice(ADJ)} {rng.choice(NOUN)} "
            "were also present, according to "
        )
        w.mention(more, cast["outlet"][-1], seen)
        more.add(".")
        return [
            Sentence(first.text, "narration", first.tags),
            Sentence(more.text, "report", more.tags, cast["outlet"][-1].id),
        ]

    def _event(
        self, index: int, cast: Cast, seen: set[str], events: list[EventRec], texts: set[str]
    ) -> Sentence | None:
        """A sentence that tells an event (appended to ``events``), or None if it repeats one."""
        rng = self.rng
        prev = events[-1] if events else None
        relation = rng.choice(RELATION) if prev and rng.random() < 0.4 else None
        sentence, info = self.writer.event_sentence(cast, seen, prev, relation)
        if sentence.text in texts:
            return None
        a, b = info["a"], info["b"]
        eid = slug(f"e{index:04d}{len(events):02d} {a.name} {b.name} {info['place']}", 78)
        ev = EventRec(
            eid,
            f"{a.name} and {b.name} {info['verb']} in {info['place']}",
            info["date"],
            info["place"],
            [(a.id, "initiator"), (b.id, rng.choice(("participant", "target")))],
            [(relation[0], prev.id, relation[1])] if relation and prev else [],
            [],
            sentence,
        )
        sentence.event = len(events)
        events.append(ev)
        return sentence

    def _plain(
        self, cast: Cast, seen: set[str], last_speaker: Actor | None, texts: set[str]
    ) -> Sentence | None:
        kind = self.rng.choice(KINDS)
        if kind == "pronoun" and last_speaker is None:
            kind = "narration"
        sentence = self.writer.sentence(kind, cast, seen, last_speaker)
        return None if sentence.text in texts else sentence

    def _layout(self, sentences: list[Sentence]) -> tuple[list[str], str]:
        """Paragraphs of one to four sentences and a subheading about halfway; sets offsets."""
        rng = self.rng
        groups: list[list[Sentence]] = []
        i = 0
        while i < len(sentences):
            n = rng.choice((1, 2, 2, 3, 3, 4))
            groups.append(sentences[i : i + n])
            i += n
        subhead = SUBHEAD.format(Adj=cap(rng.choice(ADJ)), noun=rng.choice(NOUN))
        items: list[str | list[Sentence]] = list(groups)
        items.insert(max(1, len(groups) // 2), subhead)
        paragraphs, offset = [], 0
        for item in items:
            if offset:
                offset += 1  # paragraphs are separated by a blank line: one space, normalised
            if isinstance(item, str):
                paragraphs.append(item)
                offset += len(item)
                continue
            chunk = []
            for j, s in enumerate(item):
                if j:
                    offset += 1
                s.start = offset
                chunk.append(s.text)
                offset += len(s.text)
            paragraphs.append(" ".join(chunk))
        return paragraphs, subhead
