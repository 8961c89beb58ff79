"""The main menu for each role; an entry shows once the page behind it exists."""

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object
    roles: tuple[str, ...]


ALL_ROLES = ("admin", "secretary", "officer", "chair")

MENU = (
    NavItem("dashboard.home", _l("Home"), ALL_ROLES),
    NavItem("meetings.index", _l("Meetings"), ("admin", "secretary", "chair")),
    NavItem("directives.inbox", _l("Department inbox"), ALL_ROLES),
    NavItem("dashboard.overdue", _l("Overdue"), ("chair", "admin")),
    NavItem("dashboard.approvals", _l("Approvals"), ("chair",)),
    NavItem("admin.index", _l("Administration"), ("admin",)),
)


def menu_for(role: str) -> list[NavItem]:
    """Return the menu entries for ``role`` whose pages this installation serves."""
    views = current_app.view_functions
    return [item for item in MENU if role in item.roles and item.endpoint in views]
