"""Time the chair's dashboard, home page and the inbox on a large installation; show query plans.

Usage: .venv/bin/python bench/bench_dashboard.py [--departments 50] [--per-department 5000]
       [--url postgresql+psycopg://...] [--keep PATH]

Builds departments x assignments (one directive each, spread over 40 meetings of 4 committees,
due dates over the last three years and the next month, a tenth closed, a few dropped, a note
on each one the department has touched) in a SQLite file (or the database at --url, which must
be empty), then times, as a chair of one committee and as the admin: the totals, the department
table, the first and a late page of the overdue list, one department's list, and the chair's
home page figures; and, as an officer of one department and as the chair: the inbox's first page
and its Excel and CSV downloads. Prints the query plans of the department table, of one
department's list and of the inbox download. The default size (250,000 assignments) runs in
about a minute; --per-department 20000 gives a million.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from config import Config  # noqa: E402
from tracker import create_app  # noqa: E402
from tracker.clock import local_today  # noqa: E402
from tracker.dashboard import exports, overdue  # noqa: E402
from tracker.directives import services  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.models import (  # noqa: E402
    Assignment,
    Committee,
    Department,
    Directive,
    Meeting,
    StatusChange,
    User,
)

STATUSES = ["open"] * 5 + ["in_progress"] * 2 + ["reported", "returned", "closed", "dropped"]
OFFICER = "officer@bench.example.in"


def build(departments: int, per_department: int) -> None:
    db.create_all()
    rng = random.Random(7)
    today = local_today()
    now = datetime.now(UTC)
    admin = User(email="admin@bench.example.in", name="Admin", role="admin")
    chairs = [User(email=f"chair{n}@bench.example.in", name=f"Chair {n}", role="chair")
              for n in range(4)]  # fmt: skip
    for user in (admin, *chairs):
        user.set_password("bench-password")
    db.session.add_all([admin, *chairs])
    db.session.flush()
    committees = [Committee(name_en=f"Committee {n}", name_hi=f"समिति {n}", chair=chairs[n])
                  for n in range(4)]  # fmt: skip
    db.session.add_all(committees)
    db.session.flush()
    meetings = [
        Meeting(committee=committees[n % 4], title=f"Meeting {n}", language="en",
                held_on=today - timedelta(days=30 * n), status="published")  # fmt: skip
        for n in range(40)
    ]
    db.session.add_all(meetings)
    db.session.add_all(
        Department(code=f"D{n}", name_en=f"Department {n}", name_hi=f"विभाग {n}")
        for n in range(departments)
    )
    db.session.commit()
    department_ids = [row[0] for row in db.session.execute(text("SELECT id FROM departments"))]
    meeting_ids = [meeting.id for meeting in meetings]
    total = departments * per_department
    batch = 10_000
    next_id = 1
    for start in range(0, total, batch):
        directives, assignments, changes = [], [], []
        for number in range(start, min(total, start + batch)):
            due = today - timedelta(days=rng.randint(-30, 1100))
            status = rng.choice(STATUSES)
            closed_at = None
            if status == "closed":
                closed_at = datetime.combine(due, datetime.min.time(), UTC) + timedelta(
                    days=rng.randint(-20, 60)
                )
            directives.append({"id": next_id, "meeting_id": rng.choice(meeting_ids),
                               "action_text": f"Directive {number}", "due_on": due,
                               "priority": "normal", "created_at": now})  # fmt: skip
            assignments.append({
                "directive_id": next_id, "department_id": department_ids[number % departments],
                "status": status, "due_on": due, "version": 1, "created_at": now,
                "updated_at": now - timedelta(days=rng.randint(0, 200)), "closed_at": closed_at,
            })  # fmt: skip
            if status != "open":
                changes.append({"assignment_id": next_id, "kind": "transition",
                                "from_status": "open", "to_status": status,
                                "note": f"Action taken on directive {number}",
                                "created_at": now})  # fmt: skip
            next_id += 1
        db.session.execute(insert(Directive), directives)
        # One directive per assignment, both numbered alike, so assignment n is directive n's.
        db.session.execute(insert(Assignment), [dict(a, id=a["directive_id"]) for a in assignments])
        if changes:
            db.session.execute(insert(StatusChange), changes)
        db.session.commit()
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def officer() -> User:
    """Return the officer of the first department, adding them to a database built before."""
    user = db.session.scalar(db.select(User).where(User.email == OFFICER))
    if user is None:
        first = db.session.scalar(db.select(Department).order_by(Department.id).limit(1))
        user = User(email=OFFICER, name="Officer", role="officer", departments=[first])
        user.set_password("bench-password")
        db.session.add(user)
        db.session.commit()
    return user


def timed(label: str, function, repeat: int = 3) -> None:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    size = f"  [{len(result):,} rows]" if isinstance(result, list) else ""
    print(f"  {label:<40} {best * 1000:9.1f} ms  (best of {repeat}){size}")
    return result


def listed(user, filters, at, page):
    return overdue.list_page(user, filters, "overdue", at, page)


def first_page(user, filters, today, cutoff):
    return services.inbox_page(user, filters, today, cutoff, 1, overdue.PER_PAGE)


def plan(statement) -> None:
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    for row in db.session.execute(text(prefix + str(compiled))):
        print("   ", " | ".join(str(value) for value in row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--per-department", type=int, default=5_000)
    parser.add_argument("--url", help="an empty database to fill instead of a SQLite file")
    parser.add_argument("--keep", help="build (or reuse) the SQLite file at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as scratch:
        if args.url:
            url = args.url
        else:
            path = Path(args.keep) if args.keep else Path(scratch) / "bench.db"
            url = f"sqlite:///{path}"
        return run(url, args)


def run(url: str, args: argparse.Namespace) -> int:
    """Build the installation at ``url`` unless it holds assignments, then time and explain."""

    class BenchConfig(Config):
        SQLALCHEMY_DATABASE_URI = url
        SECRET_KEY = "bench"

    app = create_app(BenchConfig)
    with app.app_context(), app.test_request_context():
        if not db.inspect(db.engine).has_table("assignments") or not db.session.scalar(
            text("SELECT count(*) FROM assignments")
        ):
            started = time.perf_counter()
            build(args.departments, args.per_department)
            print(f"built in {time.perf_counter() - started:.1f} s")
        count = db.session.scalar(text("SELECT count(*) FROM assignments"))
        print(f"{db.engine.dialect.name}: {count:,} assignments")
        at = overdue.Boundaries.now(local_today())
        admin = db.session.scalar(db.select(User).where(User.role == "admin"))
        chair = db.session.scalar(db.select(User).where(User.role == "chair"))
        everything = overdue.Filters()
        for who in (chair, admin):
            print(f"as {who.role}:")
            timed("totals", lambda who=who: overdue.totals(who, everything, at))
            timed("department table", lambda who=who: overdue.by_department(who, everything, at))
            for label, filters, page in (
                ("overdue list, page 1", everything, 1),
                ("overdue list, page 200", everything, 200),
                ("one department's overdue list", overdue.Filters(department_id=1), 1),
            ):
                timed(label, lambda w=who, f=filters, n=page: listed(w, f, at, n))
            timed("home: most overdue departments",
                  lambda who=who: overdue.most_overdue_departments(who, at))  # fmt: skip
            timed("home: approvals waiting", lambda who=who: overdue.approvals_waiting(who))
        cutoff = services.stale_before()
        for who, view in ((officer(), "pending"), (chair, "all")):
            filters = services.InboxFilters(view=view)
            print(f"as {who.role}, the inbox ({view}):")
            timed("inbox counts", lambda w=who: services.inbox_counts(w, at.today, cutoff))
            timed("inbox page 1", lambda w=who, f=filters: first_page(w, f, at.today, cutoff))
            rows = timed("download: read the rows",
                         lambda w=who, f=filters: services.inbox_export(w, f, at.today, cutoff),
                         repeat=1)  # fmt: skip
            for kind, write in (("xlsx", exports.inbox_xlsx), ("csv", exports.inbox_csv)):
                arguments = (rows, "Inbox") if kind == "xlsx" else (rows,)
                data = timed(f"download: write the {kind}", lambda a=arguments, w=write: w(*a),
                             repeat=1)  # fmt: skip
                print(f"  {'':<40} {len(data) / 1e6:9.1f} MB")
        print("plan of the department table (admin):")
        plan(overdue.department_statement(admin, everything, at))
        print("plan of one department's overdue list, page 1 (admin):")
        plan(overdue.list_statement(admin, overdue.Filters(department_id=1), "overdue", at))
        print("plan of the officer's inbox download:")
        plan(services.inbox_export_statement(officer(), services.InboxFilters(), at.today,
                                             cutoff, services.INBOX_EXPORT_LIMIT))  # fmt: skip
        db.session.remove()
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
