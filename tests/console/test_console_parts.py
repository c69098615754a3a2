"""The console's parts on their own: the per-minute ring, percentiles, charts, the day cache
and the rollup summed per day."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from bastion.audit.listing import ListedRecord
from bastion.console.charts import line_chart
from bastion.console.daycache import DayCache
from bastion.console.history import daily_history
from bastion.console.render import Pages, environment
from bastion.console.session import Viewer
from bastion.ledger.query import usage_totals
from bastion.ledger.rollup import upsert_rollups
from bastion.store.store import Store
from bastion.telemetry.recent import BOUNDS, MINUTES, RecentTraffic, bucket, percentile
from tests.finished_requests import finished


def test_ring_keeps_an_hour_per_minute() -> None:
    now = [1_000_000.0 * 60]
    ring = RecentTraffic(clock=lambda: now[0])
    for index in range(100):
        ring.record(finished(0.1 + index / 1000))
    ring.record(finished(1.0, status=429, refused_by="admit", cache_status="hit"))
    ring.record(finished(1.0, classes=("pii",), tenant="other"))
    minutes = ring.minutes()
    assert len(minutes) == MINUTES
    last = minutes[-1]
    assert last.requests == 102
    assert last.errors == 1
    assert last.refusals == {"admit": 1}
    assert last.findings == {"pii": 1}
    assert last.cache_hits == last.cache_lookups == 1
    p50 = percentile(last.latency, 0.5)
    assert p50 is not None and 0.15 <= p50 <= 0.15 * 1.125
    now[0] += 60 * 30
    assert ring.minutes()[-31].requests == 102
    now[0] += 60 * 31
    assert sum(m.requests for m in ring.minutes()) == 0  # an hour later: gone


def test_tenant_names_are_bounded_per_minute() -> None:
    ring = RecentTraffic(clock=lambda: 60.0)
    for index in range(1000):
        ring.record(finished(0.1, tenant=f"t{index}"))
    assert len(ring.minutes()[-1].tenants) <= 201


def test_chart_breaks_lines_at_missing_values() -> None:
    chart = line_chart("Errors", "%", ["a", "b", "c", "d"], [("e", [1.0, None, 3.0, 4.0])])
    assert len(chart.lines[0].runs) == 2
    assert chart.ticks[-1].label == "5"  # a readable axis top above 4
    assert chart.rows[1] == ("b", "\u2013")


async def test_day_cache_serves_stale_while_reading_again() -> None:
    cache = DayCache(ttl=0.0)
    calls = []

    async def read() -> int:
        calls.append(1)
        return len(calls)

    assert await cache.get("k", read) == 1
    assert await cache.get("k", read) == 1  # stale: served, re-read in the background
    await asyncio.sleep(0.01)
    assert await cache.get("k", read) == 2
    await cache.close()


async def test_usage_totals_by_day(tmp_path: Path) -> None:
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/d.db")
    day = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    rows = [
        _ledger(day),
        _ledger(day + timedelta(minutes=40)),  # the next UTC day
        _ledger(day + timedelta(hours=5)),
    ]
    async with store.engines.write.begin() as conn:
        await upsert_rollups(conn, rows, "sqlite")
    found = await usage_totals(
        store.engines.read, since=day - timedelta(days=1), until=day + timedelta(days=2),
        group_by=["day"],
    )  # fmt: skip
    assert [(r["day"], r["requests"]) for r in found] == [("2026-03-01", 1), ("2026-03-02", 2)]
    await store.close()


def _ledger(finished_at: datetime, **extra: object) -> dict[str, object]:
    return {
        "started_at": finished_at,
        "finished_at": finished_at,
        "tenant_id": "ten_x",
        "key_id": "key_x",
        "endpoint": "chat",
        "model": "m",
        "backend": "b",
        "location": "local",
        "status": 200,
        "outcome": "ok",
        "input_tokens": 1,
        "cached_input_tokens": 0,
        "output_tokens": 1,
        "usage_estimated": False,
        "total_ms": 1.0,
        "purpose": None,
        **extra,
    }


async def test_a_series_being_read_is_read_once_for_every_page_waiting() -> None:
    cache = DayCache()
    reads = 0
    release = asyncio.Event()

    async def read() -> int:
        nonlocal reads
        reads += 1
        await release.wait()
        return reads

    # The start-up's warm-up and two first pages ask before the read has finished.
    waiting = [asyncio.create_task(cache.get("k", read)) for _ in range(3)]
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(*waiting) == [1, 1, 1]
    assert reads == 1
    await cache.close()


async def test_ninety_days_show_each_days_latency_percentiles(tmp_path: Path) -> None:
    store = await Store.open(f"sqlite+aiosqlite:///{tmp_path}/l.db")
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    yesterday = now - timedelta(days=1)
    # Yesterday: 98 requests of 100 ms and two of 2 s (p50 100 ms, p99 2 s); today: 10 of
    # 400 ms with a first token at 50 ms. Two batches, as the loader adds them.
    batches = [
        [_ledger(yesterday, total_ms=100.0, ttft_ms=None) for _ in range(98)],
        [
            *(_ledger(yesterday, total_ms=2000.0, ttft_ms=None) for _ in range(2)),
            *(_ledger(now, total_ms=400.0, ttft_ms=50.0) for _ in range(10)),
        ],
    ]
    for rows in batches:
        async with store.engines.write.begin() as conn:
            await upsert_rollups(conn, rows, "sqlite")
    history = await daily_history(store.engines.read, DayCache(), now)
    latency, ttft = history.charts[3], history.charts[4]
    assert (latency.title, ttft.title) == ("Latency per day", "Time to first token per day")
    assert latency.columns == ("p50", "p95", "p99")
    by_day = {row[0]: row[1:] for row in latency.rows}
    assert by_day["2026-03-01"] == _ms(0.1, 0.1, 2.0)
    assert by_day["2026-03-02"] == _ms(0.4, 0.4, 0.4)
    assert {row[0]: row[1:] for row in ttft.rows}["2026-03-02"] == _ms(0.05, 0.05, 0.05)
    assert len(set(by_day["2026-02-28"])) == 1  # no requests: no value
    await store.close()


def _ms(*seconds: float) -> tuple[str, ...]:
    """The table's cells: each duration's bucket bound (the loader's and the ring's buckets)."""
    return tuple(f"{BOUNDS[bucket(s)] * 1000:,.0f}" for s in seconds)


async def test_a_keys_limits_merge_its_own_its_entry_and_the_default_field_by_field() -> None:
    """As the admit stage takes them: the key's stored limits, else the config file's entry for
    it, else key_default, each field on its own (an entry setting one field hides no other)."""
    from bastion.admission.limiter import CurrentUse, LimiterUnavailableError
    from bastion.config import AdmissionConfig
    from bastion.config.schema import RateLimits
    from bastion.console.tenants import key_limits
    from bastion.store.records import KeyRecord, TenantRecord

    class Limiter:
        async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
            if scope == "key key_b":
                raise LimiterUnavailableError("Redis: ConnectionError")
            assert group == "ten_1"  # by the tenant's id, as the admit stage counts
            return CurrentUse(requests_this_minute=2, tokens_today=300)

    now = datetime.now(UTC)
    tenant = TenantRecord("ten_1", "acme", now)

    def key(key_id: str, limits: RateLimits | None = None) -> KeyRecord:
        return KeyRecord(key_id, "ten_1", "acme", key_id, "bst-x", frozenset(), now, None, None,
                         "hash", limits=limits)  # fmt: skip

    admission = AdmissionConfig(
        keys={"key_a": RateLimits(requests_per_minute=5)},
        key_default=RateLimits(tokens_per_day=1000),
    )
    shown = await key_limits(
        Limiter(),  # type: ignore[arg-type]
        admission,
        tenant,
        [key("key_a"), key("key_b", RateLimits(requests_per_minute=9))],
    )
    assert [(row.label, row.limit, row.used) for row in shown["key_a"]] == [
        ("Requests per minute", 5, 2),
        ("Tokens per day", 1000, 300),
    ]
    assert [(row.label, row.limit, row.used) for row in shown["key_b"]] == [
        ("Requests per minute", 9, None),
        ("Tokens per day", 1000, None),
    ]


def _audit_page(payload: dict[str, object], *, record_id: int = 7) -> str:
    """The audit list page with one record whose payload is ``payload``."""
    moment = datetime(2026, 12, 7, 18, 25, tzinfo=UTC)
    viewer = Viewer("admin", "admin", "env-admin", True, "csrf-token", moment, "hash")
    record = ListedRecord(record_id, "chain", 3, moment, "outcome", "req_1", "admin", payload)
    response = Pages().render(
        "audit.html",
        viewer,
        records=[record],
        next_before=None,
        verifier=SimpleNamespace(running=False, last=None),
        capture="metadata",
    )
    return bytes(response.body).decode()


def test_audit_rows_stay_bounded_whatever_the_payload_holds() -> None:
    """A record stored before names were cut (or by anything else) may hold megabytes in one
    field: its row shows the first characters and an ellipsis."""
    huge = "m" * 1_048_576
    page = _audit_page({"model": huge, "tenant": "t" * 5000, "status": 404, "error": huge})
    assert len(page) < 20_000
    assert "m" * 199 + "\u2026" in page
    assert "m" * 200 not in page
    assert "t" * 199 + "\u2026" in page


def test_no_page_carries_a_raw_control_character() -> None:
    """A NUL decoded from a payload's ``\\u0000`` is shown as U+FFFD, as the ledger stores it;
    so are the other C0 controls, while tabs and line ends stay."""
    page = _audit_page({"model": "gpt\x00x\x1b\x07", "tenant": "a\tb", "status": 404})
    assert "\x00" not in page
    assert "gpt\ufffdx\ufffd\ufffd" in page
    assert "a\tb" in page
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page)


def test_a_macros_output_is_cleaned_once_and_not_escaped_again() -> None:
    template = environment().from_string(
        "{% macro cell(v) %}<b>{{ v }}</b>{% endmacro %}{{ cell(text) }}|{{ text }}"
    )
    page = template.render(text="<i>\x00\ud800</i>")
    assert page == "<b>&lt;i&gt;\ufffd\ufffd&lt;/i&gt;</b>|&lt;i&gt;\ufffd\ufffd&lt;/i&gt;"
