"""Departments' work: the inbox, the assignment page, the lifecycle of each assignment."""

from tracker.directives.routes import bp

__all__ = ["bp"]
