"""Reading URLs and query strings safely: ids, page numbers, and text a database can store."""

from flask import request
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

#: The largest value an id column holds (a 32-bit signed integer on PostgreSQL).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:…>`` in the tracker's URLs: a number an id column can hold.

    A larger number would make the database refuse the query; here it is simply not found.
    """

    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_ID, signed=False):  # noqa: A002
        super().__init__(url_map, fixed_digits, min, max, signed)


#: The highest page number a list accepts; beyond it the database would be asked for nonsense.
MAX_PAGE = 1_000_000


def id_arg(raw: str) -> int:
    """Read an id from the query string (``request.args.get(name, type=id_arg)``).

    Raises ValueError, which Flask turns into "not given", for anything an id column cannot hold.
    """
    value = int(raw)
    if not 1 <= value <= MAX_ID:
        raise ValueError(raw)
    return value


def page_arg(raw: str) -> int:
    """Read a page number from the query string; out-of-range numbers become the nearest page."""
    return min(max(int(raw), 1), MAX_PAGE)


class UnstorableText(BadRequest):
    """A request whose text holds a NUL character, which no database column can store."""


def reject_unstorable_text() -> None:
    """Refuse, before any view runs, a query string or form field holding a NUL character.

    Files are left alone: uploads are checked by their own rules.
    """
    for values in (request.args, request.form):
        for value in values.values():
            if "\x00" in value:
                raise UnstorableText()
