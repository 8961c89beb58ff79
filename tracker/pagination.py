"""A page of a list counted in SQL, with what templates need to link to the others."""

import math
from dataclasses import dataclass, field


@dataclass
class Page:
    """One page of a list, with what is needed to link to the others."""

    items: list
    page: int
    per_page: int
    total: int
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.items) - 1 if self.items else 0
