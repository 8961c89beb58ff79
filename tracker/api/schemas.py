"""The API's request and response shapes: they validate requests and make the OpenAPI document."""

from datetime import UTC

import marshmallow as ma
from marshmallow import fields, validate

from tracker.directives.lifecycle import STATES
from tracker.models import LANGUAGES, PRIORITIES
from tracker.routing import MAX_ID

#: Largest page a list returns.
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
#: What a transition may lead to: the statuses an action reaches, and the extension steps.
TRANSITION_TARGETS = (
    "in_progress",
    "reported",
    "closed",
    "returned",
    "dropped",
    "extension_requested",
    "extension_approved",
    "extension_rejected",
)


class Schema(ma.Schema):
    """Base of the API's schemas."""


def Id(**kwargs) -> fields.Integer:  # noqa: N802 - reads as a field type
    """An id: a whole number an id column can hold."""
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID), **kwargs)


class Text(fields.String):
    """Text in any script; refuses what no database column can hold (NUL, lone surrogates)."""

    default_error_messages = {  # noqa: RUF012 - marshmallow's own convention
        "unstorable": "Text must not contain NUL characters or unpaired surrogates.",
    }

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("unstorable")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.make_error("unstorable") from None
        return text


class UtcDateTime(fields.DateTime):
    """A timestamp in ISO 8601 with its offset; stored times without a zone are UTC."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


# Errors --------------------------------------------------------------------------------------


class ErrorDetailSchema(Schema):
    code = fields.String(
        required=True,
        metadata={"description": "Stable, machine-readable: not_found, stale_version, …"},
    )
    message = fields.String(required=True, metadata={"description": "For people to read."})
    field_errors = fields.Dict(
        data_key="fields",
        keys=fields.String(),
        metadata={"description": "Per-field problems, when the request body or query was wrong."},
    )


class ErrorSchema(Schema):
    error = fields.Nested(ErrorDetailSchema, required=True)


# Pages ---------------------------------------------------------------------------------------


class PageArgsSchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(
        load_default=DEFAULT_PER_PAGE, validate=validate.Range(min=1, max=MAX_PER_PAGE)
    )


class PageSchema(Schema):
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)
    pages = fields.Integer(required=True)


# Departments and committees ------------------------------------------------------------------


class DepartmentSchema(Schema):
    code = fields.String(required=True)
    name_en = fields.String(required=True)
    name_hi = fields.String(required=True)
    parent = fields.String(attribute="parent.code", allow_none=True, dump_default=None)
    is_active = fields.Boolean(required=True)
    aliases = fields.Pluck("AliasSchema", "text", many=True)


class AliasSchema(Schema):
    text = fields.String()


class DepartmentPageSchema(PageSchema):
    items = fields.List(fields.Nested(DepartmentSchema), required=True)


class PersonSchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)


class CommitteeSchema(Schema):
    id = fields.Integer(required=True)
    name_en = fields.String(required=True)
    name_hi = fields.String(required=True)
    chair = fields.Nested(PersonSchema, allow_none=True)
    secretary = fields.Nested(PersonSchema, allow_none=True)
    departments = fields.Pluck(DepartmentSchema, "code", many=True)


class CommitteePageSchema(PageSchema):
    items = fields.List(fields.Nested(CommitteeSchema), required=True)


# Meetings, extraction, directives ------------------------------------------------------------


class MeetingInSchema(Schema):
    committee = Id(required=True, metadata={"description": "The committee's id."})
    date = fields.Date(required=True)
    title = Text(required=True, validate=validate.Length(min=1, max=200))
    language = Text(required=True, validate=validate.OneOf(LANGUAGES))
    minutes = Text(
        load_default="",
        validate=validate.Length(max=500_000),
        metadata={"description": "The minutes as Markdown or plain text (may be empty)."},
    )
    venue = Text(load_default="", validate=validate.Length(max=200))


class CommitteeRefSchema(Schema):
    id = fields.Integer(required=True)
    name_en = fields.String(required=True)
    name_hi = fields.String(required=True)


class AssignmentBriefSchema(Schema):
    id = fields.Integer(required=True)
    department = fields.String(attribute="department.code", required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATES))
    due_date = fields.Date(attribute="due_on", allow_none=True)
    version = fields.Integer(required=True)


class DirectiveSchema(Schema):
    id = fields.Integer(required=True)
    meeting = fields.Integer(attribute="meeting_id", required=True)
    text = fields.String(attribute="action_text", required=True)
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    due_date = fields.Date(attribute="due_on", allow_none=True)
    due_text = fields.String(allow_none=True)
    source_start = fields.Integer(allow_none=True)
    source_end = fields.Integer(allow_none=True)
    repeats = fields.Integer(attribute="repeats_id", allow_none=True)
    assignments = fields.List(fields.Nested(AssignmentBriefSchema), required=True)


class MeetingSchema(Schema):
    id = fields.Integer(required=True)
    committee = fields.Nested(CommitteeRefSchema, required=True)
    date = fields.Date(attribute="held_on", required=True)
    title = fields.String(required=True)
    venue = fields.String(required=True)
    language = fields.String(required=True)
    status = fields.String(required=True, metadata={"description": "draft or published"})
    minutes = fields.String(attribute="minutes.source", dump_default="")
    minutes_version = fields.Integer(attribute="minutes.number", allow_none=True)
    directives = fields.List(fields.Nested(DirectiveSchema), required=True)


class AssigneeSchema(Schema):
    mention = fields.String(required=True)
    department = fields.String(allow_none=True, required=True)


class CandidateSchema(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    assignees = fields.List(fields.Nested(AssigneeSchema), required=True)
    all_departments = fields.Boolean(required=True)
    # Already ISO text: the engine's JSON is passed through as `flask extract --json` prints it.
    due_date = fields.String(allow_none=True, required=True, metadata={"format": "date"})
    due_text = fields.String(allow_none=True, required=True)
    confidence = fields.Float(required=True)
    reason = fields.String(required=True)


class ExtractionSchema(Schema):
    language = fields.String(required=True)
    directives = fields.List(fields.Nested(CandidateSchema), required=True)


class DirectiveInSchema(Schema):
    text = Text(required=True, validate=validate.Length(min=1, max=5000))
    departments = fields.List(
        Text(validate=validate.Length(min=1, max=40)),
        required=True,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Department codes, as GET /departments gives them."},
    )
    due_date = fields.Date(load_default=None, allow_none=True)
    due_text = Text(load_default=None, allow_none=True, validate=validate.Length(max=200))
    priority = Text(load_default="normal", validate=validate.OneOf(PRIORITIES))
    source_start = fields.Integer(load_default=None, allow_none=True)
    source_end = fields.Integer(load_default=None, allow_none=True)
    repeats = Id(
        load_default=None,
        allow_none=True,
        metadata={"description": "An earlier open directive of the committee this one repeats."},
    )


# Assignments ---------------------------------------------------------------------------------


class AssignmentListArgsSchema(PageArgsSchema):
    department = Text(
        validate=validate.Length(min=1, max=40), metadata={"description": "A department code."}
    )
    status = Text(validate=validate.OneOf(STATES))
    overdue = fields.Boolean(metadata={"description": "true: only overdue work."})
    committee = Id()


class DepartmentRefSchema(Schema):
    code = fields.String(required=True)
    name_en = fields.String(required=True)
    name_hi = fields.String(required=True)


class DirectiveRefSchema(Schema):
    id = fields.Integer(required=True)
    text = fields.String(attribute="action_text", required=True)
    priority = fields.String(required=True)
    due_text = fields.String(allow_none=True)


class MeetingRefSchema(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    date = fields.Date(attribute="held_on", required=True)
    committee = fields.Integer(attribute="committee_id", required=True)


class AssignmentSchema(Schema):
    """Dumped from a row that carries the assignment and what is worked out about it."""

    id = fields.Integer(attribute="assignment.id", required=True)
    status = fields.String(attribute="assignment.status", required=True)
    due_date = fields.Date(attribute="assignment.due_on", allow_none=True)
    overdue = fields.Boolean(attribute="is_overdue", required=True)
    extension_pending = fields.Boolean(required=True)
    version = fields.Integer(
        attribute="assignment.version",
        required=True,
        metadata={"description": "Send it back with a transition; a change meanwhile gives 409."},
    )
    department = fields.Nested(DepartmentRefSchema, attribute="assignment.department")
    directive = fields.Nested(DirectiveRefSchema, attribute="assignment.directive")
    meeting = fields.Nested(MeetingRefSchema, attribute="assignment.directive.meeting")
    updated_at = UtcDateTime(attribute="assignment.updated_at", required=True)


class AssignmentPageSchema(PageSchema):
    items = fields.List(fields.Nested(AssignmentSchema), required=True)


class AttachmentSchema(Schema):
    id = fields.Integer(required=True)
    filename = fields.String(required=True)
    content_type = fields.String(required=True)
    size = fields.Integer(attribute="size_bytes", required=True)


class HistoryEntrySchema(Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    from_status = fields.String(allow_none=True)
    to_status = fields.String(allow_none=True)
    note = fields.String(required=True)
    due_date = fields.Date(attribute="due_on", allow_none=True)
    actor = fields.Nested(PersonSchema, allow_none=True)
    at = UtcDateTime(attribute="created_at", required=True)
    attachments = fields.List(fields.Nested(AttachmentSchema), required=True)


class AssignmentDetailSchema(AssignmentSchema):
    transitions = fields.List(
        fields.String(validate=validate.OneOf(TRANSITION_TARGETS)),
        required=True,
        metadata={"description": "The values of `to` this user may send now."},
    )
    history = fields.List(fields.Nested(HistoryEntrySchema), required=True)


class TransitionInSchema(Schema):
    to = Text(required=True, validate=validate.OneOf(TRANSITION_TARGETS))
    note = Text(load_default="", validate=validate.Length(max=10_000))
    due_date = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={"description": "The new date asked for; needed with extension_requested."},
    )
    version = fields.Integer(required=True)


# Dashboard -----------------------------------------------------------------------------------


class DashboardArgsSchema(Schema):
    committee = Id()
    meeting = Id()
    department = Text(validate=validate.Length(min=1, max=40))
    due_from = fields.Date()
    due_to = fields.Date()


class FiguresSchema(Schema):
    open = fields.Integer(required=True)
    overdue = fields.Integer(required=True)
    due_soon = fields.Integer(required=True, metadata={"description": "Due in the next 7 days."})
    stale = fields.Integer(required=True)
    closed = fields.Integer(required=True)
    closed_on_time = fields.Integer(required=True)
    closed_late = fields.Integer(required=True)
    late_1_7 = fields.Integer(required=True)
    late_8_30 = fields.Integer(required=True)
    late_31_90 = fields.Integer(required=True)
    late_91 = fields.Integer(required=True, metadata={"description": "Overdue by over 90 days."})
    compliance = fields.Float(
        allow_none=True,
        required=True,
        metadata={"description": "Percent of closed work closed on or before its due date."},
    )
    average_days_late = fields.Float(allow_none=True, required=True)


class DepartmentFiguresSchema(FiguresSchema):
    code = fields.String(required=True)
    name_en = fields.String(required=True)
    name_hi = fields.String(required=True)


class DashboardSchema(Schema):
    as_of = fields.Date(required=True)
    totals = fields.Nested(FiguresSchema, required=True)
    departments = fields.List(fields.Nested(DepartmentFiguresSchema), required=True)
