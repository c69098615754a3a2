"""``bastion sim``: run the engine simulator as a standalone OpenAI-compatible server."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import click


def _load_yaml(path: Path) -> dict[str, Any]:
    import yaml

    raw = yaml.safe_load(path.read_text()) or {}
    if not isinstance(raw, dict):
        raise click.BadParameter(
            "the file must hold a mapping of SimConfig fields", param_hint="--config"
        )
    return raw


@click.command("sim", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--model", help="Model name to serve (default bastion-sim).")
@click.option("--seed", type=int, help="Seed for generated text, faults and embeddings.")
@click.option("--time-scale", type=float, help="Speed-up of simulated time (1.0 = real time).")
@click.option("--max-num-seqs", type=int, help="Most sequences in a batch.")
@click.option("--num-kv-blocks", type=int, help="Size of the KV cache, in blocks.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="YAML file with SimConfig fields; options given here override it.",
)
@click.option("--error-rate", type=float, help="Share of requests that fail (0 to 1).")
@click.option(
    "--error-status",
    type=click.Choice(["400", "429", "500", "503"]),
    help="Status of injected failures (default 500).",
)
@click.option("--hang", is_flag=True, default=None, help="Accept requests but never answer them.")
@click.option("--slow-start", type=float, metavar="SECONDS", help="Answer 503 for this long.")
@click.option("--crash-after", type=int, metavar="N", help="Exit the process at request N+1.")
@click.option("--stream-cut-after", type=int, metavar="TOKENS", help="Cut streams mid-way.")
@click.option("--log-level", default="info", show_default=True, help="uvicorn log level.")
def sim_command(  # noqa: PLR0917 (click passes options by keyword)
    host: str,
    port: int,
    model: str | None,
    seed: int | None,
    time_scale: float | None,
    max_num_seqs: int | None,
    num_kv_blocks: int | None,
    config_path: Path | None,
    error_rate: float | None,
    error_status: str | None,
    hang: bool | None,
    slow_start: float | None,
    crash_after: int | None,
    stream_cut_after: int | None,
    log_level: str,
) -> None:
    """Run a simulated vLLM-like engine (OpenAI API, no GPU). Every answer says it is simulated."""
    import uvicorn
    from pydantic import ValidationError

    from bastion.sim import SimConfig, create_sim_app

    raw = _load_yaml(config_path) if config_path else {}
    overrides = {
        "model": model,
        "seed": seed,
        "time_scale": time_scale,
        "max_num_seqs": max_num_seqs,
        "num_kv_blocks": num_kv_blocks,
    }
    raw.update({k: v for k, v in overrides.items() if v is not None})
    faults = dict(raw.get("faults") or {})
    fault_overrides = {
        "error_rate": error_rate,
        "error_status": int(error_status) if error_status else None,
        "hang": hang,
        "slow_start_seconds": slow_start,
        "crash_after_requests": crash_after,
        "stream_cut_after_tokens": stream_cut_after,
    }
    faults.update({k: v for k, v in fault_overrides.items() if v is not None})
    # A crash of the standalone server is a real one: the process exits.
    faults.setdefault("crash_mode", "exit")
    raw["faults"] = faults
    try:
        config = SimConfig.model_validate(raw)
    except ValidationError as exc:
        raise click.UsageError(f"invalid simulator settings:\n{exc}") from None

    click.echo(
        f"bastion sim: SIMULATED engine serving {', '.join(config.model_names)} on "
        f"http://{host}:{port}/v1 (time scale {config.time_scale:g}x, seed {config.seed})",
        err=True,
    )
    uvicorn.run(
        create_sim_app(config),
        host=host,
        port=port,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http="httptools",
        log_level=log_level,
        access_log=False,
    )
