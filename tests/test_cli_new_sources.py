"""`factref new` on a second source: dates, refers, several quotes, suggested aliases, records."""

from __future__ import annotations

import hashlib

import pytest
from conftest import SEED_ID, Project
from test_cli import factref, own_records

READOUT = """\
Ministry of Foreign Affairs of Avalon

March 25, 2022

Foreign Minister Tamsin Hale spoke today with Republic of Brenna (ROB) Foreign Minister Oren Vask
about the Northern Republic of Carden's (NRC) March 24 long-range missile launch.

She said Avalon and the ROB would meet again later this month in Port Sayer.

Share this page
"""
SID = f"001_{hashlib.sha256(READOUT.encode()).hexdigest()[:16]}"
ACTORS = """\
actors:
  - {id: avalon, name: Avalon, kind: state}
  - {id: brenna, name: Brenna, kind: state}
  - {id: tamsin-hale, name: Tamsin Hale, kind: person, aliases: [Hale]}
  - {id: carden, name: Northern Republic of Carden, kind: state, aliases: [NRC]}
"""


@pytest.fixture
def readout(project: Project) -> Project:
    own_records(project)
    incoming = project.root.parent / "readout.txt"
    incoming.write_text(READOUT, encoding="utf-8")
    added = factref(project, "add-source", str(incoming), "--kind", "readout", "--publisher",
                    "Ministry of Foreign Affairs of Avalon", "--headline", "Readout")
    assert added.exit_code == 0, added.output
    project.write("facts/avalon.yml", ACTORS)
    return project


def written(project: Project) -> str:
    return (project.root / f"facts/claims/{SID}.yml").read_text(encoding="utf-8")


def test_a_fact_with_a_dateline_date_a_pronoun_and_two_quotes(readout: Project) -> None:
    result = factref(
        readout, "new", SID, "Foreign Minister Tamsin Hale spoke today",
        "--also", SID, "She said Avalon and the ROB would meet again",
        "--claim", "Tamsin Hale said Avalon would meet again later this month.",
        "--actor", "tamsin-hale", "--actor", "avalon", "--refers", "She=tamsin-hale",
        "--date-text", "today", "--precision", "relative", "--resolve", "dateline",
        "--id", "hale-meet-again")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == (
        f"wrote fact 'hale-meet-again' to facts/claims/{SID}.yml:3: verified")
    assert written(readout).endswith(f"""\
  - id: hale-meet-again
    claim: Tamsin Hale said Avalon would meet again later this month.
    actors: [tamsin-hale, avalon]
    attribution: {{kind: narration}}
    date:
      text: today
      precision: relative
      resolve: dateline
    evidence:
      - source: "{SID}"
        quote: Foreign Minister Tamsin Hale spoke today
      - source: "{SID}"
        quote: She said Avalon and the ROB would meet again
        refers:
          She: tamsin-hale
""")
    assert "hale-meet-again" in readout.run().verified.facts


def test_a_month_and_day_date(readout: Project) -> None:
    result = factref(readout, "new", SID, "Northern Republic of Carden's (NRC) March 24 "
                     "long-range missile launch", "--actor", "carden", "--date-text", "March 24",
                     "--precision", "month-day", "--value", "--03-24", "--id", "launch")
    assert (result.exit_code, result.stderr) == (0, "")
    assert ("    date:\n      text: March 24\n      precision: month-day\n"
            "      value: --03-24\n") in written(readout)
    assert readout.run().verified.facts["launch"].record.date.value == "--03-24"


def test_a_wrong_date_value_is_not_written_unless_drafted(readout: Project) -> None:
    args = ["new", SID, "Northern Republic of Carden's (NRC) March 24 long-range missile launch",
            "--actor", "carden", "--date-text", "March 24", "--precision", "month-day",
            "--value", "--03-25", "--id", "launch"]
    refused = factref(readout, *args)
    assert refused.exit_code == 1 and "date.value" in refused.stderr
    assert not (readout.root / f"facts/claims/{SID}.yml").exists()
    drafted = factref(readout, *args, "--draft")
    assert drafted.exit_code == 1
    assert drafted.stdout.endswith("under 'drafts:' (1 problem): not published; factref check "
                                   "fails until you fix it and move it under 'facts:'\n")
    assert written(readout).startswith("# yaml-language-server: $schema=../../schemas/"
                                       "record-file.json\ndrafts:\n  - id: launch\n")
    assert "launch" not in readout.run().verified.facts


def test_an_undeclared_acronym_gets_an_alias_suggestion(readout: Project) -> None:
    result = factref(readout, "new", SID, "Avalon and the ROB would meet again",
                     "--claim", "Avalon and Brenna would meet again.", "--actor", "avalon",
                     "--actor", "brenna", "--id", "meet-again")
    assert result.exit_code == 1
    assert result.stdout == (
        "suggestion: the source defines 'Republic of Brenna (ROB)'; if that names Brenna "
        "(brenna), add to its record at facts/avalon.yml:3:\n"
        "    aliases: [Republic of Brenna, ROB]\n"
        "not written: fact 'meet-again' has 1 problem; fix it, or keep the fact as a draft with "
        "--draft\n")
    assert "actor 'brenna' is not named in the evidence (by 'Brenna')" in result.stderr


def test_a_person_without_a_record_gets_a_record_suggestion(readout: Project) -> None:
    result = factref(readout, "new", SID, "Republic of Brenna (ROB) Foreign Minister Oren Vask",
                     "--actor", "brenna", "--id", "vask")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "suggestion: the quote names 'Oren Vask', who has no actor record; to write facts about "
        "them, add to facts/actors.yml:\n"
        "  - id: oren-vask\n    name: Oren Vask\n    kind: person\n"
        f"wrote fact 'vask' to facts/claims/{SID}.yml:3: verified\n")


@pytest.mark.parametrize("args,message", [
    (["--refers", "He"], "--refers 'He': write WORDS=ACTOR, e.g. \"He=xi-jinping\""),
    (["--refers", "They=avalon"], "--refers They=avalon: 'They' does not occur in any quote; it "
                                  "names the words of the quote that stand for the actor"),
    (["--date-text", "today"], "--precision is required with --date-text"),
    (["--precision", "someday", "--date-text", "today"],
     "--precision 'someday': use 'year', 'month', 'month-day', 'day', 'weekday', 'relative' or "
     "'approximate'"),
    (["--also", SEED_ID, "not in the seed at all"],
     f"quote not found in source '{SEED_ID}'. ..."),
    (["--also", "nope", "a b c d"], "source 'nope' is not a registered source; verified "
                                    f"sources: {SEED_ID}, {SID}"),
])
def test_bad_new_options_are_named(readout: Project, args: list[str], message: str) -> None:
    result = factref(readout, "new", SID, "She said Avalon and the ROB would meet again",
                     "--actor", "avalon", *args)
    assert result.exit_code == 1
    if message.endswith("..."):
        assert result.stderr.startswith(message[:-3])
    else:
        assert result.stderr == message + "\n"
    assert not (readout.root / f"facts/claims/{SID}.yml").exists()
