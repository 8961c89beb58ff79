"""Reminders and escalation by mail, in-app notifications, and calendar feeds."""

from tracker.reminders.cli import register as register_commands
from tracker.reminders.routes import bp

__all__ = ["bp", "register_commands"]
