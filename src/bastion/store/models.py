"""ORM tables. Only the repositories touch these; everything else sees records."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on every backend.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so naive UTC is stored there
    and UTC is attached again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Rate limits of a tenant or key: the fields set, e.g. {"requests_per_minute": 60} (see
# bastion.store.limits); SQL NULL (not JSON null) when it has none of its own.
LIMITS_JSON = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class TenantRow(Base):
    __tablename__ = "tenants"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    limits: Mapped[dict[str, int | float] | None] = mapped_column(LIMITS_JSON, nullable=True)


_ACTIVE = text("revoked_at IS NULL")
_CHAIN_START = text("kind = 'chain_start'")


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    __table_args__ = (
        # A name identifies one live key per tenant; revoked keys keep their names for history.
        Index(
            "uq_api_keys_active_name",
            "tenant_id",
            "name",
            unique=True,
            sqlite_where=_ACTIVE,
            postgresql_where=_ACTIVE,
        ),
        Index("ix_api_keys_admin", "is_admin", sqlite_where=_ACTIVE, postgresql_where=_ACTIVE),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(64))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    # Space-separated, sorted; is_admin mirrors the "admin" scope so it can be indexed.
    scopes: Mapped[str] = mapped_column(Text, default="")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    limits: Mapped[dict[str, int | float] | None] = mapped_column(LIMITS_JSON, nullable=True)


# Integer primary keys that autoincrement on both backends (SQLite only does so for INTEGER).
_ROW_ID = BigInteger().with_variant(Integer(), "sqlite")


class UsageRow(Base):
    """One record per request: who asked, where it went, what it used and how long it took."""

    __tablename__ = "usage_ledger"
    __table_args__ = (
        Index("ix_usage_ledger_tenant_finished", "tenant_id", "finished_at"),
        Index("ix_usage_ledger_backend_finished", "backend", "finished_at"),
    )

    id: Mapped[int] = mapped_column(_ROW_ID, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(String(40), unique=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    tenant: Mapped[str | None] = mapped_column(String(64), nullable=True)
    key_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    endpoint: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(200))
    backend: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(16))
    upstream_model: Mapped[str] = mapped_column(String(200))
    stream: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(32))
    input_tokens: Mapped[int] = mapped_column(Integer)
    cached_input_tokens: Mapped[int] = mapped_column(Integer)
    output_tokens: Mapped[int] = mapped_column(Integer)
    usage_estimated: Mapped[bool] = mapped_column(Boolean)
    queue_ms: Mapped[float] = mapped_column(Float)
    ttft_ms: Mapped[float | None] = mapped_column(Float, nullable=True)
    total_ms: Mapped[float] = mapped_column(Float)
    cache_status: Mapped[str] = mapped_column(String(16))
    # Why the request was made, when a client said so (x-bastion-purpose): "evaluation" for
    # the requests of an evaluation run; NULL for ordinary traffic.
    purpose: Mapped[str | None] = mapped_column(String(16), nullable=True)


class UsageSums:
    """The sums every ledger rollup keeps per key (hour or day and its dimensions); the
    loader adds a batch's to them (``ledger/rollup.py``)."""

    location: Mapped[str] = mapped_column(String(16))
    requests: Mapped[int] = mapped_column(BigInteger)
    errors: Mapped[int] = mapped_column(BigInteger)
    input_tokens: Mapped[int] = mapped_column(BigInteger)
    cached_input_tokens: Mapped[int] = mapped_column(BigInteger)
    output_tokens: Mapped[int] = mapped_column(BigInteger)
    estimated_requests: Mapped[int] = mapped_column(BigInteger)
    busy_ms: Mapped[float] = mapped_column(Float)


class UsageHourlyRow(UsageSums, Base):
    """Hourly sums of the ledger, kept in the same transaction, so reports never scan raw rows."""

    __tablename__ = "usage_hourly"

    hour: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(32), primary_key=True)
    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    backend: Mapped[str] = mapped_column(String(64), primary_key=True)


class UsageDailyRow(UsageSums, Base):
    """Daily sums of the ledger (ordinary and evaluation traffic, told apart by ``purpose``),
    kept by the loader in the same transaction as the hourly ones: long windows (the console's
    7, 30 and 90 days) read one row per day and dimension instead of one per hour and key."""

    __tablename__ = "usage_daily"

    # Midnight UTC of the day the requests finished.
    day: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(32), primary_key=True)
    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    backend: Mapped[str] = mapped_column(String(64), primary_key=True)
    # "" for ordinary traffic (a key column cannot be null), else the ledger's purpose.
    purpose: Mapped[str] = mapped_column(String(16), primary_key=True)


class LatencyDailyRow(Base):
    """Per UTC day and tenant, how many requests took a duration in each latency bucket
    (``bastion.telemetry.recent.bucket``): ``latency`` the whole request, ``ttft`` the time to
    its first token. Counts add up, so the loader adds each batch's without reading them back,
    and a day's p50, p95 and p99 are read from its counts."""

    __tablename__ = "latency_daily"

    day: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    metric: Mapped[str] = mapped_column(String(8), primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)


class BackendBusyMinuteRow(Base):
    """Each minute's busy seconds of a backend (``bastion.store.busy``), for its utilisation
    over long windows without reading ledger rows; ordinary traffic only, like
    ``usage_hourly``."""

    __tablename__ = "backend_busy_minutes"

    backend: Mapped[str] = mapped_column(String(64), primary_key=True)
    minute: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    # Bit s set: a request was in flight at second s + 0.5 of the minute (60 bits).
    seconds: Mapped[int] = mapped_column(BigInteger)


class UsageHourlyEvaluationRow(UsageSums, Base):
    """The hourly sums of evaluation traffic (ledger rows with purpose "evaluation"), kept
    apart from ``usage_hourly`` so cost reports measure ordinary traffic only; usage reports
    read both."""

    __tablename__ = "usage_hourly_evaluation"

    hour: Mapped[datetime] = mapped_column(UTCDateTime(), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(32), primary_key=True)
    model: Mapped[str] = mapped_column(String(200), primary_key=True)
    backend: Mapped[str] = mapped_column(String(64), primary_key=True)


class AuditRecordRow(Base):
    """One link of a hash chain; see bastion.audit.chain for what the hash covers."""

    __tablename__ = "audit_records"
    __table_args__ = (
        UniqueConstraint("chain", "seq", name="uq_audit_records_chain_seq"),
        Index("ix_audit_records_ts", "ts"),
        # A new chain reads every chain's start record to learn which heads are named yet.
        Index(
            "ix_audit_records_chain_starts",
            "chain",
            sqlite_where=_CHAIN_START,
            postgresql_where=_CHAIN_START,
        ),
    )

    id: Mapped[int] = mapped_column(_ROW_ID, primary_key=True, autoincrement=True)
    chain: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    segment: Mapped[int] = mapped_column(Integer)
    ts: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16))
    request_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpointRow(Base):
    """Seals a closed segment of a chain; kept after the segment's records are pruned."""

    __tablename__ = "audit_checkpoints"

    chain: Mapped[str] = mapped_column(String(40), primary_key=True)
    segment: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    first_ts: Mapped[datetime] = mapped_column(UTCDateTime())
    last_ts: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    signature: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pruned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class JournalSpoolRow(Base):
    """How far each local spool file has been loaded, committed with the rows it loaded."""

    __tablename__ = "journal_spools"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    loaded_bytes: Mapped[int] = mapped_column(BigInteger)


class JournalQuarantineRow(Base):
    """A journal record the database refused even after its text was made storable, or a
    spool line no loader could read: kept here with the reason, so it never blocks the records
    behind it (see bastion.journal.quarantine)."""

    __tablename__ = "journal_quarantine"

    id: Mapped[int] = mapped_column(_ROW_ID, primary_key=True, autoincrement=True)
    # SHA-256 of (kind, record): a load replayed after a crash does not keep it twice.
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    quarantined_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(100))  # the spool file, or "writer"
    kind: Mapped[str] = mapped_column(String(16))  # ledger, audit, checkpoint, line
    reason: Mapped[str] = mapped_column(Text)
    record: Mapped[str] = mapped_column(Text)  # the record as ASCII JSON (a line: its bytes)


class DatabaseIdentityRow(Base):
    """One row: this database's random identity. Spool files name the database they belong
    to, so a gateway never loads another database's records into its own."""

    __tablename__ = "bastion_identity"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PublishedVersionRow(Base):
    """An endpoint version as first published: its pinned settings and their digest."""

    __tablename__ = "published_versions"

    endpoint: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[str] = mapped_column(String(100), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    spec: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())


# Details of an admin event: a JSON object (JSONB on PostgreSQL).
EVENT_DETAILS_JSON = JSON().with_variant(JSONB(), "postgresql")


class AdminEventRow(Base):
    """An admin event (e.g. a tenant's usage anomaly), written off the request path."""

    __tablename__ = "admin_events"
    __table_args__ = (Index("ix_admin_events_ts", "ts"),)

    id: Mapped[int] = mapped_column(_ROW_ID, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(64))
    tenant_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    tenant: Mapped[str | None] = mapped_column(String(64), nullable=True)
    message: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(EVENT_DETAILS_JSON)


class StoredResponseRow(Base):
    """A Responses API answer kept for `previous_response_id` and `GET /v1/responses/{id}`:
    its input items and the Response object, as JSON text (control characters escaped, so
    any string a client sent is storable), until it expires."""

    __tablename__ = "stored_responses"
    __table_args__ = (Index("ix_stored_responses_expires_at", "expires_at"),)

    # Each tenant has its own ids: an engine passing its own ids through may repeat one.
    tenant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    previous_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    input_items: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text)


class EvalRunRow(Base):
    """An evaluation run: its pinned specification, where it stands and its totals."""

    __tablename__ = "eval_runs"
    __table_args__ = (Index("ix_eval_runs_created_at", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # pending, running, completed, stopped_early, interrupted, failed
    status: Mapped[str] = mapped_column(String(16))
    # Who started it: cli, admin (POST /admin/evals), contract (an endpoint version's).
    origin: Mapped[str] = mapped_column(String(16))
    dataset: Mapped[str] = mapped_column(Text)
    dataset_sha256: Mapped[str] = mapped_column(String(64))
    spec: Mapped[str] = mapped_column(Text)  # the RunSpec as JSON
    totals: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class EvalItemRow(Base):
    """An item of a run as it was run (JSON), so a run is read back without its dataset."""

    __tablename__ = "eval_items"

    run_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("eval_runs.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(Text)


class EvalResultRow(Base):
    """One target's answer to one item and what the checks made of it (the ItemResult as
    JSON), written as soon as it is known: a resumed run skips what is here."""

    __tablename__ = "eval_results"

    run_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("eval_runs.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    target: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    format_violation: Mapped[bool] = mapped_column(Boolean)
    refusal: Mapped[bool] = mapped_column(Boolean)
    result: Mapped[str] = mapped_column(Text)


class EvalVerdictRow(Base):
    """A judge's verdict on one item's candidate and baseline answers (the Verdict as JSON)."""

    __tablename__ = "eval_verdicts"

    run_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("eval_runs.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    candidate: Mapped[str] = mapped_column(String(200), primary_key=True)
    baseline: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    winner: Mapped[str] = mapped_column(String(16))
    verdict: Mapped[str] = mapped_column(Text)


class ConsoleSessionRow(Base):
    """A signed-in console session. Only the SHA-256 of its token is kept: the token is the
    cookie, and a copy of this table cannot be replayed as one. Every worker of a node (and
    every gateway sharing the database) finds the same sessions here."""

    __tablename__ = "console_sessions"
    __table_args__ = (Index("ix_console_sessions_expires_at", "expires_at"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Who signed in: the key (env-admin for BASTION_ADMIN_KEY), checked again on every page,
    # so revoking the key ends its sessions.
    key_id: Mapped[str] = mapped_column(String(32))
    tenant_id: Mapped[str] = mapped_column(String(32))
    tenant_name: Mapped[str] = mapped_column(String(64))
    is_admin: Mapped[bool] = mapped_column(Boolean)
