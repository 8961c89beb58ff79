"""Demonstration data: a district's departments, two committees, their meetings and users."""

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.extraction import BUILTIN_DEPARTMENTS
from tracker.models import (
    Committee,
    Department,
    DepartmentAlias,
    Meeting,
    MinutesVersion,
    User,
)
from tracker.models._common import utcnow

MINUTES_DIR = Path(__file__).resolve().parent / "minutes"
DEMO_PASSWORD = "demo-tracker-2026"


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str
    language: str
    departments: tuple[str, ...] = ()


DEMO_USERS = (
    DemoUser("admin@rampurkalan.example.in", "Neha Bansal", "admin", "en"),
    DemoUser("secretary@rampurkalan.example.in", "सुरेश चंद्र पाठक", "secretary", "hi"),
    DemoUser("dm@rampurkalan.example.in", "Aditi Rao (District Magistrate)", "chair", "hi"),
    DemoUser("cs@labour.example.in", "Vikram Sethi (Chief Secretary)", "chair", "en"),
    DemoUser("bsa@rampurkalan.example.in", "मीना कुमारी", "officer", "hi", ("BASIC_EDU",)),
    DemoUser("labour@rampurkalan.example.in", "Imran Qureshi", "officer", "en", ("LABOUR",)),
)


@dataclass(frozen=True)
class DemoCommittee:
    key: str
    name_en: str
    name_hi: str
    chair_email: str
    secretary_email: str
    departments: tuple[str, ...]


TASK_FORCE = DemoCommittee(
    "task_force",
    "District Task Force on Child Labour, Rampur Kalan",
    "जिला बाल श्रम उन्मूलन टास्क फोर्स, रामपुर कलां",
    "dm@rampurkalan.example.in",
    "secretary@rampurkalan.example.in",
    ("LABOUR", "BASIC_EDU", "PROBATION", "POLICE", "HEALTH", "RURAL_DEV", "PANCHAYATI_RAJ",
     "FOOD_SUPPLY", "WCD", "LEGAL_SERVICES"),
)  # fmt: skip
LABOUR_REVIEW = DemoCommittee(
    "labour_review",
    "State Review Committee on Labour Welfare Schemes",
    "श्रमिक कल्याण योजनाओं की राज्य स्तरीय समीक्षा समिति",
    "cs@labour.example.in",
    "secretary@rampurkalan.example.in",
    ("LABOUR", "FOOD_SUPPLY", "HEALTH", "SOCIAL_WELFARE", "SECONDARY_EDU", "TRIBAL_AFFAIRS",
     "POWER", "IT", "RURAL_DEV", "SKILL_DEV"),
)  # fmt: skip


@dataclass(frozen=True)
class DemoMeeting:
    committee: DemoCommittee
    title: str
    held_on: date
    starts_at: time
    venue: str
    language: str
    minutes_file: str
    published: bool


DEMO_MEETINGS = (
    DemoMeeting(TASK_FORCE, "जिला टास्क फोर्स की प्रथम बैठक", date(2026, 8, 14), time(11, 0),
                "कलेक्ट्रेट सभागार, रामपुर कलां", "hi", "task_force_1_hi.md", True),
    DemoMeeting(LABOUR_REVIEW, "Review of labour welfare schemes for e-Shram workers",
                date(2026, 9, 10), time(15, 30), "Civil Secretariat, Committee Room 2", "en",
                "labour_review_1_en.md", True),
    DemoMeeting(TASK_FORCE, "जिला टास्क फोर्स की द्वितीय बैठक", date(2026, 10, 16), time(11, 30),
                "कलेक्ट्रेट सभागार, रामपुर कलां", "hi", "task_force_2_hi.md", True),
    DemoMeeting(LABOUR_REVIEW, "Follow-up review of labour welfare schemes", date(2026, 11, 5),
                time(16, 0), "Civil Secretariat, Committee Room 2", "en",
                "labour_review_2_en.md", False),
)  # fmt: skip


@dataclass(frozen=True)
class DemoResult:
    skipped: bool
    departments: int = 0
    committees: int = 0
    meetings: int = 0


def load_demo(*, if_empty: bool = False) -> DemoResult:
    """Add whatever part of the demo data is missing.

    With ``if_empty``, do nothing unless the database has no users yet.
    """
    if if_empty and db.session.scalar(select(func.count()).select_from(User)):
        return DemoResult(skipped=True)
    departments = _load_departments()
    users = _load_users(departments)
    committees = {spec.key: _load_committee(spec, users, departments)
                  for spec in (TASK_FORCE, LABOUR_REVIEW)}  # fmt: skip
    meetings = [_load_meeting(spec, committees[spec.committee.key], users)
                for spec in DEMO_MEETINGS]  # fmt: skip
    db.session.commit()
    return DemoResult(False, len(departments), len(committees), len(meetings))


def _load_departments() -> dict[str, Department]:
    existing = {d.code: d for d in db.session.scalars(select(Department))}
    for entry in BUILTIN_DEPARTMENTS:
        department = existing.get(entry.code)
        if department is None:
            department = Department(code=entry.code, name_en=entry.name_en, name_hi=entry.name_hi)
            db.session.add(department)
            existing[entry.code] = department
        known = {alias.text for alias in department.aliases}
        for text in dict.fromkeys(entry.aliases):
            if text not in known:
                department.aliases.append(DepartmentAlias(text=text))
    db.session.flush()
    return existing


def _load_users(departments: dict[str, Department]) -> dict[str, User]:
    existing = {u.email: u for u in db.session.scalars(select(User))}
    for spec in DEMO_USERS:
        if spec.email in existing:
            continue
        user = User(email=spec.email, name=spec.name, role=spec.role, language=spec.language)
        user.set_password(DEMO_PASSWORD)
        user.departments = [departments[code] for code in spec.departments]
        db.session.add(user)
        existing[spec.email] = user
    db.session.flush()
    return existing


def _load_committee(spec: DemoCommittee, users, departments) -> Committee:
    committee = db.session.scalar(select(Committee).where(Committee.name_en == spec.name_en))
    if committee is None:
        committee = Committee(
            name_en=spec.name_en,
            name_hi=spec.name_hi,
            chair=users[spec.chair_email],
            secretary=users[spec.secretary_email],
            departments=[departments[code] for code in spec.departments],
        )
        db.session.add(committee)
        db.session.flush()
    return committee


def _load_meeting(spec: DemoMeeting, committee: Committee, users) -> Meeting:
    meeting = db.session.scalar(
        select(Meeting).where(
            Meeting.committee_id == committee.id,
            Meeting.held_on == spec.held_on,
            Meeting.title == spec.title,
        )
    )
    if meeting is not None:
        return meeting
    secretary = users[spec.committee.secretary_email]
    source = (MINUTES_DIR / spec.minutes_file).read_text(encoding="utf-8")
    meeting = Meeting(
        committee=committee,
        title=spec.title,
        held_on=spec.held_on,
        starts_at=spec.starts_at,
        venue=spec.venue,
        chair=users[spec.committee.chair_email],
        status="published" if spec.published else "draft",
        language=spec.language,
        created_by=secretary,
        departments_present=list(committee.departments),
    )
    meeting.minutes_versions.append(
        MinutesVersion(
            number=1,
            source=source,
            language=spec.language,
            created_by=secretary,
            published_at=utcnow() if spec.published else None,
        )
    )
    db.session.add(meeting)
    db.session.flush()
    return meeting
