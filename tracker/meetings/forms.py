"""Forms for committees, meetings, minutes and the review of proposed directives."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from tracker.fields import LocalDateField, LocalTimeField, select_choices

LANGUAGE_CHOICES = select_choices([("hi", "हिन्दी"), ("en", "English")])
PRIORITY_CHOICES = select_choices([
    ("urgent", _l("Urgent")),
    ("high", _l("High")),
    ("normal", _l("Normal")),
    ("low", _l("Low")),
])  # fmt: skip


def optional_int(value):
    """Coerce a select's value to an int, with '' or None meaning no choice."""
    if value in (None, "", "None"):
        return None
    return int(value)


class CheckboxListField(SelectMultipleField):
    """Several choices shown as a list of checkboxes; unknown values are reported by services."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        pass


class CommitteeForm(FlaskForm):
    name_en = StringField(
        _l("Name in English"),
        validators=[DataRequired(_l("Give the committee's name in English.")), Length(max=300)],
    )
    name_hi = StringField(
        _l("Name in Hindi"),
        validators=[DataRequired(_l("Give the committee's name in Hindi.")), Length(max=300)],
    )
    chair_id = SelectField(_l("Chair"), coerce=optional_int, validate_choice=False)
    secretary_id = SelectField(_l("Member-secretary"), coerce=optional_int, validate_choice=False)
    department_ids = CheckboxListField(_l("Member departments"), coerce=int)
    submit = SubmitField(_l("Save committee"))


class MeetingForm(FlaskForm):
    committee_id = SelectField(_l("Committee"), coerce=optional_int, validate_choice=False,
                               validators=[DataRequired(_l("Choose the committee."))])  # fmt: skip
    title = StringField(
        _l("Title"),
        validators=[DataRequired(_l("Give the meeting a title.")), Length(max=300)],
        render_kw={"placeholder": _l("e.g. Second meeting of the district task force")},
    )
    held_on = LocalDateField(
        _l("Date"), validators=[InputRequired(_l("Give the date of the meeting."))]
    )
    starts_at = LocalTimeField(_l("Time"), validators=[Optional()])
    venue = StringField(_l("Venue"), validators=[Length(max=300)])
    chair_id = SelectField(_l("Chaired by"), coerce=optional_int, validate_choice=False)
    language = SelectField(_l("Language of the minutes"), choices=LANGUAGE_CHOICES)
    department_ids = CheckboxListField(_l("Departments present"), coerce=int)
    attendees = TextAreaField(
        _l("Officers present"), validators=[Length(max=5000)], render_kw={"rows": 3}
    )
    submit = SubmitField(_l("Save meeting"))


class MinutesForm(FlaskForm):
    source = TextAreaField(_l("Minutes"), render_kw={"rows": 22, "spellcheck": "false"})
    language = SelectField(_l("Language of the minutes"), choices=LANGUAGE_CHOICES)
    upload = FileField(_l("Or upload a file (.txt, .md, .docx, .pdf)"))
    submit = SubmitField(_l("Save minutes"))


class PublishForm(FlaskForm):
    submit = SubmitField(_l("Publish minutes"))


DEPARTMENT_LIST_ID = "department-list"


class MentionForm(Form):
    mention = HiddenField()
    department = StringField(
        _l("Stands for"),
        render_kw={"list": DEPARTMENT_LIST_ID, "placeholder": _l("Type a department")},
    )
    save_alias = BooleanField(_l("Remember this name for the department"), default=True)


class CardForm(Form):
    include = BooleanField(_l("Accept"), default=True)
    action_text = TextAreaField(_l("Action"), validators=[Length(max=4000)],
                                render_kw={"rows": 3})  # fmt: skip
    departments = CheckboxListField(_l("Departments"), coerce=int)
    add_department = StringField(
        _l("Add a department"),
        render_kw={"list": DEPARTMENT_LIST_ID, "placeholder": _l("Type a name or code")},
    )
    due_on = LocalDateField(_l("Due date"), validators=[Optional()])
    due_text = HiddenField()
    priority = SelectField(_l("Priority"), choices=PRIORITY_CHOICES, default="normal")
    start = HiddenField()
    end = HiddenField()
    cue_words = HiddenField()
    rule = HiddenField()
    confidence = HiddenField()
    repeat_candidate = HiddenField()
    confirmed_id = HiddenField()
    link_repeat = BooleanField(_l("Link as a repeat of the earlier directive"))
    mentions = FieldList(FormField(MentionForm))


class ReviewForm(FlaskForm):
    cards = FieldList(FormField(CardForm))
    submit = SubmitField(_l("Confirm accepted directives"))
