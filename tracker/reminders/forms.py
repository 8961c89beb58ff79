"""The calendar page's forms: each button is a POST carrying its CSRF token."""

from flask_wtf import FlaskForm
from wtforms import HiddenField


class FeedForm(FlaskForm):
    #: Empty for the user's own feed, else the department's id.
    department_id = HiddenField()
