"""Settings for the tracker, each with a default and a TRACKER_* environment variable."""

import os
import secrets
from pathlib import Path


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"TRACKER_{name}", default)


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value else default


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def normalise_database_url(url: str | None) -> str | None:
    """Point plain postgres:// and postgresql:// URLs at the psycopg 3 driver."""
    if not url:
        return url
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_secret_key(path) -> str:
    """Return the secret key kept at ``path``, generating and saving it the first time."""
    path = Path(path)
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    key = secrets.token_hex(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key


class Config:
    #: None means "a SQLite file in the instance folder", decided in create_app().
    SQLALCHEMY_DATABASE_URI = normalise_database_url(_env("DATABASE_URL"))
    #: None means "generated once and kept in the instance folder".
    SECRET_KEY = _env("SECRET_KEY")
    TIMEZONE = _env("TIMEZONE", "Asia/Kolkata")
    DEFAULT_LANGUAGE = _env("DEFAULT_LANGUAGE", "en")
    LANGUAGES = ("en", "hi")
    #: Uploads (minutes, evidence) larger than this are refused, in megabytes.
    MAX_UPLOAD_MB = _env_int("MAX_UPLOAD_MB", 10)
    #: An open assignment with no change for this many days is shown as stale.
    STALE_AFTER_DAYS = _env_int("STALE_AFTER_DAYS", 30)
    PER_PAGE = _env_int("PER_PAGE", 25)

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    #: A form's CSRF token lasts as long as the session, so a long note typed slowly is not refused.
    WTF_CSRF_TIME_LIMIT = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # Reminders and mail (flask remind) ---------------------------------------------------------
    #: Address of the installation as users reach it, for the links in mail and calendar feeds.
    BASE_URL = _env("BASE_URL", "http://localhost:5000")
    #: SMTP server; when empty, flask remind records in-app notifications only and sends no mail.
    MAIL_HOST = _env("MAIL_HOST", "")
    MAIL_PORT = _env_int("MAIL_PORT", 587)
    #: Upgrade the connection with STARTTLS (port 587) ...
    MAIL_STARTTLS = _env_bool("MAIL_STARTTLS", True)
    #: ... or connect over TLS from the start (port 465); takes precedence over STARTTLS.
    MAIL_SSL = _env_bool("MAIL_SSL", False)
    MAIL_USER = _env("MAIL_USER", "")
    MAIL_PASSWORD = _env("MAIL_PASSWORD", "")
    MAIL_SENDER = _env("MAIL_SENDER", "tracker@localhost")
    MAIL_TIMEOUT = _env_int("MAIL_TIMEOUT", 30)
    #: Officers are reminded of work due within this many days.
    REMIND_DUE_SOON_DAYS = _env_int("REMIND_DUE_SOON_DAYS", 3)
    #: Overdue by more than this many days, an assignment goes to the committee's chair.
    ESCALATE_AFTER_DAYS = _env_int("ESCALATE_AFTER_DAYS", 14)
    #: An overdue, stale or escalated item is mentioned again after this many days.
    REMIND_REPEAT_DAYS = _env_int("REMIND_REPEAT_DAYS", 7)

    # The JSON API (/api/v1) --------------------------------------------------------------------
    #: Requests allowed per token (per address for requests without one), in Flask-Limiter's
    #: notation: "300 per minute", "5000 per hour; 300 per minute".
    API_RATE_LIMIT = _env("API_RATE_LIMIT", "300 per minute")
    #: Requests refused for a missing or wrong token allowed per address before all are refused.
    API_FAILED_AUTH_LIMIT = _env("API_FAILED_AUTH_LIMIT", "30 per minute")
    #: Where the counts of the rate limit are kept: memory:// (one process) or redis://host:6379.
    RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    #: Largest request body the API accepts, in kilobytes.
    API_MAX_BODY_KB = _env_int("API_MAX_BODY_KB", 1024)
    # Read by flask-smorest, which builds the OpenAPI document.
    API_TITLE = "Directive Tracker API"
    API_VERSION = "1.0"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    DEFAULT_LANGUAGE = "en"
