"""``bastion audit …``: verify, export and prune the audit journal."""

from __future__ import annotations

import os
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from bastion.cli.database import config_option, database_url_option, run_with_engine, settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bastion.audit.chain import Signer

T = TypeVar("T")


@click.group("audit")
def audit_group() -> None:
    """Verify, export and prune the hash-chained audit journal."""


@audit_group.command("verify")
@config_option
@database_url_option
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
@click.option(
    "--allow-unsigned",
    is_flag=True,
    help="Unsigned checkpoints that no signature anchors are warnings, not findings (for "
    "segments written while the gateway ran without the signing key).",
)
def verify_command(
    config_path: Path | None, database_url: str | None, quiet: bool, allow_unsigned: bool
) -> None:
    """Check every chain, link and checkpoint; exit 1 if anything was tampered with."""
    from bastion.audit.verify import verify_journal

    url, key_env = _settings(config_path, database_url)
    signer = _signer(key_env)
    report = _run(url, lambda engine: verify_journal(engine, signer, allow_unsigned=allow_unsigned))
    for finding in report.findings:
        if not quiet or finding.severity == "tampered":
            click.echo(finding.render())
    if not quiet:
        click.echo(
            f"{report.chains} chain(s), {report.records} record(s), "
            f"{report.checkpoints} checkpoint(s) ({report.pruned_segments} pruned segment(s))"
        )
        if not report.signatures_checked:
            click.echo(f"signatures NOT checked: {key_env} is not set")
        if report.ledger_rows_without_journal:
            click.echo(
                f"WARNING the journal holds no record but the ledger holds "
                f"{report.ledger_rows_without_journal} request(s): audit was off, or the "
                "journal was emptied"
            )
        # No later chain vouches for what these chains wrote after their last checkpoint.
        for head in report.heads:
            click.echo(
                f"head: chain {head.chain} seq {head.seq} at {head.ts.isoformat()} hash {head.hash}"
            )
    tampered = sum(1 for f in report.findings if f.severity == "tampered")
    click.echo("journal intact" if report.intact else f"journal TAMPERED ({tampered} finding(s))")
    sys.exit(0 if report.intact else 1)


@audit_group.command("export")
@config_option
@database_url_option
@click.option("--since", type=click.DateTime(), help="Records at or after this time (UTC).")
@click.option("--until", type=click.DateTime(), help="Records before this time (UTC).")
@click.option("--tenant", help="Only this tenant (name or id).")
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="File (default stdout)."
)
def export_command(  # noqa: PLR0917 (one parameter per option)
    config_path: Path | None,
    database_url: str | None,
    since: datetime | None,
    until: datetime | None,
    tenant: str | None,
    output: Path | None,
) -> None:
    """Write audit records as JSON Lines, in write order, with their chain links."""
    from bastion.audit.export import export_lines

    url, _ = _settings(config_path, database_url)

    async def export(engine: AsyncEngine) -> int:
        tenant_id = await _tenant_id(engine, tenant) if tenant else None
        sink = output.open("wb") if output is not None else sys.stdout.buffer
        count = 0
        try:
            async for line in export_lines(
                engine, since=_utc(since), until=_utc(until), tenant_id=tenant_id
            ):
                sink.write(line)
                count += 1
        finally:
            if output is not None:
                sink.close()
            else:
                sink.flush()
        return count

    count = _run(url, export)
    click.echo(f"exported {count} record(s)", err=True)


@audit_group.command("prune")
@config_option
@database_url_option
@click.option(
    "--older-than",
    "older_than_days",
    type=click.FloatRange(min=0),
    required=True,
    help="Delete sealed segments whose newest record is older than this many days.",
)
def prune_command(
    config_path: Path | None, database_url: str | None, older_than_days: float
) -> None:
    """Delete whole sealed segments; their checkpoints stay, so the rest still verifies."""
    from bastion.audit.prune import prune_before

    url, _ = _settings(config_path, database_url)
    cutoff = datetime.now(UTC) - timedelta(days=older_than_days)
    result = _run(url, lambda engine: prune_before(engine, cutoff))
    click.echo(f"pruned {result.segments} segment(s), {result.records} record(s)")


def _settings(config_path: Path | None, database_url: str | None) -> tuple[str, str]:
    found = settings(config_path, database_url)
    return found.url, found.config.audit.signing_key_env


def _signer(key_env: str) -> Signer | None:
    from bastion.audit.chain import Signer as HmacSigner

    key = os.environ.get(key_env, "")
    if not key:
        return None
    try:
        return HmacSigner(key.encode())
    except ValueError as exc:
        raise click.UsageError(f"{key_env}: {exc}") from None


def _run(url: str, work: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    return run_with_engine(url, work, "the audit journal")


async def _tenant_id(engine: AsyncEngine, tenant: str) -> str:
    from sqlalchemy import or_, select

    from bastion.store.models import TenantRow

    async with engine.connect() as conn:
        found = (
            await conn.execute(
                select(TenantRow.id).where(or_(TenantRow.name == tenant, TenantRow.id == tenant))
            )
        ).scalar()
    if found is None:
        raise click.UsageError(f"no tenant named {tenant!r}")
    return str(found)


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)
