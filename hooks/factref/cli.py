"""The editor's command line: the same pipeline as the site build, without building the site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import export as export_mod
from . import generate as generate_mod
from . import review as review_mod
from . import scaffold
from . import schema as schema_mod
from .load import load_records
from .pipeline import Result, run
from .problems import Problem
from .records import ATTRIBUTION_KINDS, Fact


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
@click.option("--file", "rel", help="Record file to append to (default: facts/claims/SOURCE.yml).")
@click.pass_obj
def new(root: Path, source: str, quote: str, claim: str | None, actors: tuple[str, ...],
        issues: tuple[str, ...], event: str | None, attribution: str, fid: str | None,
        occurrence: int | None, rel: str | None) -> None:
    """Add a fact citing QUOTE (as you remember it) from SOURCE, then verify it."""
    result = run(root)
    text = result.verified.sources.get(source)
    if text is None:
        known = ", ".join(sorted(result.verified.sources)) or "none"
        why = "did not verify (run factref check)" if source in result.verified.rejected_sources \
            else f"is not a registered source; verified sources: {known}"
        _fail(f"source {source!r} {why}")
    records, _ = load_records(root)
    try:
        found = scaffold.find(text, quote, occurrence)
        fact = scaffold.build_fact(found, source, claim=claim, actors=actors, issues=issues,
                                   event=event, attribution=attribution, fid=fid,
                                   taken=set(records.facts))
    except scaffold.ScaffoldError as exc:
        _fail(exc.message)
    rel = rel or f"facts/claims/{source}.yml"
    line = _write_fact(root, rel, fact)
    if found.occurrences > 1:
        context = ", ".join(f"{k}: {v!r}" for k, v in (("prefix", found.prefix),
                                                       ("suffix", found.suffix)) if v)
        click.echo(f"the quote occurs {found.occurrences} times; cited occurrence "
                   f"{occurrence} with {context}")
    problems = [p for p in run(root).problems if p.file == rel and
                (p.record == fact.id or (not p.record and p.line >= line))]
    for problem in problems:
        click.echo(str(problem), err=True)
    status = f"{len(problems)} problem{'s' * (len(problems) != 1)}" if problems else "verified"
    click.echo(f"wrote fact {fact.id!r} to {rel}:{line}: {status}")
    sys.exit(1 if problems else 0)


def _write_fact(root: Path, rel: str, fact: Fact) -> int:
    path = root / rel
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    schema = os.path.relpath(root / schema_mod.SCHEMA_DIR / schema_mod.RECORD_FILE, path.parent)
    try:
        text, line = scaffold.add_fact(old, fact, Path(schema).as_posix())
    except scaffold.ScaffoldError as exc:
        _fail(f"cannot add the fact to {rel}: {exc.message}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return line


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(1)


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
@click.option("--write", is_flag=True, help="Regenerate the stale schema files.")
@click.pass_obj
def schema_cmd(root: Path, write: bool) -> None:
    """Check (or with --write, regenerate) the JSON Schemas in schemas/ from the models."""
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
        files = generate_mod.generated_files(result, root, directory_urls=directory_urls,
                                             offline=offline)
        count = generate_mod.write_docs(files, root / docs_dir, out)
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
