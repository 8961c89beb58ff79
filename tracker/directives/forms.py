"""Forms for the inbox filters, the changes to an assignment, and the bulk update."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FileField,
    HiddenField,
    MultipleFileField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from tracker.directives.services import MAX_NOTE_LENGTH

NOTE_LENGTH = Length(max=MAX_NOTE_LENGTH, message=_l("Keep the note under %(max)d characters."))


class DayField(DateField):
    """A date field (YYYY-MM-DD, as date inputs send it) that says plainly what was wrong."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = datetime.strptime(valuelist[0].strip(), "%Y-%m-%d").date()
        except ValueError:
            self.data = None
            raise ValueError(
                _l(
                    "%(value)s is not a date. Use the form 2026-03-31 (year-month-day).",
                    value=valuelist[0][:40],
                )
            ) from None


#: Hidden numbers the page itself fills in.
WHOLE_NUMBER = Regexp(r"^\d{1,12}$", message=_l("The page was damaged. Reload it and try again."))


class ChangeForm(FlaskForm):
    """The fields every change carries: the version the page showed and its last entry."""

    version = HiddenField(validators=[DataRequired(), WHOLE_NUMBER])
    #: The last history entry the page showed, to tell what changed meanwhile.
    seen = HiddenField(validators=[Optional(), WHOLE_NUMBER])

    @property
    def version_number(self) -> int:
        return int(self.version.data)

    @property
    def seen_number(self) -> int | None:
        return int(self.seen.data) if self.seen.data else None


class StartForm(ChangeForm):
    submit = SubmitField(_l("Start work"))


class ReportForm(ChangeForm):
    note = TextAreaField(
        _l("Action taken"),
        validators=[DataRequired(_l("Describe the action taken.")), NOTE_LENGTH],
        render_kw={"rows": 6},
    )
    evidence = MultipleFileField(
        _l("Evidence"),
        render_kw={"accept": ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"},
    )
    submit = SubmitField(_l("Submit report"))


class CloseForm(ChangeForm):
    note = TextAreaField(_l("Remark (optional)"), validators=[NOTE_LENGTH], render_kw={"rows": 3})
    submit = SubmitField(_l("Accept and close"))


class ReturnForm(ChangeForm):
    note = TextAreaField(
        _l("What more is needed"),
        validators=[
            DataRequired(_l("Say what more is needed, so the department knows what to do.")),
            NOTE_LENGTH,
        ],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Return to the department"))


class DropForm(ChangeForm):
    note = TextAreaField(
        _l("Reason"),
        validators=[
            DataRequired(_l("Give the reason for dropping this assignment.")),
            NOTE_LENGTH,
        ],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Drop this assignment"))


class ExtensionRequestForm(ChangeForm):
    due_on = DayField(
        _l("New due date"),
        validators=[InputRequired(_l("Enter the new date you are asking for."))],
    )
    note = TextAreaField(
        _l("Reason"),
        validators=[DataRequired(_l("Give the reason you need more time.")), NOTE_LENGTH],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Ask for more time"))


class ExtensionDecisionForm(ChangeForm):
    note = TextAreaField(
        _l("Remark (needed to refuse)"), validators=[NOTE_LENGTH], render_kw={"rows": 2}
    )
    approve = SubmitField(_l("Grant the new date"))
    reject = SubmitField(_l("Refuse"))


#: The form behind each action, by the name the action's URL and the form's prefix use.
CHANGE_FORMS = {
    "start": StartForm,
    "report": ReportForm,
    "close": CloseForm,
    "return": ReturnForm,
    "drop": DropForm,
    "extension": ExtensionRequestForm,
    "decision": ExtensionDecisionForm,
}


class InboxFilterForm(FlaskForm):
    """The inbox's filters, read from the query string."""

    class Meta:
        csrf = False

    view = SelectField(_l("Show"), default="pending", validate_choice=False)
    department = SelectField(_l("Department"), default="", validate_choice=False)
    committee = SelectField(_l("Committee"), default="", validate_choice=False)
    meeting = SelectField(_l("Meeting"), default="", validate_choice=False)
    due_from = DayField(_l("Due from"), validators=[Optional()])
    due_to = DayField(_l("Due until"), validators=[Optional()])
    q = StringField(
        _l("Search"),
        validators=[Length(max=200)],
        render_kw={"type": "search", "enterkeyhint": "search"},
    )

    def id_of(self, field) -> int | None:
        """Return the field's value as an id if it is one of the offered choices."""
        value = (field.data or "").strip()
        offered = {str(choice[0]) for choice in field.choices or ()}
        return int(value) if value.isdigit() and value in offered else None


class BulkUploadForm(FlaskForm):
    file = FileField(
        _l("File (CSV or Excel)"),
        render_kw={"accept": ".csv,.xlsx"},
    )
    submit = SubmitField(_l("Check the file"))


class BulkConfirmForm(FlaskForm):
    rows = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Apply these changes"))
