"""Entry points shared by ``bastion cost report`` and the admin API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bastion.config import BastionConfig
from bastion.config.economics import EconomicsConfig
from bastion.economics.overrides import load_overrides
from bastion.economics.prices import PriceBook
from bastion.economics.report import DEFAULT_LONGEST_REQUEST, Report, report_from_engine
from bastion.economics.serialize import report_dict
from bastion.economics.window import Window

DEFAULT_DAYS = 30.0


def economics_of(config: BastionConfig) -> EconomicsConfig:
    """The ``economics:`` section, or the defaults when the configuration has none."""
    section = getattr(config, "economics", None)
    return section if isinstance(section, EconomicsConfig) else EconomicsConfig()


def price_book(economics: EconomicsConfig) -> PriceBook:
    """Overrides are read on every call, so edits apply without a restart.

    A relative path is taken from the working directory, like the SQLite path in database.url.
    """
    if economics.price_overrides is None:
        return PriceBook()
    return PriceBook(load_overrides(economics.price_overrides))


def longest_request(config: BastionConfig) -> timedelta:
    """The largest total timeout of any backend: no request stays in flight longer."""
    totals = [backend.timeouts.total for backend in config.backends.values()]
    if not totals:
        return DEFAULT_LONGEST_REQUEST
    return timedelta(seconds=max(totals))


def report_window(
    *,
    since: datetime | None,
    until: datetime | None,
    days: float | None,
    now: datetime,
) -> Window:
    """``since`` to ``until`` widened to whole hours, or ``days`` (30) before ``until``. Without
    ``until`` the window runs to ``now``, its current hour partial; it never runs past now."""
    return Window.requested(since=since, until=until, days=days or DEFAULT_DAYS, now=now)


async def cost_report(
    engine: AsyncEngine,
    config: BastionConfig,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    days: float | None = None,
    now: datetime | None = None,
    from_rollup: bool = False,
) -> Report:
    moment = now or datetime.now(UTC)
    economics = economics_of(config)
    return await report_from_engine(
        engine,
        economics,
        report_window(since=since, until=until, days=days, now=moment),
        prices=price_book(economics),
        longest_request=longest_request(config),
        now=moment,
        from_rollup=from_rollup,
        simulated=simulated_backends(config),
    )


def simulated_backends(config: BastionConfig) -> frozenset[str]:
    """The backends that are Bastion's simulator: their figures are labelled, never passed
    off as an engine's."""
    return frozenset(name for name, b in config.backends.items() if b.kind == "simulator")


async def cost_report_json(
    engine: AsyncEngine,
    config: BastionConfig,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    days: float | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The report as a JSON-serialisable dict, for an admin endpoint.

    Raises ``PriceOverrideError`` when the override file is unreadable or malformed.
    """
    report = await cost_report(engine, config, since=since, until=until, days=days, now=now)
    return report_dict(report)
