"""Accounts: sign-in checks, creating users, passwords and language."""

from collections.abc import Iterable

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.extensions import db
from tracker.models import LANGUAGES, ROLES, Department, User

MIN_PASSWORD_LENGTH = 8
# Checked against when the email is unknown, so both failures take the same time.
_UNKNOWN_USER_HASH = generate_password_hash("not a password of anyone")


class AccountError(ValueError):
    """A request about an account that cannot be carried out, with a message for the user."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with this email and password, or None."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_UNKNOWN_USER_HASH, password)
        return None
    if not user.check_password(password) or not user.is_active:
        return None
    return user


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            _("The password must be at least %(count)d characters long.", count=MIN_PASSWORD_LENGTH)
        )


def departments_by_code(codes: Iterable[str]) -> list[Department]:
    """Return the departments with these codes, or raise naming the unknown ones."""
    wanted = [code.strip().upper() for code in codes if code.strip()]
    if not wanted:
        return []
    found = db.session.scalars(select(Department).where(Department.code.in_(wanted))).all()
    known = {department.code for department in found}
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise AccountError(_("Unknown department: %(codes)s", codes=", ".join(unknown)))
    return sorted(found, key=lambda department: wanted.index(department.code))


def create_user(
    *,
    email: str,
    name: str,
    role: str,
    password: str,
    department_codes: Iterable[str] = (),
    language: str = "en",
) -> User:
    """Create a user; officers must act for at least one department."""
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        message = _("That is not a valid email address: %(reason)s", reason=error)
        raise AccountError(message) from None
    if role not in ROLES:
        raise AccountError(_("Unknown role: %(role)s", role=role))
    if language not in LANGUAGES:
        raise AccountError(_("Unknown language: %(language)s", language=language))
    if not name.strip():
        raise AccountError(_("The name must not be empty."))
    if db.session.scalar(select(func.count()).select_from(User).where(User.email == email)):
        raise AccountError(_("A user with the email %(email)s already exists.", email=email))
    departments = departments_by_code(department_codes)
    if role == "officer" and not departments:
        raise AccountError(_("An officer must act for at least one department."))
    check_password_strength(password)
    user = User(email=email, name=name.strip(), role=role, language=language)
    user.set_password(password)
    user.departments = departments
    db.session.add(user)
    db.session.commit()
    return user


def set_password(email: str, password: str) -> User:
    user = find_user_by_email(email)
    if user is None:
        raise AccountError(_("No user has the email %(email)s.", email=email))
    check_password_strength(password)
    user.set_password(password)
    db.session.commit()
    return user


def set_language(user: User, language: str) -> None:
    if language not in LANGUAGES:
        raise AccountError(_("Unknown language: %(language)s", language=language))
    user.language = language
    db.session.commit()
