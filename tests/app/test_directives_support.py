"""Shared set-up for the directives tests: a small district with two departments' work.

No tests live here; the test_directives_* modules build their fixtures from these helpers.
"""

import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from pypdf import PdfWriter
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from tests.conftest import PASSWORD, csrf_token, sign_in
from tracker.clock import local_today
from tracker.extensions import db as _db
from tracker.models import (
    Assignment,
    Committee,
    Department,
    Directive,
    Meeting,
    StatusChange,
    User,
)

MINUTES = (
    "# जिला टास्क फोर्स की बैठक\n\n"
    "बैठक में पिछले माह की प्रगति पर चर्चा हुई।\n\n"
    "अध्यक्ष ने निर्देश दिए कि बेसिक शिक्षा विभाग एवं पुलिस विभाग 31 मार्च तक सभी चिन्हित"
    " बच्चों का विद्यालय में नामांकन <script>alert(1)</script> सुनिश्चित करें।"
    " यह कार्य प्राथमिकता पर हो।\n\n"
    "अन्य विषयों पर चर्चा के बाद बैठक समाप्त हुई।\n"
)
SPAN_TEXT = "बेसिक शिक्षा विभाग एवं पुलिस विभाग 31 मार्च तक"
STALE_MESSAGE = "Someone changed this assignment after you opened the page"
#: The test password, hashed cheaply once: these tests sign many users in.
QUICK_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
_numbers = itertools.count(1)


def make_user(db, role: str, name: str, departments=()) -> User:
    """Add a user who signs in with the tests' password."""
    user = User(
        email=f"{role}.{next(_numbers)}@district.example.in",
        name=name,
        role=role,
        language="en",
        password_hash=QUICK_HASH,
        departments=list(departments),
    )
    db.session.add(user)
    db.session.commit()
    return user


def tiny_pdf() -> bytes:
    """Return a small, valid, one-page PDF."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass
class World:
    """Two departments with officers; a committee with its chair and member-secretary."""

    edu: Department
    police: Department
    officer: User
    officer_colleague: User
    police_officer: User
    chair: User
    secretary: User
    other_chair: User
    other_secretary: User
    admin: User
    committee: Committee
    meeting: Meeting
    directive: Directive
    #: Basic Education's assignment (overdue) and Police's (due in ten days).
    mine: Assignment
    theirs: Assignment
    users: dict[str, User] = field(default_factory=dict)


def build_world(db, create_department, create_committee, create_meeting) -> World:
    edu = create_department(code="BASIC_EDU", name_en="Basic Education", name_hi="बेसिक शिक्षा")
    police = create_department(code="POLICE", name_en="Police", name_hi="पुलिस")
    officer = make_user(db, "officer", "Meena Kumari", [edu])
    colleague = make_user(db, "officer", "Ravi Verma", [edu])
    police_officer = make_user(db, "officer", "Anil Singh", [police])
    chair = make_user(db, "chair", "Aditi Rao")
    secretary = make_user(db, "secretary", "Suresh Pathak")
    other_chair = make_user(db, "chair", "Vikram Sethi")
    other_secretary = make_user(db, "secretary", "Kavita Joshi")
    admin = make_user(db, "admin", "Neha Bansal")
    committee = create_committee(chair=chair, secretary=secretary, departments=[edu, police])
    create_committee(
        chair=other_chair,
        secretary=other_secretary,
        name_en="Road Safety Committee",
        name_hi="सड़क सुरक्षा समिति",
    )
    meeting = create_meeting(
        committee=committee, minutes=MINUTES, status="published", title="जिला टास्क फोर्स की बैठक"
    )
    today = local_today()
    start = MINUTES.index(SPAN_TEXT)
    directive = Directive(
        meeting=meeting,
        minutes_version=meeting.minutes,
        source_start=start,
        source_end=start + len(SPAN_TEXT),
        action_text="सभी चिन्हित बच्चों का विद्यालय में नामांकन सुनिश्चित करें",
        due_on=today - timedelta(days=3),
        due_text="31 मार्च तक",
        priority="high",
    )
    mine = Assignment(department=edu, due_on=today - timedelta(days=3))
    theirs = Assignment(department=police, due_on=today + timedelta(days=10))
    directive.assignments.extend([mine, theirs])
    db.session.add(directive)
    db.session.flush()
    for assignment in (mine, theirs):
        db.session.add(
            StatusChange(
                assignment=assignment,
                kind="created",
                to_status="open",
                actor_id=secretary.id,
                note="Assigned at the meeting.",
            )
        )
    db.session.commit()
    users = {
        "officer": officer,
        "colleague": colleague,
        "police_officer": police_officer,
        "chair": chair,
        "secretary": secretary,
        "other_chair": other_chair,
        "other_secretary": other_secretary,
        "admin": admin,
    }
    return World(
        edu,
        police,
        officer,
        colleague,
        police_officer,
        chair,
        secretary,
        other_chair,
        other_secretary,
        admin,
        committee,
        meeting,
        directive,
        mine,
        theirs,
        users,
    )


def add_assignment(
    db,
    world: World,
    department: Department,
    *,
    status: str = "open",
    due_on: date | None = None,
    text: str = "Survey the brick kilns",
    meeting: Meeting | None = None,
) -> Assignment:
    """Add a directive with one assignment for ``department``."""
    directive = Directive(meeting=meeting or world.meeting, action_text=text, due_on=due_on)
    assignment = Assignment(department=department, status=status, due_on=due_on)
    directive.assignments.append(assignment)
    db.session.add(directive)
    db.session.commit()
    return assignment


def signed_in(app, user: User):
    """Return a test client signed in as ``user``, with a CSRF token at hand."""
    client = app.test_client()
    response = sign_in(client, user.email)
    assert response.status_code == 302, response.get_data(as_text=True)
    client.user = user
    client.token = csrf_token(client, "/")
    return client


def post_change(
    client,
    assignment: Assignment | int,
    key: str,
    version: int | None = None,
    *,
    files=(),
    seen: int | None = None,
    **fields,
):
    """Post the change form ``key`` (start, report, ...) as the assignment page would."""
    assignment_id = assignment if isinstance(assignment, int) else assignment.id
    if version is None:
        version = current_version(assignment_id)
    data = {f"{key}-csrf_token": client.token, f"{key}-version": str(version)}
    if seen is not None:
        data[f"{key}-seen"] = str(seen)
    for name, value in fields.items():
        data[f"{key}-{name}"] = value
    if files:
        data[f"{key}-evidence"] = [(io.BytesIO(content), name) for name, content in files]
    return client.post(
        f"/assignments/{assignment_id}/{key}", data=data, content_type="multipart/form-data"
    )


def current_version(assignment_id: int) -> int:
    """Return the assignment's version as committed now, whatever the test's session holds."""
    return _db.session.scalar(select(Assignment.version).where(Assignment.id == assignment_id))


def page_version(page: str, key: str) -> int:
    """Return the version a change form on the page carries."""
    match = re.search(rf'id="{key}-version" name="{key}-version" type="hidden" value="(\d+)"', page)
    assert match, f"no {key} form on the page"
    return int(match.group(1))


def history_of(db, assignment: Assignment) -> list[StatusChange]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            db.select(StatusChange)
            .where(StatusChange.assignment_id == assignment.id)
            .order_by(StatusChange.id)
        )
    )


def fresh(db, assignment: Assignment) -> Assignment:
    db.session.expire_all()
    return db.session.get(Assignment, assignment.id)
