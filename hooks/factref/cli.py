"""The editor's command line: the same pipeline as the site build, without building the site."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from . import export as export_mod
from . import generate as generate_mod
from . import newfact, scaffold
from . import reference as reference_mod
from . import review as review_mod
from . import schema as schema_mod
from .load import load_records
from .pipeline import Result, run
from .problems import Problem
from .records import ATTRIBUTION_KINDS, SOURCE_KINDS
from .sources import SourceText


@click.group()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder holding facts/ and seeds/.",
)
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Check and inspect the fact records of a factref reference."""
    ctx.obj = root


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "github"]), default="text",
              show_default=True,
              help="text: file:line:column: message; github: GitHub Actions annotations.")
@click.pass_obj
def check(root: Path, fmt: str) -> None:
    """Validate every record and verify every quote; exit 1 on any problem."""
    result = run(root)
    _report(result, result.problems, fmt)
    sys.exit(1 if result.problems else 0)


def _report(result: Result, problems: list[Problem], fmt: str = "text") -> None:
    for problem in problems:
        if fmt == "github":
            click.echo(github_annotation(problem))
        else:
            click.echo(str(problem), err=True)
    v = result.verified
    click.echo(
        f"{len(v.sources)} sources, {len(v.actors)} actors, {len(v.issues)} issues, "
        f"{len(v.events)} events, {len(v.facts)} facts verified; {len(problems)} problems"
    )


def github_annotation(problem: Problem) -> str:
    """A problem as a GitHub Actions workflow command, which annotates the line in the diff."""
    props = {"file": problem.file}
    if problem.line:
        props |= {"line": str(problem.line), "col": str(problem.column or 1)}
    message = problem.text
    fields = ",".join(f"{k}={_escape(v, prop=True)}" for k, v in props.items())
    return f"::error {fields}::{_escape(message)}"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


@main.command("coverage")
@click.option("--uncited-only", is_flag=True, help="List only sentences no fact cites.")
@click.pass_obj
def coverage_cmd(root: Path, uncited_only: bool) -> None:
    """Per source: each body sentence and the facts citing it; exit 1 when a sentence that the
    coverage policy (factref.yml) requires to be cited is not."""
    result = run(root)
    failing = False
    for report in result.coverage:
        src = report.source_text
        click.echo(f"# {src.record.id}: {report.covered}/{report.claim_bearing} claim-bearing "
                   f"sentences cited ({report.share:.0%})")
        for s in report.sentences:
            if uncited_only and s.status != "uncited":
                continue
            detail = ", ".join(v.fact.id for v in s.facts) or s.non_claim or ""
            click.echo(f"{src.line_of(s.start):>4} [{s.status}] {s.text}")
            if detail:
                click.echo(f"       -> {detail}")
        required = result.settings.coverage.rule(src.record.id) == "full"
        failing = failing or (required and bool(report.uncited))
    sys.exit(1 if failing else 0)


@main.command()
@click.argument("source")
@click.argument("quote")
@click.option("--claim", help="The claim in your words (default: the quote itself).")
@click.option("--actor", "actors", multiple=True, help="An actor the fact is about (repeatable).")
@click.option("--issue", "issues", multiple=True, help="An issue the fact is about (repeatable).")
@click.option("--event", help="The event the fact belongs to.")
@click.option("--attribution", default="narration", show_default=True, metavar="KIND[:ACTOR]",
              help=f"Whose statement it is: {', '.join(ATTRIBUTION_KINDS)}, "
              "e.g. quote:xi-jinping.")
@click.option("--id", "fid", help="The fact's id (default: a slug of the claim).")
@click.option("--occurrence", type=click.IntRange(min=1),
              help="Which occurrence to cite when the quote occurs more than once.")
@click.option("--also", "also", type=(str, str), multiple=True, metavar="SOURCE QUOTE",
              help="Another passage the fact cites (repeatable).")
@click.option("--refers", "refers", multiple=True, metavar="WORDS=ACTOR",
              help='Words of a quote that stand for an actor, e.g. "He=xi-jinping" (repeatable).')
@click.option("--date-text", help="The date phrase as the evidence gives it.")
@click.option("--precision", help="year, month, month-day, day, weekday, relative or "
              "approximate.")
@click.option("--value", help="ISO form of what the date text states: 2016, 2025-06, --03-24.")
@click.option("--resolve", type=click.Choice(["dateline"]),
              help="Complete the date from the source's publication date.")
@click.option("--draft", is_flag=True,
              help="If the fact does not verify, keep it under 'drafts:' (never published; "
              "factref check fails until it is finished and moved under 'facts:').")
@click.option("--file", "rel", help="Record file to append to (default: facts/claims/SOURCE.yml).")
@click.pass_obj
def new(root: Path, source: str, quote: str, claim: str | None, actors: tuple[str, ...],
        issues: tuple[str, ...], event: str | None, attribution: str, fid: str | None,
        occurrence: int | None, also: tuple[tuple[str, str], ...], refers: tuple[str, ...],
        date_text: str | None, precision: str | None, value: str | None, resolve: str | None,
        draft: bool, rel: str | None) -> None:
    """Add a fact citing QUOTE (as you remember it) from SOURCE; write it only if it verifies."""
    result = run(root)
    records, _ = load_records(root)
    try:
        found = scaffold.find(_source_text(result, source), quote, occurrence)
        cited = [scaffold.Cited(sid, scaffold.find(_source_text(result, sid), q, None))
                 for sid, q in also]
        fact = scaffold.build_fact(
            found, source, claim=claim, actors=actors, issues=issues, event=event,
            attribution=attribution, fid=fid, taken=set(records.facts), also=cited,
            refers=[_refers(r) for r in refers],
            date={"text": date_text, "precision": precision, "value": value,
                  "resolve": resolve})
        rel = rel or f"facts/claims/{source}.yml"
        written = newfact.write_checked(root, rel, fact, draft=draft)
    except scaffold.ScaffoldError as exc:
        _fail(exc.message)
    if found.occurrences > 1:
        context = ", ".join(f"{k}: {v!r}" for k, v in (("prefix", found.prefix),
                                                       ("suffix", found.suffix)) if v)
        click.echo(f"the quote occurs {found.occurrences} times; cited occurrence "
                   f"{occurrence} with {context}")
    for problem in written.problems:
        click.echo(str(problem), err=True)
    for line in newfact.fact_suggestions(fact, records, result.verified.sources):
        click.echo(line)
    count = f"{len(written.problems)} problem{'s' * (len(written.problems) != 1)}"
    if written.status == "fact":
        click.echo(f"wrote fact {fact.id!r} to {rel}:{written.line}: verified")
    elif written.status == "draft":
        click.echo(f"wrote draft {fact.id!r} to {rel}:{written.line} under 'drafts:' ({count}): "
                   "not published; factref check fails until you fix it and move it under "
                   "'facts:'")
    else:
        them = "them" if len(written.problems) > 1 else "it"
        click.echo(f"not written: fact {fact.id!r} has {count}; fix {them}, or keep the fact as "
                   "a draft with --draft")
    sys.exit(0 if written.status == "fact" else 1)


def _source_text(result: Result, source: str) -> SourceText:
    text = result.verified.sources.get(source)
    if text is None:
        known = ", ".join(sorted(result.verified.sources)) or "none"
        why = "did not verify (run factref check)" if source in result.verified.rejected_sources \
            else f"is not a registered source; verified sources: {known}"
        raise scaffold.ScaffoldError(f"source {source!r} {why}")
    return text


def _refers(option: str) -> tuple[str, str]:
    words, sep, actor = option.rpartition("=")
    if not sep or not words.strip() or not actor.strip():
        raise scaffold.ScaffoldError(f"--refers {option!r}: write WORDS=ACTOR, e.g. "
                                     "\"He=xi-jinping\"")
    return words.strip(), actor.strip()


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(1)


@main.command("add-source")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(SOURCE_KINDS),
              help="What the source is (asked for when not given and a terminal is attached).")
@click.option("--headline", help="Its headline or title (default for a web page: its title).")
@click.option("--publisher", help="Who published it (default for a web page: its site name).")
@click.option("--byline", help="Its byline, as printed.")
@click.option("--contributor", "contributors", multiple=True, help="Additional reporting.")
@click.option("--distributor", help="Who distributed this copy, if not the publisher.")
@click.option("--copy-of", help="Where this copy of the text was taken from.")
@click.option("--outlet", "outlets", multiple=True,
              help="Actor id (kind: outlet) of its publisher or distributor (repeatable).")
@click.option("--url", help="Where it was published (https://...).")
@click.option("--retrieved", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="When this copy was retrieved.")
@click.option("--dateline", metavar="WORDS",
              help="The date words to read the publication date from (default: the first full "
              "date in the file), or 'not stated'.")
@click.option("--starts-with", help="Words the body begins with (default: proposed).")
@click.option("--ends-with", help="Words the body ends with (default: proposed).")
@click.option("--id", "sid", help="The source id (default: NNN_ and 16 hex digits of its SHA-256).")
@click.option("--registry", default="facts/sources.yml", show_default=True,
              help="Record file to add the source to.")
@click.pass_obj
def add_source(root: Path, /, file: Path, kind: str | None, registry: str, sid: str | None,
               retrieved: datetime.datetime | None, **options: Any) -> None:
    """Register FILE (a text, or a saved web page) as a source: copy, pin, propose, verify."""
    from . import addsource  # brings trafilatura: a fifth of every other command's start-up

    if kind is None and sys.stdin.isatty():
        kind = click.prompt("kind", type=click.Choice(SOURCE_KINDS))
    options |= {"kind": kind, "id": sid,
                "retrieved": retrieved.date().isoformat() if retrieved else None}
    records, _ = load_records(root)
    try:
        proposal = addsource.prepare(file.name, file.read_bytes(),
                                     addsource.registered(records), options)
        outcome = addsource.register(root, proposal, registry)
    except addsource.AddSourceError as exc:
        _fail(exc.message)
    click.echo("\n".join(addsource.confirmation(proposal, outcome, registry)))


@main.command()
@click.argument("base")
@click.pass_obj
def review(root: Path, base: str) -> None:
    """Markdown report of the records changed since git revision BASE."""
    try:
        old = review_mod.records_at(root, base)
    except review_mod.GitError as exc:
        click.echo(f"factref review: {exc}", err=True)
        sys.exit(2)
    records, _ = load_records(root)
    result = run(root)
    changes = review_mod.compare(old, records, result)
    click.echo(review_mod.report(base, changes, result), nl=False)


@main.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON to this file instead of standard output.")
@click.pass_obj
def export_cmd(root: Path, output: Path | None) -> None:
    """JSON of every verified record, each evidence passage as a W3C Web Annotation."""
    result = run(root)
    text = export_mod.dumps(export_mod.export(result))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if result.problems:
        click.echo(f"{len(result.problems)} problems: records that did not verify are left out "
                   "(run factref check)", err=True)


@main.command("schema")
@click.option("--write", is_flag=True, help="Regenerate what is stale.")
@click.option("--reference", is_flag=True,
              help=f"The record field reference, {reference_mod.REFERENCE}, instead of the "
              "JSON Schemas.")
@click.pass_obj
def schema_cmd(root: Path, write: bool, reference: bool) -> None:
    """Check (or with --write, regenerate) the JSON Schemas in schemas/ from the models."""
    if reference:
        if write:
            wrote = reference_mod.write(root)
            click.echo(f"{'wrote' if wrote else 'up to date:'} {reference_mod.REFERENCE}")
            return
        if reference_mod.stale(root):
            click.echo(f"{reference_mod.REFERENCE}: stale or missing; run factref schema "
                       "--reference --write", err=True)
            sys.exit(1)
        return
    if write:
        for rel in schema_mod.write(root):
            click.echo(f"wrote {rel}")
        return
    stale = schema_mod.stale(root)
    for rel in stale:
        click.echo(f"{rel}: stale or missing; run factref schema --write", err=True)
    sys.exit(1 if stale else 0)


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--docs-dir", default="docs", show_default=True,
              help="The hand-written pages, copied into OUT first.")
@click.option("--offline/--no-offline", envvar="OFFLINE", default=False, show_default=True,
              help="Add the offline bundle's Web Worker shim (default: $OFFLINE).")
@click.option("--directory-urls/--no-directory-urls", default=True, show_default=True,
              help="Link pages as MkDocs' use_directory_urls does.")
@click.pass_obj
def generate(root: Path, out: Path, docs_dir: str, offline: bool, directory_urls: bool) -> None:
    """Verify, then write the hand-written and every generated page into folder OUT.

    For site generators that do not run MkDocs hooks (Zensical): point their docs_dir at OUT.
    On any problem nothing is written and the exit status is 1, as for `factref check`.
    """
    _generate(root, out, docs_dir, offline=offline, directory_urls=directory_urls)


def _generate(root: Path, out: Path, docs_dir: str, *, offline: bool,
              directory_urls: bool = True) -> None:
    result = run(root)
    problems = result.problems
    if problems:
        _report(result, problems)
        _fail(f"factref generate: {len(problems)} problems; nothing written to {out}")
    try:
        docs = root / docs_dir
        written = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()]
        files = generate_mod.generated_files(result, root, directory_urls=directory_urls,
                                             offline=offline, docs=written)
        story = generate_mod.home_story(result, directory_urls=directory_urls)
        count = generate_mod.write_docs(files, root / docs_dir, out, story)
    except generate_mod.GenerateError as exc:
        _fail(f"factref generate: {exc}")
    click.echo(f"wrote {count} generated files and the pages of {docs_dir}/ to {out}")


BUILDERS = ("mkdocs", "properdocs", "zensical")
ZENSICAL_DOCS = "build/docs"
"""Where `factref build --with zensical` writes the docs folder Zensical reads."""


@main.command()
@click.option("--with", "builder", type=click.Choice(BUILDERS), default="mkdocs",
              show_default=True, help="The site generator that builds site/ from mkdocs.yml.")
@click.option("--offline/--no-offline", envvar="OFFLINE", default=False,
              help="Zensical: add the offline bundle's shim (default: $OFFLINE).")
@click.pass_obj
def build(root: Path, builder: str, offline: bool) -> None:
    """Build site/ from mkdocs.yml in strict mode, with MkDocs, ProperDocs or Zensical.

    MkDocs and ProperDocs run the hooks, which verify and add the pages. Zensical runs no
    hooks: the pages are first verified and written by `factref generate build/docs`, which
    stops on any problem, and Zensical reads that folder (FACTREF_DOCS_DIR in mkdocs.yml).
    """
    env = dict(os.environ)
    if builder == "zensical":
        _generate(root, root / ZENSICAL_DOCS, "docs", offline=offline)
        env["FACTREF_DOCS_DIR"] = ZENSICAL_DOCS
        command = ["zensical", "build", "--strict", "--clean"]
    else:
        command = [builder, "build", "--strict", "-f", "mkdocs.yml"]
    done = subprocess.run([sys.executable, "-m", *command], cwd=root, env=env, check=False)
    sys.exit(done.returncode)
