"""Deterministic generator of synthetic factref references, for the benchmark.

    python -m bench.synth --facts 10000 --out /tmp/corpus10k [--seed 1]

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
- ``factref.yml`` (coverage reported, not required: a few sentences are too short to quote),
  ``docs/``: a copy of the project's hand-written pages and assets, and
  ``mkdocs.yml``: the project's, with the hook named by absolute path.

Proportions, for F facts: about F/100 sources, F/20 actors, F/100 issues and F/20 events. Only
records that some fact uses are written, since the checker rejects unused actors and issues and
events without facts. The same ``--facts`` and ``--seed`` always give byte-identical output.

The modules, in the order they run: ``words`` (word banks), ``world`` (actors, issues, casts),
``sentences`` (tagged sentences), ``articles`` (an article and its events), ``facts`` (facts cut
from an article), ``corpus`` (all of it in memory), ``yamlout`` and ``project`` (the folder).
"""

from .project import STAMP, docs_files, generate, mkdocs_config

__all__ = ["STAMP", "docs_files", "generate", "mkdocs_config"]
