"""``bastion``: the command-line interface."""

from __future__ import annotations

from pathlib import Path

import click

from bastion import __version__
from bastion.config import BastionConfig, ConfigError, load_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bastion")
def cli() -> None:
    """Bastion: a hardened gateway for self-hosted and hybrid LLM inference."""


@cli.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="BASTION_CONFIG",
    help="bastion.yaml to load; without it, local engines are discovered (or the simulator runs).",
)
@click.option("--host", envvar="BASTION_HOST", help="Address to listen on (default 127.0.0.1).")
@click.option("--port", type=int, envvar="BASTION_PORT", help="Port to listen on (default 8800).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    envvar="BASTION_WORKERS",
    help="Worker processes sharing the port (default: one per core; 1 serves in this process).",
)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"]),
    envvar="BASTION_LOG_LEVEL",
    help="Overrides logging.level.",
)
@click.option(
    "--log-format",
    type=click.Choice(["auto", "json", "text"]),
    envvar="BASTION_LOG_FORMAT",
    help="Overrides logging.format.",
)
def serve(
    *,
    config_path: Path | None,
    host: str | None,
    port: int | None,
    workers: int | None,
    log_level: str | None,
    log_format: str | None,
) -> None:
    """Start the gateway."""
    from bastion import supervisor

    config = _load_or_exit(config_path)
    server = config.server.model_copy(
        update={k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    )
    logging = config.logging.model_copy(
        update={k: v for k, v in {"level": log_level, "format": log_format}.items() if v}
    )
    config = config.model_copy(update={"server": server, "logging": logging})
    if supervisor.launches_engines(config):
        if workers is not None and workers > 1:
            click.echo(
                "--workers: this configuration launches engines (launch:), which one process "
                "must supervise; run it with --workers 1, or start the engines separately.",
                err=True,
            )
            raise SystemExit(2)
        workers = 1
    if workers is None:
        workers = supervisor.default_workers()
    if workers == 1:
        from bastion.server import serve as run_server

        run_server(config)
        return
    raise SystemExit(supervisor.run(config, workers))


@cli.group()
def config() -> None:
    """Inspect configuration files."""


@config.command("check")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
def config_check(path: Path) -> None:
    """Validate PATH and report every problem with its line and key path."""
    loaded = _load_or_exit(path)
    backends = ", ".join(f"{name} ({b.kind}, {b.location})" for name, b in loaded.backends.items())
    click.echo(f"{path}: OK")
    click.echo(f"  backends: {backends or 'none (engines are discovered at start-up)'}")
    from sqlalchemy import make_url

    database = make_url(loaded.database.url).render_as_string(hide_password=True)
    click.echo(f"  aliases: {len(loaded.models)}; database: {database}")


def _load_or_exit(path: Path | None) -> BastionConfig:
    if path is None:
        return BastionConfig()
    try:
        return load_config(path)
    except ConfigError as error:
        click.echo(f"Invalid configuration ({len(error.problems)} problem(s)):", err=True)
        for problem in error.problems:
            click.echo("  " + problem.render(error.source), err=True)
        raise SystemExit(2) from None


def _register_subcommands() -> None:
    from bastion.cli.audit import audit_group
    from bastion.cli.bench import bench_group
    from bastion.cli.cost import cost_group
    from bastion.cli.eval import eval_group
    from bastion.cli.keys import keys_group, tenants_group
    from bastion.cli.ledger import ledger_group
    from bastion.cli.status import status_command
    from bastion.sim.cli import sim_command

    cli.add_command(sim_command)
    cli.add_command(audit_group, "audit")
    cli.add_command(bench_group, "bench")
    cli.add_command(ledger_group, "ledger")
    cli.add_command(cost_group, "cost")
    cli.add_command(eval_group, "eval")
    cli.add_command(keys_group, "keys")
    cli.add_command(tenants_group, "tenants")
    cli.add_command(status_command, "status")


def main() -> None:
    _register_subcommands()
    cli()
