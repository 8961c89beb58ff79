"""Committees, meetings, minutes, and the review of the directives proposed from them."""

from tracker.meetings.routes import bp

__all__ = ["bp"]
