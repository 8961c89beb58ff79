"""Shared set-up for the reminder, notification and calendar tests.

No tests live here: a real SMTP server (aiosmtpd) that keeps what it receives, and a small
district with one department's work, on which the test_reminders*, test_notifications and
test_calendars modules build.
"""

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tracker.models import Assignment, Committee, Department, Directive, User

#: The day the tests run flask remind as (--today).
TODAY = date(2026, 4, 1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every message, or refuses them all when told to."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.refuse:
            return "550 Mailbox unavailable"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m.envelope_recipients]

    def clear(self) -> None:
        self.messages.clear()


@contextmanager
def smtp_server(app) -> Iterator[Inbox]:
    """Start a real SMTP server on a free local port and point the app's mail settings at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(
        MAIL_HOST="127.0.0.1",
        MAIL_PORT=controller.port,
        MAIL_STARTTLS=False,
        MAIL_SSL=False,
        MAIL_USER="",
        MAIL_SENDER="tracker@district.example.in",
        BASE_URL="https://tracker.district.example.in",
    )
    try:
        yield inbox
    finally:
        controller.stop()


def text_part(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


@dataclass
class District:
    """One department with two officers and a head; a committee with its chair."""

    department: Department
    officers: list[User]
    head: User
    committee: Committee
    chair: User
    meeting: object
    db: object
    extra: dict = field(default_factory=dict)

    def assign(self, text: str, due_on: date | None, *, department: Department | None = None,
               status: str = "open", updated_at: datetime | None = None,
               meeting=None) -> Assignment:  # fmt: skip
        """Add a directive with one assignment due on ``due_on``."""
        directive = Directive(meeting=meeting or self.meeting, action_text=text, due_on=due_on)
        assignment = Assignment(
            department=department or self.department,
            status=status,
            due_on=due_on,
            updated_at=updated_at or datetime.now(UTC),
        )
        directive.assignments.append(assignment)
        self.db.session.add(directive)
        self.db.session.commit()
        return assignment

    def due_in(self, days: int, text: str | None = None, **kwargs) -> Assignment:
        due_on = TODAY + timedelta(days)
        return self.assign(text or f"Directive due in {days} days", due_on, **kwargs)


def build_district(db, create_department, create_user, create_committee,
                   create_meeting) -> District:  # fmt: skip
    department = create_department(code="BASIC_EDU", name_en="Basic Education",
                                   name_hi="बेसिक शिक्षा")  # fmt: skip
    officers = [
        create_user("officer", name="Meena Kumari", departments=[department]),
        create_user("officer", name="Ravi Verma", departments=[department], language="hi"),
    ]
    head = create_user("officer", name="Head of Basic Education", departments=[])
    department.head = head
    chair = create_user("chair", name="District Magistrate")
    committee = create_committee(chair=chair, departments=[department])
    meeting = create_meeting(committee=committee, status="published")
    db.session.commit()
    return District(department, officers, head, committee, chair, meeting, db)


def remind(cli, *args: str, today: date = TODAY):
    """Run flask remind as cron would, on ``today``."""
    return cli.invoke(args=["remind", "--today", today.isoformat(), *args])
