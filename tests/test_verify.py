"""Each verification rule, with the exact message and location it reports."""

from __future__ import annotations

import hashlib

from conftest import SEED_ID, Project, fact


def test_fixture_project_verifies(project: Project) -> None:
    result = project.run()
    assert result.problems == []
    assert sorted(result.verified.facts) == ["export-controls", "one-china", "selfies"]


def test_quote_maps_back_to_exact_raw_offsets(project: Project) -> None:
    result = project.run()
    (passage,) = result.verified.passages["one-china"]
    raw = result.verified.sources[SEED_ID].raw
    assert raw[passage.start : passage.end] == passage.text
    assert passage.text == (
        "He reiterated Seoul\u2019s respect for the \u201cOne China\u201d policy, "
        "according to Xinhua News Agency"
    )


def test_typed_straight_quotes_and_spacing_match_typographic_text(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "chan", "Beijing is trying to drive a wedge.",
        """'"Beijing   is clearly trying to drive a wedge between Korea and Japan'"""))
    assert project.problems() == []


def test_tampered_quote_reports_nearest_passage_and_difference(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "tampered", "China sent a message.",
        "China sent a very diferent message to Japan"))
    assert project.problems() == [
        "facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'tampered'): quote not found "
        f"in source '{SEED_ID}'. Nearest passage (line 13): \"China sent a very different "
        "message to Japan\". Differences: quote has \"diferent\" where the source has "
        "\"different\""
    ]


def test_changed_digit_is_not_found(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "digit", "A business delegation accompanied the visit.",
        "was accompanied by a 401-member business delegation"))
    (problem,) = project.problems()
    assert "quote not found" in problem
    assert 'quote has "401" where the source has "400"' in problem


def test_quote_in_page_furniture_is_not_citable(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "furniture", "Comments are powered by Disqus.", "blog comments powered by Disqus"))
    (problem,) = project.problems()
    assert problem.startswith("facts/extra.yml:8:9: facts[0].evidence[0].quote (record "
                              f"'furniture'): quote not found in source '{SEED_ID}'.")


REPEATED = (
    "Masthead\n\nThen the minister said the talks went well on Tuesday. Officials agreed. "
    "Later, the minister said the talks went well again.\n\nFooter\n"
)


def add_repeated_source(project: Project) -> None:
    """A second source, added as data only, in which one phrase occurs twice."""
    digest = hashlib.sha256(REPEATED.encode()).hexdigest()
    project.write_bytes("seeds/rep.txt", REPEATED.encode())
    project.write("facts/rep.yml", f"""\
        sources:
          - id: rep
            file: rep.txt
            sha256: {digest}
            headline: Talks
            publisher: Example
            kind: news-report
            published: not stated
            body: {{starts_with: Then the minister said, ends_with: went well again.}}
        actors:
          - {{id: minister, name: the minister, kind: person}}
        """)


UNUSED_MINISTER = (  # fail closed: with its only fact rejected, the actor has no evidence left
    "facts/rep.yml:11:5: actors[0] (record 'minister'): no verified fact or event concerns this "
    "actor; a page needs evidence"
)


def rep_fact(evidence_extra: str = "") -> str:
    return fact("rep-fact", "The minister said the talks went well.",
                "the minister said the talks went well", actors="[minister]",
                evidence_extra=evidence_extra).replace(f'"{SEED_ID}"', "rep")


def test_short_quote_is_an_error(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "short", "Lee will visit Japan later this month.", "later this month",
        actors="[lee-jae-myung]"))
    assert project.problems() == [
        "facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'short'): quote is too "
        "short (3 words; at least 4 are needed): quote the whole phrase that supports the claim"
    ]


def test_ambiguous_quote_is_an_error(project: Project) -> None:
    add_repeated_source(project)
    project.write("facts/extra.yml", rep_fact())
    assert project.problems() == [
        "facts/extra.yml:8:9: facts[0].evidence[0].quote (record 'rep-fact'): quote is "
        "ambiguous: it occurs 2 times in source 'rep' (at line:column 3:6, 3:81); add a prefix "
        "or suffix with the words around the intended one",
        UNUSED_MINISTER,
    ]


def test_prefix_or_suffix_makes_an_ambiguous_quote_unique(project: Project) -> None:
    add_repeated_source(project)
    for context, second in (("        prefix: Officials agreed. Later,\n", True),
                            ("        suffix: again.\n", True),
                            ("        suffix: on Tuesday\n", False)):
        project.write("facts/extra.yml", rep_fact(context))
        result = project.run()
        assert [str(p) for p in result.problems] == []
        (passage,) = result.verified.passages["rep-fact"]
        assert passage.text == "the minister said the talks went well"
        assert (passage.start > 40) is second


def test_prefix_that_matches_nothing_is_reported(project: Project) -> None:
    add_repeated_source(project)
    project.write("facts/extra.yml", rep_fact("        prefix: no such words\n"))
    assert project.problems() == [
        "facts/extra.yml:9:9: facts[0].evidence[0].prefix (record 'rep-fact'): prefix 'no such "
        "words' does not match the text before any occurrence of the quote",
        UNUSED_MINISTER,
    ]


def test_number_in_claim_must_be_in_evidence(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "numbers", "A 500-member delegation went to China with Lee.",
        "Lee’s visit to Beijing — his second meeting with Xi in just over two months and the first "
        "by a South Korean president since 2019 — was accompanied by a 400-member business "
        "delegation", actors="[lee-jae-myung]"))
    assert project.problems() == [
        "facts/extra.yml:3:5: facts[0].claim (record 'numbers'): the claim says '500', which "
        "its evidence does not"
    ]


def test_actor_must_be_named_in_evidence(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "unnamed", "Japan's ties with China soured.",
        "Ties soured in early November after Takaichi said", actors="[china, japan]"))
    assert project.problems() == [
        "facts/extra.yml:4:14: facts[0].actors[0] (record 'unnamed'): actor 'china' is not "
        "named in the evidence (by 'China' or 'Beijing'); quote the words that name it, add an "
        "alias, or declare a pronoun under 'refers'",
        "facts/extra.yml:4:21: facts[0].actors[1] (record 'unnamed'): actor 'japan' is not "
        "named in the evidence (by 'Japan' or 'Tokyo'); quote the words that name it, add an "
        "alias, or declare a pronoun under 'refers'",
    ]


def test_refers_must_occur_in_quote(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "refers", "China denounced the move.", "a move China denounced as a threat to its security",
        evidence_extra="        refers: {She: china}\n"))
    assert project.problems() == [
        "facts/extra.yml:9:18: facts[0].evidence[0].refers.She (record 'refers'): refers: 'She' "
        "does not occur in the quote"
    ]


def test_date_must_be_the_evidence_phrase_and_no_sharper(project: Project) -> None:
    quote = "Ties soured in early November after Takaichi said"
    project.write("facts/extra.yml", fact(
        "dated", "Ties soured in November.", quote, actors="[]",
        extra="    issues: []\n    event: null\n    date: {text: in November, precision: month}\n"))
    assert project.problems() == [
        "facts/extra.yml:2:5: facts[0] (record 'dated'): a fact must be about something: name at "
        "least one of 'actors', 'issues' or 'event'",
    ]
    project.write("facts/extra.yml", fact(
        "dated", "Ties soured in early November.", quote, actors="[xi-jinping]",
        extra="    date: {text: in early November, precision: month, value: 2025-11}\n"))
    problems = project.problems()
    assert problems[-1] == (
        "facts/extra.yml:6:55: facts[0].date.value (record 'dated'): date value: the year 2025 "
        "is not in the date text 'in early November'"
    )


def test_source_hash_mismatch_names_the_source(project: Project) -> None:
    seed = project.root / "seeds" / f"{SEED_ID}.txt"
    data = bytearray(seed.read_bytes())
    data[500] = ord("X") if data[500] != ord("X") else ord("Y")
    seed.write_bytes(bytes(data))
    problems = project.problems()
    (changed,) = [p for p in problems if p.startswith("facts/sources.yml")]
    assert changed.startswith(
        f"facts/sources.yml:4:5: sources[0].sha256 (record '{SEED_ID}'): source '{SEED_ID}' "
        f"has changed: seeds/{SEED_ID}.txt now has SHA-256 "
    )
    assert changed.endswith("but the registry pins 30af8cc3b064c9d07a3ce441eb9a1fe153aac310b9100d"
                            "1e728daabd3a05b750. Sources are evidence and are never edited: "
                            "restore the original file, or register the new text as a new source")
    # Fail closed: nothing that cites the changed source is published.
    assert project.run().verified.facts == {}
    assert sum("did not verify (see its own error)" in p for p in problems) == 3


def test_unknown_field_is_named_with_a_suggestion(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "typo", "China escalated the dispute.", "escalating their dispute by imposing export "
        "controls", extra="    atribution: {kind: narration}\n"))
    assert project.problems() == [
        "facts/extra.yml:6:5: facts[0].atribution (record 'typo'): unknown field 'atribution' "
        "(did you mean 'attribution'?); allowed here: id, claim, actors, issues, event, "
        "attribution, date, evidence"
    ]


def test_dangling_and_duplicate_ids(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "selfies", "China escalated the dispute.", "escalating their dispute by imposing export "
        "controls", actors="[china, nobody]"))
    assert project.problems() == [
        "facts/extra.yml:2:5: facts[0].id (record 'selfies'): duplicate id 'selfies': already "
        "used by facts[0] at facts/claims.yml:2",
    ]
    project.write("facts/extra.yml", fact(
        "other", "China escalated the dispute.", "escalating their dispute by imposing export "
        "controls", actors="[china, nobody]"))
    assert project.problems() == [
        "facts/extra.yml:4:21: facts[0].actors[1] (record 'other'): unknown actor 'nobody'",
    ]


def test_duplicate_yaml_key_fails_with_its_line(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "dup", "China escalated the dispute.", "escalating their dispute by imposing export "
        "controls", extra="    claim: A second claim.\n"))
    assert project.problems() == [
        "facts/extra.yml:6:5: duplicate key 'claim' (first given on line 3); YAML would "
        "silently keep only the last value"
    ]


def test_report_must_be_attributed_to_an_outlet(project: Project) -> None:
    project.write("facts/extra.yml", fact(
        "rep", "China escalated the dispute.", "China sent a very different message to Japan",
        extra="    attribution: {kind: report, actor: japan}\n").replace(
            "    attribution: {kind: narration}\n", "", 1))
    assert project.problems() == [
        "facts/extra.yml:5:33: facts[0].attribution.actor (record 'rep'): a report is "
        "attributed to an outlet; 'japan' is a state"
    ]


def test_unused_actor_is_reported(project: Project) -> None:
    project.write("facts/more-actors.yml", "actors:\n  - {id: nara, name: Nara, kind: state}\n")
    assert project.problems() == [
        "facts/more-actors.yml:2:5: actors[0] (record 'nara'): no verified fact or event concerns "
        "this actor; a page needs evidence"
    ]


def test_prefix_must_be_whole_words(project: Project) -> None:
    add_repeated_source(project)
    project.write("facts/extra.yml", rep_fact("        prefix: ater,\n"))
    assert project.problems() == [
        "facts/extra.yml:9:9: facts[0].evidence[0].prefix (record 'rep-fact'): prefix 'ater,' "
        "does not match the text before any occurrence of the quote",
        UNUSED_MINISTER,
    ]


def test_a_name_inside_another_actors_longer_name_does_not_count(project: Project) -> None:
    project.write("facts/more-actors.yml", """\
        actors:
          - {id: china-daily, name: China Daily, kind: outlet}
        """)
    project.write("facts/extra.yml", fact(
        "masked", "China Daily reported on export license reviews.",
        "export license reviews for certain rare earth-related items, state-run China Daily "
        "reported", actors="[china, china-daily]"))
    assert project.problems() == [
        "facts/extra.yml:4:14: facts[0].actors[0] (record 'masked'): actor 'china' is not "
        "named in the evidence (by 'China' or 'Beijing'); quote the words that name it, add an "
        "alias, or declare a pronoun under 'refers'",
        # fail closed: its only fact was rejected, so China Daily has no evidence left
        "facts/more-actors.yml:2:5: actors[0] (record 'china-daily'): no verified fact or event "
        "concerns this actor; a page needs evidence",
    ]


def test_event_role_actors_must_be_named_in_its_evidence(project: Project) -> None:
    project.write("facts/events.yml", """\
        events:
          - id: controls
            name: China imposes export controls
            roles:
              - {actor: china, role: initiator}
              - {actor: xi-jinping, role: target}
        """)
    project.write("facts/extra.yml", fact(
        "controls-fact", "China imposed export controls.",
        "China sent a very different message to Japan, escalating their dispute by imposing "
        "export controls", extra="    event: controls\n"))
    assert project.problems() == [
        "facts/events.yml:6:10: events[0].roles[1].actor (record 'controls'): actor "
        "'xi-jinping' is not named in the evidence of this event's facts (by 'Xi Jinping' or "
        "'Xi' or 'the Chinese leader')",
        "facts/extra.yml:6:5: facts[0].event (record 'controls-fact'): left out: its event "
        "'controls' did not verify",
    ]
