"""``bastion ledger …``: retention of the usage ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from bastion.cli.database import config_option, database_url_option, run_with_engine, settings


@click.group("ledger", context_settings={"help_option_names": ["-h", "--help"]})
def ledger_group() -> None:
    """Keep the usage ledger to a retention period."""


@ledger_group.command("prune")
@config_option
@database_url_option
@click.option(
    "--older-than",
    "older_than_days",
    type=click.FloatRange(min=1),
    required=True,
    help="Delete the rows of requests that finished more than this many days ago (at least 1).",
)
def prune_command(
    config_path: Path | None, database_url: str | None, older_than_days: float
) -> None:
    """Delete old request rows; the hourly sums that usage and cost reports read stay."""
    from bastion.ledger.prune import prune_usage_before

    url = settings(config_path, database_url).url
    cutoff = datetime.now(UTC) - timedelta(days=older_than_days)
    deleted = run_with_engine(url, lambda engine: prune_usage_before(engine, cutoff), "the ledger")
    click.echo(f"pruned {deleted} request row(s) that finished before {cutoff:%Y-%m-%d %H:%M} UTC")
