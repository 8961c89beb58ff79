"""Time the chair's dashboard queries on a large installation, and show their query plans.

Usage: .venv/bin/python bench/bench_dashboard.py [--departments 50] [--per-department 20000]
       [--url postgresql+psycopg://...] [--keep PATH]

Builds departments x assignments (one directive each, spread over 40 meetings of 4 committees,
due dates over the last three years and the next month, a tenth closed, a few dropped) in a
SQLite file (or the database at --url, which must be empty), then times the totals, the
department table and the first and a late page of the overdue list, as a chair of one committee
and as the admin, and prints the query plan of the department table.
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
from tracker.dashboard import overdue  # noqa: E402
from tracker.extensions import db  # noqa: E402
from tracker.models import (  # noqa: E402
    Assignment,
    Committee,
    Department,
    Directive,
    Meeting,
    User,
)

STATUSES = ["open"] * 5 + ["in_progress"] * 2 + ["reported", "returned", "closed", "dropped"]


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
        directives, assignments = [], []
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
            next_id += 1
        db.session.execute(insert(Directive), directives)
        db.session.execute(insert(Assignment), assignments)
        db.session.commit()
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def timed(label: str, function, repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    print(f"  {label:<34} {best * 1000:8.1f} ms (best of {repeat})")


def listed(user, filters, at, page):
    return overdue.list_page(user, filters, "overdue", at, page)


def plan(statement) -> None:
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    for row in db.session.execute(text(prefix + str(compiled))):
        print("   ", " | ".join(str(value) for value in row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=50)
    parser.add_argument("--per-department", type=int, default=20_000)
    parser.add_argument("--url", help="an empty database to fill instead of a SQLite file")
    parser.add_argument("--keep", help="build (or reuse) the SQLite file at this path")
    args = parser.parse_args()
    if args.url:
        url = args.url
    else:
        path = Path(args.keep) if args.keep else Path(tempfile.mkdtemp()) / "bench.db"
        url = f"sqlite:///{path}"

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
        print("plan of the department table (admin):")
        plan(overdue.department_statement(admin, everything, at))
        print("plan of one department's overdue list, page 1 (admin):")
        plan(overdue.list_statement(admin, overdue.Filters(department_id=1), "overdue", at))
    return 0


if __name__ == "__main__":
    sys.exit(main())
