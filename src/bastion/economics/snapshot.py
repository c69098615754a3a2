"""The bundled genai-prices table: one private, frozen copy, and how old its data is.

genai-prices can replace its data at run time (``UpdatePrices`` downloads a new table from
GitHub into a process-wide slot). Bastion never starts it, and it also never reads that slot:
every lookup goes through a snapshot built here from the data shipped inside the package, so
another library in the same process that starts an updater cannot change our figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.metadata import version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from genai_prices.data_snapshot import DataSnapshot

# The package records no generation date, so it was read off each release's data by hand: the
# newest price change that the table dates from observation (OpenRouter's importer dates a
# change on the day it saw it) rather than from an announcement. Announced future changes
# (e.g. Google's 2027-01-01 rates) are later but say nothing about when the data was taken.
_DATA_DATES = {"0.2.3": date(2026, 11, 9)}


@dataclass(frozen=True, slots=True)
class TableInfo:
    package: str
    version: str
    data_date: date | None
    data_date_basis: str
    newest_change: date | None
    providers: int
    models: int

    def age_days(self, today: date) -> int | None:
        return None if self.data_date is None else (today - self.data_date).days

    def scheduled_after(self, today: date) -> bool:
        return self.newest_change is not None and self.newest_change > today


@cache
def bundled_snapshot() -> DataSnapshot:
    from genai_prices.data import providers
    from genai_prices.data_snapshot import DataSnapshot

    return DataSnapshot(providers=providers, from_auto_update=False)


@cache
def table_info() -> TableInfo:
    from genai_prices.types import StartDateConstraint

    snapshot = bundled_snapshot()
    installed = version("genai-prices")
    starts: list[date] = []
    models = 0
    for provider in snapshot.providers:
        for model in provider.models:
            models += 1
            constraints = (
                [p.constraint for p in model.prices] if isinstance(model.prices, list) else []
            )
            constraints += [v.constraint for v in model.price_variants or ()]
            starts += [c.start_date for c in constraints if isinstance(c, StartDateConstraint)]
    data_date = _DATA_DATES.get(installed)
    if data_date is not None:
        basis = "newest observed price change in the bundled data"
    else:
        basis = f"unknown: genai-prices {installed} has not been checked; see docs/economics.md"
    return TableInfo(
        package="genai-prices",
        version=installed,
        data_date=data_date,
        data_date_basis=basis,
        newest_change=max(starts, default=None),
        providers=len(snapshot.providers),
        models=models,
    )
