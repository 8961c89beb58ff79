"""Sign in, sign out, and switch language."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth import services, tokens
from tracker.auth.forms import LanguageForm, LoginForm, LogoutForm, RevokeTokenForm, TokenForm
from tracker.extensions import db, login_manager
from tracker.i18n import SESSION_LANGUAGE_KEY
from tracker.models import User

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.is_active else None


def safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, else the home page."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("dashboard.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("The email or password is not right. Please try again."))
        else:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    if LogoutForm().validate_on_submit():
        logout_user()
        flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.post("/language")
def set_language():
    form = LanguageForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            services.set_language(current_user, form.language.data)
        else:
            session[SESSION_LANGUAGE_KEY] = form.language.data
    return redirect(safe_next(form.next.data))


# The profile page and API tokens ------------------------------------------------------------


def _profile(form: TokenForm | None = None, new_secret: str | None = None, status: int = 200):
    page = render_template(
        "auth/profile.html",
        form=form or TokenForm(formdata=None),
        revoke_form=RevokeTokenForm(formdata=None),
        tokens=tokens.active_tokens(current_user),
        new_secret=new_secret,
    )
    return page, status


@bp.get("/profile")
@login_required
def profile():
    return _profile()


@bp.post("/profile/tokens")
@login_required
def create_token():
    form = TokenForm()
    if not form.validate_on_submit():
        return _profile(form, status=422 if form.csrf_token.errors == [] else 400)
    try:
        _token, secret = tokens.issue_token(current_user, form.name.data)
    except services.AccountError as error:
        form.name.errors.append(str(error))
        return _profile(form, status=422)
    # The secret is shown in this answer only: it is not stored, so it cannot be shown again.
    return _profile(new_secret=secret, status=201)


@bp.post("/profile/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    if RevokeTokenForm().validate_on_submit():
        try:
            token = tokens.revoke_token(current_user, token_id)
        except services.AccountError as error:
            flash(str(error), "error")
        else:
            flash(_("The token “%(name)s” is revoked; programs using it are refused from now on.",
                    name=token.name), "info")  # fmt: skip
    return redirect(url_for(".profile"))
