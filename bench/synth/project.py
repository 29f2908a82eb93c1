"""Writing a synthetic corpus out as a complete project folder: seeds, records, docs, mkdocs.yml."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..mkdocs_yaml import dump_config, load_config
from .corpus import Corpus, SourceDraft, build_corpus
from .text import occurrences, typeset
from .words import ADJ, GIVEN, MONTHS, NOUN, SURNAMES, VERB
from .yamlout import HEADER, write_actors, write_events, write_facts, write_issues, y

REPO = Path(__file__).resolve().parents[2]
HOOK = REPO / "hooks" / "factref_hooks.py"
STAMP = ".factref-synth.json"
"""Written into every generated folder; ``--out`` is only ever cleared if it holds one."""
UNFINGERPRINTED = ("benchmark.md",)
"""Copied, but left out of the corpus fingerprint: this benchmark's own page changes with every
run, and a stale copy of it builds the same."""
SETTINGS = """\
# A few body sentences of the synthetic articles are shorter than the six words a quote needs:
# coverage is reported (the coverage page, `factref coverage`), not required.
coverage:
  require: report
"""


@dataclass
class Used:
    """The records some fact uses: only those are written (the checker rejects unused ones)."""

    actors: dict[str, None] = field(default_factory=dict)
    issues: dict[str, None] = field(default_factory=dict)
    events: dict[str, None] = field(default_factory=dict)


def _used(corpus: Corpus) -> Used:
    used = Used()
    for src in corpus.sources:
        for f in src.facts:
            used.actors.update(dict.fromkeys(f.get("actors", [])))
            if f["attribution"].get("actor"):
                used.actors[f["attribution"]["actor"]] = None
            used.issues.update(dict.fromkeys(f.get("issues", [])))
            if f.get("event"):
                used.events[f["event"]] = None
    return used


def _seed_and_entry(src: SourceDraft, corpus: Corpus, index: int, out: Path) -> str:
    """Write the seed text of ``src`` (furniture around the body); its sources.yml entry."""
    rng: random.Random = corpus.world.rng
    outlets = corpus.world.outlets
    publisher = outlets[index % len(outlets)]
    reporter = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    state_a, state_b = (src.cast["state"] * 2)[:2]
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
    paragraphs = src.article.paragraphs
    full = " ".join(header + paragraphs + footer)
    starts, ends = _marker(full, paragraphs[0], True), _marker(full, paragraphs[-1], False)
    text = "\n\n".join(header + [typeset(p) for p in paragraphs] + footer) + "\n"
    raw = text.encode("utf-8")
    (out / "seeds" / f"{src.id}.txt").write_bytes(raw)
    return "".join(
        [
            f'  - id: "{src.id}"\n',
            "    kind: news-report\n",
            f"    file: {src.id}.txt\n",
            f"    sha256: {hashlib.sha256(raw).hexdigest()}\n",
            f"    headline: {y(headline)}\n",
            f"    byline: {y(f'{reporter}, {publisher.name}')}\n",
            f"    publisher: {y(publisher.name)}\n",
            f"    published: {{date: '2026-{month + 1:02d}-{day:02d}', text: '{dateline}'}}\n",
            f"    url: https://news.example/{src.id}\n",
            f"    outlets: [{publisher.id}]\n",
            "    body:\n",
            f"      starts_with: {y(typeset(starts) if rng.random() < 0.5 else starts)}\n",
            f"      ends_with: {y(ends)}\n",
            "    non_claims:\n",
            f"      - sentence: {y(src.article.subhead)}\n",
            "        reason: a subheading\n",
        ]
    )


def _marker(full: str, paragraph: str, start: bool) -> str:
    """The first (or last) words of a paragraph, as few as occur exactly once in the file."""
    words = paragraph.split(" ")
    for n in range(min(6, len(words)), len(words) + 1):  # a paragraph may be a short sentence
        text = " ".join(words[:n] if start else words[-n:])
        if len(occurrences(full, text)) == 1:
            return text
    raise RuntimeError("no unique body marker")


def write_corpus(corpus: Corpus, out: Path) -> dict:
    """Seeds and record files of ``corpus`` under ``out``; the number of each kind of record."""
    (out / "seeds").mkdir(parents=True)
    (out / "facts" / "claims").mkdir(parents=True)
    world, used = corpus.world, _used(corpus)
    events = [ev for src in corpus.sources for ev in src.article.events if ev.id in used.events]
    for ev in events:
        used.actors.update(dict.fromkeys(a for a, _ in ev.roles))
        used.issues.update(dict.fromkeys(ev.issues))
    entries = [HEADER.format("../"), "sources:\n"]
    for i, src in enumerate(corpus.sources):
        used.actors[world.outlets[i % len(world.outlets)].id] = None
        entries.append(_seed_and_entry(src, corpus, i, out))
        write_facts(out / "facts" / "claims" / f"{src.id}.yml", src.facts)
    facts = out / "facts"
    (facts / "sources.yml").write_text("".join(entries), encoding="utf-8")
    write_actors(facts / "actors.yml", [world.actors[a] for a in sorted(used.actors)])
    write_issues(facts / "issues.yml", {i: world.issues[i] for i in sorted(used.issues)})
    write_events(facts / "events.yml", events, set(used.events))
    return {
        "sources": len(corpus.sources),
        "actors": len(used.actors),
        "issues": len(used.issues),
        "events": len(events),
        "facts": sum(len(src.facts) for src in corpus.sources),
    }


def mkdocs_config(site_name_suffix: str, *, hooks: bool) -> dict:
    """The project's mkdocs.yml, with the hook and the theme's overrides by absolute path (or
    without hooks: the floor).

    Everything else (theme, features, plugins, markdown extensions, validation, nav, ``!ENV``
    values) is kept as the project has it, so the benchmark follows the project's configuration.
    """
    config = load_config(REPO / "mkdocs.yml")
    config["site_name"] = f"{config.get('site_name', 'factref')} ({site_name_suffix})"
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):  # the project's template overrides
        theme["custom_dir"] = str(REPO / theme["custom_dir"])
    if hooks:
        config["hooks"] = [str(HOOK)]
        config["watch"] = ["facts", "seeds", str(REPO / "hooks")]
    else:
        config.pop("hooks", None)
        config.pop("watch", None)
    return config


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
            sys.exit(f"{out} exists and was not made by bench.synth; refusing to overwrite it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / STAMP).write_text("{}\n", encoding="utf-8")  # claimed, even if generation fails


def generate(facts: int, out: Path, seed: int = 1) -> dict:
    """Write a complete project of ``facts`` facts to ``out``; its stamp (counts and sizes)."""
    prepare_out(out)
    counts = write_corpus(build_corpus(facts, seed), out)
    copy_docs(out)
    (out / "factref.yml").write_text(SETTINGS, encoding="utf-8")
    config = mkdocs_config(f"synthetic, {facts} facts", hooks=True)
    (out / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    stamp = {
        "facts_requested": facts,
        "seed": seed,
        **counts,
        "seeds_bytes": sum(p.stat().st_size for p in (out / "seeds").iterdir()),
        "records_bytes": sum(p.stat().st_size for p in (out / "facts").rglob("*.yml")),
    }
    (out / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp
