"""The record types, declared once: validation, defaults and the JSON Schemas all come from here.

Every model forbids unknown fields, so a misspelt key is an error rather than a silent no-op.
Record text (names, claims, quotes) is data: nothing here or downstream treats it as markup.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)

from .dates import check_full_date, check_iso, check_value

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?$"
"""Ids are lower-case slugs: they become file names and anchors, so no spaces, dots or slashes."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _no_control_chars(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed in record text")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(_no_control_chars)
]
Label = Annotated[
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_no_control_chars)
]
FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
# The loader checks dates with functions that say what is wrong in words; editors' YAML plugins
# get the same shapes as patterns.
DateValue = Annotated[str, AfterValidator(check_value), WithJsonSchema(
    {"type": "string", "pattern": r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$"})]
IsoDate = Annotated[str, AfterValidator(check_iso), WithJsonSchema(
    {"type": "string", "pattern": r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"})]
FullDate = Annotated[str, AfterValidator(check_full_date), WithJsonSchema(
    {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
SourceKind = Literal["news-report", "press-release", "readout", "transcript", "statement",
                     "interview"]
SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Every record and part of a record: unknown fields forbidden, immutable, strictly typed."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class IdentifiedRecord(Record):
    """A record other records refer to by its id: a source, actor, issue, event or fact."""

    id: Id


class BodySpan(Record):
    """Which part of a source file is the article body; the rest is page furniture."""

    starts_with: Text = Field(description="Verbatim text the body begins with (found once).")
    ends_with: Text = Field(description="Verbatim text the body ends with (found once).")


class NonClaim(Record):
    """A body sentence that asserts nothing (a subheading, a dateline), with the reason."""

    sentence: Text = Field(description="The sentence as the coverage report lists it.")
    reason: Text = Field(description="Why the sentence asserts nothing.")


class Published(Record):
    """The publication date a source prints, with the dateline words it was read from."""

    date: IsoDate = Field(description="ISO: 2022, 2022-03 or 2022-03-25 (precision follows).")
    text: Label = Field(description="The dateline words, verbatim in the source file.")


NOT_STATED = "not stated"
UNION_TAGS = ("dateline", "not-stated")
"""Tags pydantic puts into an error's location inside ``published``; not keys of the file."""


def _published_tag(value: object) -> str | None:
    if isinstance(value, dict | Published):
        return "dateline"
    return "not-stated" if value == NOT_STATED else None


PublishedField = Annotated[
    Annotated[Published, Tag("dateline")] | Annotated[Literal["not stated"], Tag("not-stated")],
    Discriminator(
        _published_tag,
        custom_error_type="published",
        custom_error_message='write "not stated", or a mapping with the date and the dateline '
        "words: {date: 2022-03-25, text: March 25, 2022}",
    ),
]


class Source(IdentifiedRecord):
    """A source text in seeds/, pinned by its SHA-256, with its bibliographic metadata."""

    model_config = ConfigDict(json_schema_extra={"dependentRequired": {
        "original": ["original_sha256"], "original_sha256": ["original"]}})

    id: Id = Field(
        description="NNN_ and the first 16 hex digits of the SHA-256 of the file as received "
        "(factref add-source computes it); never changed once cited."
    )
    kind: SourceKind = Field(description="What the text is: " + ", ".join(SOURCE_KINDS) + ".")
    file: FileName = Field(description="File name inside seeds/ (no folders).")
    sha256: Sha256 = Field(
        description="SHA-256 of the file: the text is pinned, and any change to it is an error."
    )
    original: FileName | None = Field(
        None, description="The saved original (e.g. the web page) kept beside the text in seeds/."
    )
    original_sha256: Sha256 | None = Field(None, description="Required when 'original' is given.")
    headline: Text = Field(description="The headline or title as the source prints it.")
    byline: Text | None = Field(None, description="The byline as printed.")
    contributors: list[Label] = Field(default_factory=list, description="Additional reporting.")
    publisher: Label = Field(
        description="Who published the text (a newsroom, a ministry); its own words are "
        "attributed to it."
    )
    distributor: Label | None = Field(
        None, description="Who distributed this copy (a wire, a syndicate), if not the publisher."
    )
    copy_of: Text | None = Field(None, description="Where this copy of the text was taken from.")
    published: PublishedField = Field(
        description='The publication date and its dateline words, or "not stated" when the copy '
        "prints none."
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]{1,500}$")] | None = Field(
        None, description="Where the original was published (http:// or https://)."
    )
    retrieved: FullDate | None = Field(None, description="When this copy was retrieved (ISO).")
    outlets: list[Id] = Field(
        default_factory=list,
        description="Actor records (kind: outlet) of the publisher and distributor of this copy.",
    )
    body: BodySpan = Field(
        description="Where the article body starts and ends; the rest is page furniture, "
        "which no quote may cite."
    )
    non_claims: list[NonClaim] = Field(
        default_factory=list,
        description="Body sentences judged to carry no claim; all others must be cited.",
    )

    @model_validator(mode="after")
    def _original_is_pinned(self) -> Source:
        if (self.original is None) != (self.original_sha256 is None):
            raise ValueError("'original' and 'original_sha256' go together: give both or neither")
        return self

    @property
    def dateline(self) -> Published | None:
        return None if isinstance(self.published, str) else self.published


class Actor(IdentifiedRecord):
    """A person, state, organisation or news outlet."""

    id: Id = Field(description="A lower-case slug; the actor's page is actors/ID/.")
    name: Label = Field(description="The actor's usual name, as the site shows it.")
    kind: Literal["person", "state", "organisation", "outlet"] = Field(
        description="An outlet is a news organisation: reports and source publishers."
    )
    aliases: list[Label] = Field(
        default_factory=list,
        description='Other names as they appear in the text ("Beijing" for China).',
    )


class Issue(IdentifiedRecord):
    """A topic in dispute."""

    id: Id = Field(description="A lower-case slug; the issue's page is issues/ID/.")
    name: Label = Field(description="The issue's name, as the site shows it.")


Precision = Literal["year", "month", "month-day", "day", "weekday", "relative", "approximate"]


class DateSpec(Record):
    """A date exactly as precise as the text: ``text`` is the phrase in the evidence."""

    text: Label = Field(description='The date phrase as the evidence gives it ("in November").')
    precision: Precision = Field(
        description="How precise the text is: year, month, month-day (no year), day (a full "
        "date), weekday, relative ('today', 'days earlier') or approximate."
    )
    value: DateValue | None = Field(
        None,
        description="ISO 8601 form of what the text states and no more: 2016, 2025-06, --11, "
        "--03-24, 2022-03-24.",
    )
    resolve: Literal["dateline"] | None = Field(
        None,
        description="Complete the date from its source's publication date (shown as "
        "'March 24 — 2022, from the dateline'); only when the source's 'published' is a date.",
    )


class Role(Record):
    """An actor's part in an event."""

    actor: Id = Field(description="The actor, named in the evidence of the event's facts.")
    role: Literal["initiator", "target", "participant"] = Field(
        description="initiator: who acts; target: who is acted upon; participant: anyone else."
    )


class Relation(Record):
    """An ordering the text gives between two events ("hours after", "days earlier")."""

    relation: Literal["before", "after", "during"] = Field(
        description="This event happened before, after or during the other one."
    )
    event: Id = Field(description="The other event's id.")
    text: Label = Field(description="The phrase in the evidence that states the ordering.")


class Event(IdentifiedRecord):
    """A dated happening. Its date, place and orderings must be stated in its facts' evidence."""

    id: Id = Field(description="A lower-case slug; facts name it under 'event'.")
    name: Label = Field(description="What happened, in a few words.")
    date: DateSpec | None = Field(
        None, description="When, as the evidence of the event's facts says it."
    )
    place: Label | None = Field(
        None, description="Where, in the words of the evidence of the event's facts."
    )
    roles: list[Role] = Field(default_factory=list, description="Who took part, and how.")
    relations: list[Relation] = Field(
        default_factory=list, description="Orderings against other events that the texts state."
    )
    issues: list[Id] = Field(default_factory=list, description="Issues the event bears on.")


class Evidence(Record):
    """A verbatim passage of a source; prefix/suffix only serve to make it unique."""

    source: Id = Field(description="The id of a registered source.")
    quote: Text = Field(
        description="The passage, verbatim: at least four whole words of the body (straight "
        "quotes and any spacing match; see the method)."
    )
    prefix: Text | None = Field(
        None, description="Words just before the quote, only to make it unique."
    )
    suffix: Text | None = Field(
        None, description="Words just after the quote, only to make it unique."
    )
    refers: dict[Label, Id] = Field(
        default_factory=dict,
        description='Words of the quote that stand for an actor ("He": xi-jinping).',
    )


AttributionKind = Literal["narration", "quote", "paraphrase", "report"]
ATTRIBUTION_KINDS: tuple[str, ...] = get_args(AttributionKind)


class Attribution(Record):
    """Whose statement the fact reports."""

    kind: AttributionKind = Field(
        description="narration: the source's own text (a news report's reporters, a readout's "
        "publisher); quote: direct quote; paraphrase: reported speech; report: another outlet "
        "reported it."
    )
    actor: Id | None = Field(None, description="The speaker, or the outlet for a report.")


class Fact(IdentifiedRecord):
    """A claim in the editor's words, anchored to one or more evidence passages."""

    id: Id = Field(description="A lower-case slug, stable: pages link to it.")
    claim: Text = Field(
        description="The statement in the editor's words; it may not add numbers, actors or "
        "dates that its evidence does not give."
    )
    actors: list[Id] = Field(
        default_factory=list,
        description="Actors the fact is about; each named in the evidence (or under 'refers').",
    )
    issues: list[Id] = Field(default_factory=list, description="Issues the fact is about.")
    event: Id | None = Field(None, description="The event the fact is evidence of.")
    attribution: Attribution = Field(
        description="Who is speaking: the source's own account, a quote, a paraphrase or "
        "another outlet's report."
    )
    date: DateSpec | None = Field(None, description="When, in the evidence's own words.")
    evidence: Annotated[list[Evidence], Field(min_length=1)] = Field(
        description="The passages that support the claim: one or more, from any sources."
    )


class RecordFile(Record):
    """One YAML file in facts/: any mix of record lists."""

    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)


class RecordKind(StrEnum):
    """The record lists a record file may hold, in the order they are verified."""

    SOURCES = "sources"
    ACTORS = "actors"
    ISSUES = "issues"
    EVENTS = "events"
    FACTS = "facts"

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(kind.value for kind in cls)

    @property
    def model(self) -> type[IdentifiedRecord]:
        return MODELS[self]

    @property
    def singular(self) -> str:
        """The word for one record of this kind ("source")."""
        return SINGULAR[self]


MODELS: dict[RecordKind, type[IdentifiedRecord]] = {
    RecordKind.SOURCES: Source,
    RecordKind.ACTORS: Actor,
    RecordKind.ISSUES: Issue,
    RecordKind.EVENTS: Event,
    RecordKind.FACTS: Fact,
}
SINGULAR = {
    RecordKind.SOURCES: "source",
    RecordKind.ACTORS: "actor",
    RecordKind.ISSUES: "issue",
    RecordKind.EVENTS: "event",
    RecordKind.FACTS: "fact",
}
