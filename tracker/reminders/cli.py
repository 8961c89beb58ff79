"""flask remind: the command cron runs once a day to remind and escalate."""

from datetime import date

import click
from flask import Flask
from flask.cli import with_appcontext

from tracker.clock import local_today
from tracker.reminders import services


def _print_plan(reminders) -> None:
    for reminder in reminders:
        user = reminder.recipient
        stages = ", ".join(
            f"{stage} {len(reminder.items_at(stage))}"
            for stage in services.STAGE_ORDER
            if reminder.items_at(stage)
        )
        click.echo(f"  {user.email} ({user.language}): {stages}")


@click.command("remind")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and record nothing.")
@click.option(
    "--today", "today_text", metavar="YYYY-MM-DD",
    help="Act as if today were this date (default: today in TRACKER_TIMEZONE).",
)  # fmt: skip
@with_appcontext
def remind_command(dry_run, today_text):
    """Send today's reminders and escalations, each once; safe to run again the same day."""
    today = local_today() if today_text is None else _parse_day(today_text)
    reminders = services.collect_reminders(today)
    if dry_run:
        click.echo(f"{today.isoformat()}: {len(reminders)} message(s) would be sent (dry run).")
        _print_plan(reminders)
        return
    report = services.send_reminders(reminders, today)
    if not report.mailed:
        click.echo("Mail is off (TRACKER_MAIL_HOST is empty): in-app notifications only.")
    click.echo(f"{today.isoformat()}: {len(report.sent)} reminder(s) sent.")
    _print_plan(report.sent)
    for reminder, error in report.failed:
        click.echo(f"Not sent to {reminder.recipient.email}: {error}", err=True)
    if report.failed:
        raise click.exceptions.Exit(1)


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.",
            param_hint="--today",
        ) from None


@click.command("department-head")
@click.argument("code")
@click.argument("email", required=False)
@click.option("--clear", is_flag=True, help="Leave the department without a head.")
@with_appcontext
def department_head_command(code, email, clear):
    """Name the head of a department, who is told of its overdue work (or --clear)."""
    if clear == bool(email):
        raise click.UsageError("Give either the head's EMAIL or --clear.")
    try:
        department = services.set_department_head(code, None if clear else email)
    except LookupError as error:
        raise click.ClickException(str(error)) from None
    head = department.head
    click.echo(f"{department.code}: head {'none' if head is None else head.email}.")


def register(app: Flask) -> None:
    app.cli.add_command(remind_command)
    app.cli.add_command(department_head_command)
