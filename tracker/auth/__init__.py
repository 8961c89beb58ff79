"""Signing in and out, and the user's own settings."""

from tracker.auth.routes import bp

__all__ = ["bp"]
