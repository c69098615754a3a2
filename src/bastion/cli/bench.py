"""``bastion bench``: load-test an endpoint, keep and read the results, and record a run as a
backend's measured capacity for ``bastion cost`` (docs/benchmarking.md).

Heavy imports happen inside the commands, so the rest of the CLI starts fast.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bastion.cli.database import config_option, database_url_option, run_with_store, settings

if TYPE_CHECKING:
    from bastion.bench.prompts import PromptSource
    from bastion.bench.sender import Progress
    from bastion.store.store import Store


@click.group("bench", context_settings={"help_option_names": ["-h", "--help"]})
def bench_group() -> None:
    """Load-test an OpenAI-compatible or Anthropic endpoint; results and measured capacity."""


@bench_group.command("run")
@click.argument("url")
@click.option(
    "--api",
    type=click.Choice(["chat", "completions", "responses", "embeddings", "messages"]),
    default="chat",
    show_default=True,
    help="The API to load (messages: Anthropic's).",
)
@click.option("--model", help="Model to ask for [the first one the target lists].")
@click.option(
    "--api-key", envvar="BASTION_API_KEY", help="Key sent to the target (env BASTION_API_KEY)."
)
@click.option(
    "--no-stream", is_flag=True, help="Ask for whole answers (TTFT is then not measured)."
)
@click.option(
    "--load",
    "loads",
    multiple=True,
    metavar="SHAPE",
    help="synchronous, concurrency:N, constant:RATE, poisson:RATE, gamma:RATE:BURSTINESS, "
    "replay[:SPEED]; repeatable: one level each, in order.",
)
@click.option(
    "--sweep", is_flag=True, help="Synchronous, saturation, then rates at fractions of it."
)
@click.option(
    "--sweep-concurrency",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Requests in flight for the saturation level.",
)
@click.option(
    "--sweep-fractions",
    default="0.2,0.4,0.6,0.8,0.9,1.0,1.1",
    show_default=True,
    help="Rates, as fractions of the saturation throughput.",
)
@click.option(
    "--requests", "max_requests", type=click.IntRange(min=1), help="Requests per level (at most)."
)
@click.option(
    "--duration", type=click.FloatRange(min=0, min_open=True), help="Seconds per level (at most)."
)
@click.option(
    "--input-tokens",
    default="256",
    show_default=True,
    help="Synthetic prompts: 512, 256..1024 or normal:512:64.",
)
@click.option(
    "--output-tokens",
    default="128",
    show_default=True,
    help="Output tokens to ask for: 128, 64..256 or normal:128:16.",
)
@click.option(
    "--prefix-share",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of each synthetic prompt that all requests share.",
)
@click.option(
    "--ignore-eos", is_flag=True, help="Generate exactly max_tokens (vLLM and the simulator)."
)
@click.option(
    "--dataset",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help='JSONL prompts: {"prompt": ...} or {"messages": [...]} a line.',
)
@click.option(
    "--replay-since", help="Replay the ledger's traffic from this time (ISO 8601 or 24h, 7d ago)."
)
@click.option("--replay-until", help="... up to this time [now].")
@click.option("--replay-backend", help="Replay only this backend's recorded requests.")
@click.option("--slo", help="Objectives for goodput: ttft=500ms,tpot=50ms,itl=100ms,e2e=10s.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--name", help="A label kept with the run.")
@click.option(
    "--header", "headers", multiple=True, help="Extra request header 'Name: value' (repeatable)."
)
@click.option("--extra-body", help="JSON object merged into every request body.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=600.0,
    show_default=True,
    help="Seconds per request.",
)
@click.option("--connections", type=click.IntRange(min=1), default=4096, show_default=True)
@click.option(
    "--lag-tolerance",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Milliseconds a request may be sent late before it counts as late.",
)
@click.option(
    "--out",
    "out_json",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the result, every request's timings included, as JSON.",
)
@click.option(
    "--html",
    "out_html",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a self-contained HTML report.",
)
@click.option(
    "--store",
    "store_run",
    is_flag=True,
    help="Keep the run in the database (read with bench list/show and GET /admin/bench).",
)
@click.option(
    "--record-capacity",
    "backend",
    metavar="BACKEND",
    help="Keep the run and record its capacity as BACKEND's (used by bastion cost).",
)
@click.option(
    "--gpus",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="GPUs of one replica of the target (with --record-capacity).",
)
@click.option(
    "--hardware", help="What the target runs on, e.g. 'H100 80GB' (with --record-capacity)."
)
@click.option("--quiet", is_flag=True, help="No live progress.")
@config_option
@database_url_option
def run_command(**options: Any) -> None:
    """Load-test URL (a gateway or an engine: http://127.0.0.1:8800 or .../v1).

    \b
    Examples:
      bastion bench run http://127.0.0.1:8000 --load concurrency:16 --requests 500
      bastion bench run http://127.0.0.1:8800 --api-key $KEY --sweep --duration 30 \\
        --input-tokens 512 --output-tokens 128 --slo ttft=500ms,tpot=50ms --html report.html
      bastion bench run http://127.0.0.1:8000 --load poisson:20 --duration 60 \\
        --record-capacity vllm --gpus 1 --hardware "H100 80GB"
    """
    from bastion.bench.apis import ApiTarget
    from bastion.bench.prompts import PromptError
    from bastion.bench.runner import BenchSpec, SweepPlan, run_bench
    from bastion.bench.shapes import Bounds, ShapeError, parse_shape
    from bastion.bench.slo import SloError, parse_slo
    from bastion.bench.table import document_lines

    if not options["url"].startswith(("http://", "https://")):
        raise click.UsageError(f"{options['url']!r}: give an http:// or https:// URL")
    try:
        shapes = tuple(parse_shape(text) for text in options["loads"])
        bounds = Bounds(options["max_requests"], options["duration"])
        slo = parse_slo(options["slo"])
        prompts = _prompts(options)
    except (ShapeError, SloError, PromptError) as exc:
        raise click.UsageError(str(exc)) from None
    if not shapes and not options["sweep"]:
        shapes = (parse_shape("concurrency:8"),)
    if any(s.kind == "replay" for s in shapes) and not options["replay_since"]:
        raise click.UsageError("a replay load needs --replay-since (the ledger's traffic)")
    sweep = None
    if options["sweep"]:
        fractions = _sweep_fractions(options["sweep_fractions"])
        sweep = SweepPlan(concurrency=options["sweep_concurrency"], fractions=fractions)
    if options["backend"]:  # before the run, not after it: the run would be lost
        _check_backend(options["config_path"], options["database_url"], options["backend"],
                       "--record-capacity")  # fmt: skip
    extra_body: dict[str, Any] = {}
    if options["extra_body"]:
        try:
            extra_body = json.loads(options["extra_body"])
        except json.JSONDecodeError:
            extra_body = None  # type: ignore[assignment]
        if not isinstance(extra_body, dict):
            raise click.UsageError("--extra-body: a JSON object")
    headers = []
    for header in options["headers"]:
        name, sep, value = header.partition(":")
        if not sep or not name.strip():
            raise click.UsageError(f"--header {header!r}: write 'Name: value'")
        headers.append((name.strip(), value.strip()))
    model = options["model"] or _first_model(options["url"], options["api_key"], options["api"])
    target = ApiTarget(
        options["url"],
        options["api"],
        model,
        api_key=options["api_key"],
        stream=not options["no_stream"],
        ignore_eos=options["ignore_eos"],
        extra_body=tuple(extra_body.items()),
        extra_headers=tuple(headers),
    )
    spec = BenchSpec(
        target=target,
        prompts=prompts,
        bounds=bounds,
        shapes=shapes,
        sweep=sweep,
        slo=slo,
        seed=options["seed"],
        name=options["name"],
        lag_tolerance=options["lag_tolerance"] / 1000,
        connections=options["connections"],
        timeout=options["timeout"],
    )
    live = not options["quiet"] and sys.stderr.isatty()

    def progress(p: Progress) -> None:
        from bastion.bench.table import progress_line

        click.echo("\r" + progress_line(p) + "\033[K", nl=False, err=True)

    def level_done(level: dict[str, Any]) -> None:
        m = level["metrics"]
        if live:
            click.echo("", err=True)
        if not options["quiet"]:
            click.echo(
                f"{level['shape']['description']}: {m['completed']} answered, {m['failed']} "
                f"failed, {m['request_throughput']:.2f} req/s",
                err=True,
            )

    try:
        document = _run_async(
            run_bench(spec, progress=progress if live else None, on_level=level_done)
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("\n".join(document_lines(document)))
    _write_outputs(document, options["out_json"], options["out_html"])
    if options["store_run"] or options["backend"]:
        url = settings(options["config_path"], options["database_url"]).url

        async def keep(store: Store) -> None:
            await store.bench.save(document)
            if options["backend"]:
                await _record(
                    store, document, options["backend"], options["gpus"], options["hardware"]
                )

        run_with_store(url, keep)
        click.echo(f"Stored as {document['id']}.")


# Rates beyond this multiple of the saturation throughput measure nothing new: the target is
# already overloaded at 1.1.
MAX_SWEEP_FRACTION = 10.0


def _sweep_fractions(text: str) -> tuple[float, ...]:
    try:
        fractions = tuple(float(f) for f in text.split(","))
    except ValueError:
        raise click.UsageError("--sweep-fractions: numbers separated by commas") from None
    for fraction in fractions:
        if not 0 < fraction <= MAX_SWEEP_FRACTION:  # also false for NaN
            raise click.UsageError(
                f"--sweep-fractions: {fraction:g} is not above 0 and at most "
                f"{MAX_SWEEP_FRACTION:g} (fractions of the saturation throughput)"
            )
    return fractions


def _check_backend(
    config_path: Path | None, database_url: str | None, backend: str, option: str
) -> None:
    """With a configuration, a capacity is recorded only for a backend it names (its backends
    or economics.tco), so a typo does not go unnoticed by bastion cost. Without one there is
    nothing to check against."""
    if config_path is None:
        return
    from bastion.economics.service import economics_of

    config = settings(config_path, database_url).config
    known = sorted(set(config.backends) | set(economics_of(config).tco))
    if backend not in known:
        raise click.BadParameter(
            f"{backend!r} is not a backend of {config_path} "
            f"(configured: {', '.join(known) or 'none'})",
            param_hint=option,
        )


def _run_async(work: Any) -> Any:
    try:
        import uvloop

        return uvloop.run(work)
    except ImportError:  # pragma: no cover - uvloop is a dependency
        return asyncio.run(work)


def _prompts(options: dict[str, Any]) -> PromptSource:
    from bastion.bench.prompts import SyntheticPrompts, load_jsonl, parse_lengths

    output = parse_lengths(options["output_tokens"]) if options["output_tokens"] else None
    if options["dataset"] is not None:
        fixed = output.low if output is not None and output.kind == "fixed" else None
        return load_jsonl(options["dataset"], max_tokens=fixed)
    if options["replay_since"]:
        return _replay(options)
    return SyntheticPrompts(
        parse_lengths(options["input_tokens"]), output, options["prefix_share"], options["seed"]
    )


def _replay(options: dict[str, Any]) -> PromptSource:
    from datetime import UTC, datetime

    from bastion.bench.replay import ledger_shapes, replay_prompts
    from bastion.cli.cost import Moment
    from bastion.store.engine import create_engines

    since = Moment().convert(options["replay_since"], None, None)
    until = (
        Moment().convert(options["replay_until"], None, None)
        if options["replay_until"]
        else datetime.now(UTC)
    )
    url = settings(options["config_path"], options["database_url"]).url

    async def read() -> Any:
        engines = create_engines(url)
        try:
            return await ledger_shapes(
                engines.read, since=since, until=until, backend=options["replay_backend"]
            )
        finally:
            await engines.read.dispose()

    shapes = asyncio.run(read())
    return replay_prompts(
        shapes,
        seed=options["seed"],
        origin={
            "window": f"{since.isoformat()} to {until.isoformat()}",
            "backend": options["replay_backend"],
        },
    )


def _first_model(url: str, api_key: str | None, api: str) -> str:
    import urllib.request

    base = url.rstrip("/").removesuffix("/v1")
    request = urllib.request.Request(base + "/v1/models")  # noqa: S310 - http(s), checked
    if api_key:
        request.add_header("Authorization", f"Bearer {api_key}")
        request.add_header("x-api-key", api_key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the user's URL
            models = json.loads(response.read())
        return str(models["data"][0]["id"])
    except Exception as exc:
        raise click.UsageError(
            f"could not read the target's models ({type(exc).__name__}): give --model"
        ) from None


def _write_outputs(document: dict[str, Any], out_json: Path | None, out_html: Path | None) -> None:
    if out_json is not None:
        out_json.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
        click.echo(f"JSON: {out_json}")
    if out_html is not None:
        from bastion.bench.html import render_html

        out_html.write_text(render_html(document), encoding="utf-8")
        click.echo(f"HTML report: {out_html}")


async def _record(
    store: Store, document: dict[str, Any], backend: str, gpus: int, hardware: str | None
) -> None:
    from bastion.bench.capacity import capacity_at_slo

    measured = document.get("capacity") or capacity_at_slo(document)
    if measured is None:
        raise click.ClickException(
            "the run measured no capacity: no level was answered on schedule"
            + (" within the SLO" if document.get("slo") else "")
        )
    recorded = await store.bench.record_capacity(
        backend=backend,
        run_id=document["id"],
        gpus=gpus,
        hardware=hardware,
        tokens_per_second=measured["total_tokens_per_second"],
        output_tokens_per_second=measured["output_tokens_per_second"],
        detail={k: v for k, v in measured.items() if not k.endswith("tokens_per_second")},
    )
    click.echo(
        f"Capacity of {backend}: {recorded.tokens_per_second:,.1f} tokens/s per replica "
        f"({recorded.tokens_per_second_per_gpu:,.1f} per GPU x {gpus} GPU"
        + (f", {hardware}" if hardware else "")
        + f") from run {document['id']}; bastion cost uses it."
    )


@bench_group.command("list")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@config_option
@database_url_option
def list_command(
    *, limit: int, as_json: bool, config_path: Path | None, database_url: str | None
) -> None:
    """Stored runs, newest first."""
    url = settings(config_path, database_url).url

    async def work(store: Store) -> Any:
        return await store.bench.recent(limit)

    runs = run_with_store(url, work)
    if as_json:
        click.echo(json.dumps(runs, indent=1))
        return
    if not runs:
        click.echo("No stored benchmark runs.")
    for run in runs:
        levels = run.get("levels") or []
        best = max((lv["metrics"]["request_throughput"] for lv in levels), default=0.0)
        click.echo(
            f"{run['id']}  {run['created_at'][:19]}  {run['target']['api']:<11} "
            f"{run['target']['model']}  {len(levels)} level(s), up to {best:.2f} req/s"
            + (f"  ({run['name']})" if run.get("name") else "")
        )


@bench_group.command("show")
@click.argument("run_id")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the document (every request included)."
)
@click.option("--out", "out_json", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--html", "out_html", type=click.Path(path_type=Path, dir_okay=False))
@config_option
@database_url_option
def show_command(
    *,
    run_id: str,
    as_json: bool,
    out_json: Path | None,
    out_html: Path | None,
    config_path: Path | None,
    database_url: str | None,
) -> None:
    """A stored run: its table, or its JSON document, or its HTML report."""
    from bastion.bench.table import document_lines

    url = settings(config_path, database_url).url

    async def work(store: Store) -> Any:
        return await store.bench.get(run_id)

    document = run_with_store(url, work)
    if document is None:
        raise click.ClickException(f"no stored benchmark run {run_id!r}")
    if as_json:
        click.echo(json.dumps(document, indent=1))
    else:
        click.echo("\n".join(document_lines(document)))
    _write_outputs(document, out_json, out_html)


@bench_group.command("report")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--html", "out_html", type=click.Path(path_type=Path, dir_okay=False))
def report_command(path: Path, out_html: Path | None) -> None:
    """Render a result file (from bench run --out): the table, and with --html the report."""
    from bastion.bench.table import document_lines

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"cannot read {path}: {exc}") from None
    try:
        lines = document_lines(document)
        html = _html(document) if out_html is not None else None
    except (KeyError, TypeError, AttributeError, IndexError, ValueError) as exc:
        # A file of another shape (or an older, partial one): say so, not a traceback.
        raise click.UsageError(
            f"{path} is not a result of bastion bench run --out ({_shape_problem(exc)})"
        ) from None
    click.echo("\n".join(lines))
    if out_html is not None and html is not None:
        out_html.write_text(html, encoding="utf-8")
        click.echo(f"HTML report: {out_html}")


def _html(document: dict[str, Any]) -> str:
    from bastion.bench.html import render_html

    return render_html(document)


def _shape_problem(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no {exc.args[0]!r}"
    return f"{type(exc).__name__}: {exc}"


@bench_group.command("record-capacity")
@click.argument("run_id")
@click.option(
    "--backend", required=True, help="The backend (as named in bastion.yaml) the run measured."
)
@click.option(
    "--gpus", type=click.IntRange(min=1), default=1, show_default=True, help="GPUs of one replica."
)
@click.option("--hardware", help="What it runs on, e.g. 'H100 80GB'.")
@config_option
@database_url_option
def record_capacity_command(
    *,
    run_id: str,
    backend: str,
    gpus: int,
    hardware: str | None,
    config_path: Path | None,
    database_url: str | None,
) -> None:
    """Record a stored run as BACKEND's measured capacity (tokens/s at the SLO, per GPU)."""
    _check_backend(config_path, database_url, backend, "--backend")
    url = settings(config_path, database_url).url

    async def work(store: Store) -> None:
        document = await store.bench.get(run_id, requests=False)
        if document is None:
            raise click.ClickException(f"no stored benchmark run {run_id!r}")
        await _record(store, document, backend, gpus, hardware)

    run_with_store(url, work)


@bench_group.command("capacity")
@click.option("--backend", help="Only this backend.")
@click.option("--json", "as_json", is_flag=True)
@config_option
@database_url_option
def capacity_command(
    *, backend: str | None, as_json: bool, config_path: Path | None, database_url: str | None
) -> None:
    """Recorded capacities, newest first (the newest of each backend is the one used)."""
    url = settings(config_path, database_url).url

    async def work(store: Store) -> Any:
        return await store.bench.capacities(backend)

    found = run_with_store(url, work)
    if as_json:
        click.echo(json.dumps([c.public_dict() for c in found], indent=1))
        return
    if not found:
        click.echo("No recorded capacity.")
    for c in found:
        click.echo(
            f"{c.backend}: {c.tokens_per_second:,.1f} tokens/s per replica "
            f"({c.tokens_per_second_per_gpu:,.1f} per GPU x {c.gpus}"
            + (f", {c.hardware}" if c.hardware else "")
            + f"), run {c.run_id}, recorded {c.recorded_at:%Y-%m-%d %H:%M} UTC"
        )
