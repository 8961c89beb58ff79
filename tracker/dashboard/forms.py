"""The small forms of the approvals queue."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Regexp

from tracker.directives.services import MAX_NOTE_LENGTH

DECISIONS = ("close", "return", "approve", "reject")
WHOLE_NUMBER = Regexp(r"^\d{1,12}$", message=_l("The page was damaged. Reload it and try again."))


class DecisionForm(FlaskForm):
    """One decision on a report (close or return) or on a request for more time."""

    #: Which button was pressed.
    decision = HiddenField(
        validators=[
            DataRequired(),
            AnyOf(DECISIONS, message=_l("The page was damaged. Reload it and try again.")),
        ]
    )
    version = HiddenField(validators=[DataRequired(), WHOLE_NUMBER])
    note = TextAreaField(
        _l("Remark"),
        validators=[
            Length(max=MAX_NOTE_LENGTH, message=_l("Keep the remark under %(max)d characters."))
        ],
    )
