"""The tracker: committees' directives followed, department by department, until closed."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def create_app(config_class: type | None = None):
    """Build the application with ``config_class``'s settings (config.Config by default)."""
    # Imported here, not at the top, so that importing the pure-Python tracker.extraction
    # package does not load Flask and the whole application.
    from flask import Flask

    from config import Config, instance_secret_key
    from tracker import (
        api,
        auth,
        cli,
        dashboard,
        directives,
        errors,
        i18n,
        meetings,
        reminders,
        templating,
    )
    from tracker.extensions import babel, csrf, db, limiter, login_manager, migrate
    from tracker.routing import IdConverter, reject_unstorable_text

    app = Flask(__name__, template_folder="../templates", instance_relative_config=True)
    app.url_map.converters["int"] = IdConverter
    app.before_request(reject_unstorable_text)
    app.config.from_object(config_class or Config)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'tracker.db'}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(instance / "secret_key")
    # Room for the form fields around the largest allowed upload.
    # Flask defines MAX_CONTENT_LENGTH as None (no limit), so setdefault would never apply.
    if not app.config.get("MAX_CONTENT_LENGTH"):
        app.config["MAX_CONTENT_LENGTH"] = (app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    limiter.init_app(app)

    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(directives.bp)
    app.register_blueprint(meetings.bp)
    app.register_blueprint(reminders.bp)
    api.init_app(app)
    errors.register_error_handlers(app)
    templating.register(app)
    cli.register(app)
    reminders.register_commands(app)
    return app
