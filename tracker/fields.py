"""Form fields whose error messages go through our translations."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from wtforms import DateField, TimeField
from wtforms.fields.choices import SelectChoice


def select_choices(pairs) -> list[SelectChoice]:
    """Turn (value, label) pairs into the choices a select field takes."""
    return [SelectChoice(value, label) for value, label in pairs]


class LocalDateField(DateField):
    """A date field (YYYY-MM-DD, as browsers send it) with a message in the reader's language."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        raw = valuelist[0].strip()
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                self.data = datetime.strptime(raw, pattern).date()
                return
            except ValueError:
                continue
        self.data = None
        raise ValueError(_l("“%(value)s” is not a date. Use the date picker or write 31-03-2026.",
                            value=raw))  # fmt: skip

    def _value(self):
        return self.data.isoformat() if isinstance(self.data, date) else (self.raw_data or [""])[0]


class LocalTimeField(TimeField):
    """A time field (HH:MM) with a message in the reader's language."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        raw = valuelist[0].strip()
        try:
            self.data = datetime.strptime(raw, "%H:%M").time()
        except ValueError:
            self.data = None
            message = _l("“%(value)s” is not a time. Write it as 14:30.", value=raw)
            raise ValueError(message) from None
