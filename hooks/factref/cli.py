"""The editor's command line: the same pipeline as the site build, without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .coverage import coverage
from .pipeline import run


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
@click.pass_obj
def check(root: Path) -> None:
    """Validate every record and verify every quote; exit 1 on any problem."""
    result = run(root)
    _, cov_problems = coverage(result.site)
    problems = sorted(result.problems + cov_problems)
    for problem in problems:
        click.echo(str(problem), err=True)
    v = result.verified
    click.echo(
        f"{len(v.sources)} sources, {len(v.actors)} actors, {len(v.issues)} issues, "
        f"{len(v.events)} events, {len(v.facts)} facts verified; {len(problems)} problems"
    )
    sys.exit(1 if problems else 0)


@main.command("coverage")
@click.option("--uncited-only", is_flag=True, help="List only sentences no fact cites.")
@click.pass_obj
def coverage_cmd(root: Path, uncited_only: bool) -> None:
    """Per source: each body sentence and the facts citing it."""
    result = run(root)
    reports, _ = coverage(result.site)
    failing = False
    for report in reports:
        src = report.source
        click.echo(f"# {src.source.id}: {report.covered}/{report.claim_bearing} claim-bearing "
                   f"sentences cited ({report.share:.0%})")
        for s in report.sentences:
            if uncited_only and s.status != "uncited":
                continue
            detail = ", ".join(v.fact.id for v in s.facts) or s.non_claim or ""
            click.echo(f"{src.line_of(s.start):>4} [{s.status}] {s.text}")
            if detail:
                click.echo(f"       -> {detail}")
        failing = failing or bool(report.uncited)
    sys.exit(1 if failing else 0)
