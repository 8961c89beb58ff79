"""API tokens: issue one (shown once), find the user behind one, revoke."""

import hashlib
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update

from tracker.auth.services import AccountError
from tracker.extensions import db
from tracker.models import ApiToken, User
from tracker.models._common import utcnow

#: Every token starts with this, so a leaked one is easy to recognise in logs and code.
TOKEN_PREFIX = "trk_"
MAX_NAME_LENGTH = 100
MAX_ACTIVE_TOKENS = 20
#: last_used_at is written at most this often per token, so reads do not become writes.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def hash_token(token: str) -> str:
    """Return the SHA-256 of ``token``; tokens carry 256 random bits, so no salt is needed."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Make a new token for ``user``; return it and its secret, which is never stored."""
    name = " ".join((name or "").split())
    if not name:
        raise AccountError(_("Give the token a name that says what it is for."))
    if len(name) > MAX_NAME_LENGTH:
        raise AccountError(
            _("Keep the name under %(count)d characters.", count=MAX_NAME_LENGTH)
        )
    if len(active_tokens(user)) >= MAX_ACTIVE_TOKENS:
        raise AccountError(
            _(
                "You already have %(count)d tokens. Revoke one you no longer use first.",
                count=MAX_ACTIVE_TOKENS,
            )
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name, token_hash=hash_token(secret), prefix=secret[: len(TOKEN_PREFIX) + 4]
    )
    db.session.add(token)
    db.session.commit()
    return token, secret


def active_tokens(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s tokens; at once, every request carrying it is refused."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise AccountError(_("No such token."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.commit()
    return token


def revoke_all(user: User) -> int:
    """Revoke every token of ``user``; return how many were active."""
    result = db.session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    db.session.commit()
    return result.rowcount


def user_for_token(secret: str) -> User | None:
    """Return the active user a live token belongs to, or None; note when it was used."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == hash_token(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None or not token.user.is_active:
        return None
    now = utcnow()
    last = token.last_used_at
    if last is not None and last.tzinfo is None:
        now = now.replace(tzinfo=None)
    if last is None or now - last > LAST_USED_RESOLUTION:
        token.last_used_at = now
        db.session.commit()
    return token.user
