"""Each role's home page, and later the chair's overdue dashboard."""

from tracker.dashboard.routes import bp

__all__ = ["bp"]
