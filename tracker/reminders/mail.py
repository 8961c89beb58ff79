"""Sending mail over SMTP with the standard library, as TRACKER_MAIL_* configure it."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from flask import current_app


class MailError(Exception):
    """The SMTP server could not be reached or refused the message."""


class ConnectError(MailError):
    """The SMTP server could not be reached, or refused to let us sign in."""


@dataclass(frozen=True)
class Mail:
    to_name: str
    to_address: str
    subject: str
    text: str
    html: str


def mail_enabled() -> bool:
    """Tell whether an SMTP server is configured."""
    return bool(current_app.config.get("MAIL_HOST"))


def build_message(mail: Mail) -> EmailMessage:
    """Build a plain text message with an HTML alternative."""
    sender = current_app.config["MAIL_SENDER"]
    message = EmailMessage()
    message["Subject"] = mail.subject
    message["From"] = sender
    message["To"] = formataddr((mail.to_name, mail.to_address))
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


def open_connection() -> smtplib.SMTP:
    """Connect and sign in to the configured SMTP server."""
    config = current_app.config
    host, port, timeout = config["MAIL_HOST"], config["MAIL_PORT"], config["MAIL_TIMEOUT"]
    try:
        if config["MAIL_SSL"]:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(host, port, timeout=timeout)
    except (OSError, smtplib.SMTPException) as error:
        raise ConnectError(f"cannot connect to the mail server {host}:{port}: {error}") from error
    try:
        if not config["MAIL_SSL"] and config["MAIL_STARTTLS"]:
            connection.starttls(context=ssl.create_default_context())
        if config["MAIL_USER"]:
            connection.login(config["MAIL_USER"], config["MAIL_PASSWORD"])
    except (OSError, smtplib.SMTPException) as error:
        connection.close()
        raise ConnectError(f"cannot sign in to the mail server {host}:{port}: {error}") from error
    return connection


def send_mail(connection: smtplib.SMTP, mail: Mail) -> None:
    """Send one message; raise MailError when the server does not accept it for its recipient."""
    try:
        refused = connection.send_message(build_message(mail))
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"{mail.to_address}: {error}") from error
    if refused:
        raise MailError(f"{mail.to_address}: refused ({refused})")


def close_connection(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()
