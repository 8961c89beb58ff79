"""Forms for signing in and choosing a language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import AnyOf, DataRequired, Length

from tracker.models import LANGUAGES


class LoginForm(FlaskForm):
    email = StringField(
        _l("Email"),
        validators=[DataRequired(_l("Enter your email address.")), Length(max=254)],
        render_kw={"autocomplete": "username", "autofocus": True, "inputmode": "email"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this computer"))
    submit = SubmitField(_l("Sign in"))


class LanguageForm(FlaskForm):
    language = HiddenField(validators=[AnyOf(LANGUAGES)])
    next = HiddenField()


class LogoutForm(FlaskForm):
    submit = SubmitField(_l("Sign out"))


class TokenForm(FlaskForm):
    name = StringField(
        _l("What the token is for"),
        validators=[DataRequired(_l("Say what the token is for.")), Length(max=100)],
        render_kw={"placeholder": _l("e.g. State dashboard")},
    )
    submit = SubmitField(_l("Make a token"))


class RevokeTokenForm(FlaskForm):
    submit = SubmitField(_l("Revoke"))
