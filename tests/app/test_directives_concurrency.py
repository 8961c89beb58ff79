"""Officers reporting at the same moment: every acknowledged report is kept, stale ones refused.

Each thread has its own test client, and each request runs in an application context (and so a
database session) of its own, as on a real server with several workers.
"""

import threading
from datetime import timedelta

import pytest

from tests.app.test_directives_support import (
    STALE_MESSAGE,
    add_assignment,
    build_world,
    fresh,
    history_of,
    post_change,
    signed_in,
    tiny_pdf,
)
from tracker.clock import local_today
from tracker.models import Attachment, ExtensionRequest

THREADS = 8


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


def run_together(jobs):
    """Run each job (a function of no arguments) in its own thread, all released at once."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=30)
            results[index] = job()
        except BaseException as error:  # reported below, in the test's own thread
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_reports_lose_nothing(app, db, world, round_):
    pdf = tiny_pdf()
    others = [add_assignment(db, world, world.edu, text=f"Task {i}") for i in range(THREADS // 2)]
    shared_version = world.mine.version
    # Half the threads report on one assignment, from the same page (the same version) ...
    jobs = []
    for i in range(THREADS // 2):
        user = world.officer if i % 2 == 0 else world.officer_colleague
        jobs.append((signed_in(app, user), world.mine.id, shared_version, f"Shared report {i}"))
    # ... and the other half each on an assignment of their own.
    for i, assignment in enumerate(others):
        jobs.append(
            (signed_in(app, world.officer), assignment.id, assignment.version, f"Own report {i}")
        )

    def job(client, assignment_id, version, note):
        def post():
            response = post_change(
                client, assignment_id, "report", version, note=note, files=[("evidence.pdf", pdf)]
            )
            return response.status_code, response.get_data(as_text=True)

        return post

    results = run_together([job(*spec) for spec in jobs])

    acknowledged = {
        spec[3] for spec, (status, _page) in zip(jobs, results, strict=True) if status == 302
    }
    refused = [
        (spec, page) for spec, (status, page) in zip(jobs, results, strict=True) if status != 302
    ]
    # Exactly one of the writers on the shared assignment wins; all the others are told why.
    shared = [spec[3] for spec in jobs[: THREADS // 2]]
    assert len(acknowledged & set(shared)) == 1
    assert len(refused) == THREADS // 2 - 1
    for (_client, _id, _version, note), page in refused:
        assert note in shared
        assert STALE_MESSAGE in page
        assert note in page  # the refused officer's note comes back to them
    # Every acknowledged report is in the history, with its evidence; no refused one is.
    notes = {}
    for assignment in [world.mine, *others]:
        for entry in history_of(db, assignment):
            notes[entry.note] = entry
    for note in acknowledged:
        entry = notes[note]
        assert entry.to_status == "reported"
        assert (
            db.session.scalar(
                db.select(db.func.count())
                .select_from(Attachment)
                .where(Attachment.status_change_id == entry.id)
            )
            == 1
        )
    assert not {page_note for (_c, _i, _v, page_note), _p in refused} & set(notes)
    # Versions end consistent: one step per acknowledged change.
    assert fresh(db, world.mine).version == shared_version + 1
    assert fresh(db, world.mine).status == "reported"
    for assignment in others:
        assert fresh(db, assignment).version == 2
    reported = [e for e in history_of(db, world.mine) if e.to_status == "reported"]
    assert len(reported) == 1


def test_simultaneous_requests_for_more_time_leave_one_pending(app, db, world):
    version = world.mine.version
    clients = [
        signed_in(app, world.officer if i % 2 else world.officer_colleague) for i in range(THREADS)
    ]

    today = local_today()

    def job(client, days):
        def post():
            due = (today + timedelta(days=days)).isoformat()
            response = post_change(
                client,
                world.mine.id,
                "extension",
                version,
                due_on=due,
                note=f"Asking for {days} days",
            )
            return response.status_code

        return post

    statuses = run_together([job(client, 10 + i) for i, client in enumerate(clients)])
    assert statuses.count(302) == 1
    assert statuses.count(409) == THREADS - 1
    assert db.session.scalar(db.select(db.func.count()).select_from(ExtensionRequest)) == 1
    assert fresh(db, world.mine).version == version + 1


def test_the_database_refuses_a_write_from_an_old_version(app, db, world):
    """The version check holds in the UPDATE itself, not only in the comparison before it.

    The test's session read the assignment at version 1; another request then changes it. The
    service's own comparison passes (the object in hand still says 1), so only the
    ``UPDATE ... WHERE version = 1`` can catch it, and it does.
    """
    from tracker.directives import services

    mine = world.mine
    assert mine.version == 1
    colleague = signed_in(app, world.officer_colleague)
    assert post_change(colleague, mine.id, "start", 1).status_code == 302
    assert mine.version == 1  # the test's copy is now out of date

    with pytest.raises(services.ChangedMeanwhile):
        services.report_action(mine, world.officer, "Written from an old copy", [], 1)
    assert fresh(db, mine).status == "in_progress"
    assert [e.note for e in history_of(db, mine)] == ["Assigned at the meeting.", ""]
