"""A whole synthetic reference in memory: the world, one article per source, and its facts."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from .articles import Article, ArticleWriter
from .facts import FactWriter, OtherSource
from .pieces import Cast
from .sentences import SentenceWriter
from .text import zipf_pick
from .world import World

FACTS_PER_SOURCE = 100
FACTS_PER_ACTOR = 20
FACTS_PER_ISSUE = 100
SECOND_SOURCE_POOL = 50
"""A second source is drawn from the last this many articles written."""


@dataclass
class SourceDraft:
    id: str
    cast: Cast
    article: Article
    issues: list[str]
    n_facts: int
    facts: list[dict] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join(self.article.paragraphs)


@dataclass
class Corpus:
    world: World
    sources: list[SourceDraft]


def build_corpus(facts: int, seed: int) -> Corpus:
    """The same ``facts`` and ``seed`` always give the same corpus."""
    rng = random.Random(f"factref-synth-{seed}-{facts}")
    n_sources = max(1, round(facts / FACTS_PER_SOURCE))
    world = World(
        rng, max(12, round(facts / FACTS_PER_ACTOR)), max(2, round(facts / FACTS_PER_ISSUE))
    )
    articles = ArticleWriter(SentenceWriter(world))
    casts = world.casts(n_sources)
    per_source = [facts // n_sources] * n_sources
    for i in range(facts - sum(per_source)):
        per_source[i] += 1
    issue_queue = rng.sample(world.issue_ids, len(world.issue_ids))
    sources: list[SourceDraft] = []
    others: list[OtherSource] = []
    for i in range(n_sources):
        token = hashlib.sha256(f"{i}-{rng.random()}".encode()).hexdigest()[:16]
        article = articles.article(i, casts[i], per_source[i])
        own = issue_queue.pop() if issue_queue else zipf_pick(rng, world.issue_ids)
        issues = list(
            dict.fromkeys(
                [own] + [zipf_pick(rng, world.issue_ids) for _ in range(rng.randint(1, 2))]
            )
        )
        for ev in article.events:
            ev.issues = [own]
        src = SourceDraft(f"{i:04d}_{token}", casts[i], article, issues, per_source[i])
        sources.append(src)
        others.append((src.id, src.body, article.sentences))
    writer = FactWriter(world)
    for src in sources:
        src.facts = writer.facts_for(
            src.id,
            src.body,
            src.article.sentences,
            src.article.events,
            src.n_facts,
            src.issues,
            others[-SECOND_SOURCE_POOL:],
        )
    return Corpus(world, sources)
