"""``bastion eval``: run a dataset against targets through a gateway, show and list runs, and
sample datasets from recorded traffic (docs/evaluation.md, docs/evaluation-runs.md).

Runs are stored in the database (``--database-url`` or the configuration's), so ``eval show``
reports them later and ``eval run --resume RUN_ID`` finishes an interrupted one. Heavy
imports happen inside the commands, so the rest of the CLI starts fast.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from collections.abc import Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bastion.cli.database import config_option, database_url_option, settings

if TYPE_CHECKING:
    from bastion.config import BastionConfig
    from bastion.evaluation.model import EvalItem, ItemResult, RunSpec, Verdict
    from bastion.store.evals import EvalRun
    from bastion.store.store import Store

DEFAULT_GATEWAY = "http://127.0.0.1:8800"
# Exit codes: 0 done (and every --fail-under met), 1 a threshold not met, 2 not measured or a
# usage error, 3 the run did not finish (resume it), 130 interrupted (SIGINT), 143 terminated
# (SIGTERM): 128 + the signal's number, as a shell reports a process the signal ended.
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class _Terminated(Exception):
    """SIGTERM ended the run (it was cancelled, as on Ctrl-C, so it is stored interrupted)."""


async def _cancel_on_sigterm(work: Coroutine[Any, Any, int]) -> int:
    """Runs ``work``, cancelling it on SIGTERM as asyncio does on SIGINT, so a run stopped by
    a service manager or ``kill`` is stored as interrupted rather than left ``running``."""
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    terminated = False

    def terminate() -> None:
        nonlocal terminated
        terminated = True
        task.cancel()

    try:
        loop.add_signal_handler(signal.SIGTERM, terminate)
    except (NotImplementedError, RuntimeError):  # no signal handlers here (Windows, a thread)
        return await work
    try:
        return await work
    except asyncio.CancelledError:
        if terminated:
            raise _Terminated from None
        raise
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGTERM)


@click.group("eval")
def eval_group() -> None:
    """Evaluate targets (models, endpoint versions) on a dataset through the gateway."""


class _Fraction(click.ParamType[float]):
    """A fraction (``0.1``) or a percentage (``10%``, ``-2%``)."""

    name = "fraction"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, float):
            return value
        text = str(value).strip()
        try:
            return float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            self.fail(f"{value!r} is not a fraction (0.1) or a percentage (10%)", param, ctx)


def _parse_params(values: Sequence[str]) -> dict[str, Any]:
    """``name=value`` pairs; a value is read as JSON when it is JSON (``0``, ``true``,
    ``["a"]``), as text otherwise."""
    params: dict[str, Any] = {}
    for raw in values:
        name, sep, value = raw.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{raw!r}: expected name=value", param_hint="--param")
        try:
            params[name.strip()] = json.loads(value)
        except ValueError:
            params[name.strip()] = value
    return params


@eval_group.command("run")
@click.argument("dataset", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--target", "targets", multiple=True, help="A model or endpoint version; repeat.")
@click.option("--baseline", help="The target the others are compared with (default: the first).")
@click.option(
    "--param",
    "params",
    multiple=True,
    help="A sampling parameter pinned for every target, e.g. temperature=0; repeat.",
)
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True)
@click.option(
    "--gateway",
    default=DEFAULT_GATEWAY,
    show_default=True,
    envvar="BASTION_URL",
    help="The gateway's address (env BASTION_URL).",
)
@click.option("--key", envvar="BASTION_API_KEY", help="A Bastion API key (env BASTION_API_KEY).")
@click.option("--resume", "resume_id", help="Finish the stored run RUN_ID (skips what it has).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write report.json, results.jsonl and report.html into this directory.",
)
@click.option(
    "--fail-under",
    "fail_under",
    multiple=True,
    help="metric=value every candidate must reach (e.g. pass_rate=0.9, diff=-2%); repeat.",
)
@click.option("--judge", "judge_model", help="A model that compares each candidate's answers.")
@click.option("--judge-mode", type=click.Choice(["pairwise", "rubric"]), default="pairwise")
@click.option(
    "--rubric",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A rubric (text file) for --judge-mode rubric.",
)
@click.option("--timeout", type=click.FloatRange(min=1), default=600.0, show_default=True,
              help="Seconds one answer may take.")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the statistics.")
@click.option(
    "--stop-when-width",
    type=_Fraction(),
    help="Stop sending items once every candidate's paired difference has an interval at most "
    "this wide (0.1 or 10%), checked every --check-every items.",
)
@click.option(
    "--stop-margin",
    type=_Fraction(),
    help="Stop sending items once every candidate's interval lies wholly above or below this "
    "difference (-0.02 or -2%).",
)
@click.option("--check-every", type=click.IntRange(min=1),
              help="Items between early-stopping checks (default 50).")  # fmt: skip
@click.option("--stop-min-items", type=click.IntRange(min=1),
              help="Paired items needed before a run may stop early (default 30).")  # fmt: skip
@click.option(
    "--ledger-wait",
    type=click.FloatRange(min=0),
    default=5.0,
    show_default=True,
    envvar="BASTION_EVAL_LEDGER_WAIT",
    help="Seconds to wait for the ledger's rows of the run's requests before reporting their "
    "cost (env BASTION_EVAL_LEDGER_WAIT).",
)
@config_option
@database_url_option
def run_command(  # noqa: PLR0917 (one parameter per option)
    dataset: Path | None,
    targets: tuple[str, ...],
    baseline: str | None,
    params: tuple[str, ...],
    concurrency: int,
    gateway: str,
    key: str | None,
    resume_id: str | None,
    out: Path | None,
    fail_under: tuple[str, ...],
    judge_model: str | None,
    judge_mode: str,
    rubric: Path | None,
    timeout: float,
    seed: int,
    stop_when_width: float | None,
    stop_margin: float | None,
    check_every: int | None,
    stop_min_items: int | None,
    ledger_wait: float,
    config_path: Path | None,
    database_url: str | None,
) -> None:
    """Send every item of DATASET to every --target through the gateway, check the answers,
    store the results as they come, and report.

    \b
    bastion eval run golden.jsonl --target support@1 --target support@2 --param temperature=0
    bastion eval run golden.jsonl --target a --target b --stop-when-width 0.1 --check-every 50
    bastion eval run --resume eval_0123abcd        # finish an interrupted run
    """
    from bastion.evaluation.model import EarlyStopRule
    from bastion.evaluation.report import parse_threshold

    try:
        thresholds = [parse_threshold(text) for text in fail_under]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-under") from None
    if resume_id is None and dataset is None:
        raise click.UsageError("give a DATASET, or --resume RUN_ID")
    if resume_id is None and not targets:
        raise click.UsageError("name at least one --target")
    stopping = (stop_when_width, stop_margin, check_every, stop_min_items)
    if resume_id is not None and (
        targets or params or baseline or judge_model or any(v is not None for v in stopping)
    ):
        raise click.UsageError(
            "a resumed run keeps its targets, parameters, judge and early stopping; give only "
            "--resume"
        )
    rule = None
    if stop_when_width is not None or stop_margin is not None:
        counts = {"check_every": check_every, "min_items": stop_min_items}
        rule = EarlyStopRule(
            max_width=stop_when_width,
            margin=stop_margin,
            **{name: value for name, value in counts.items() if value is not None},
        )
    elif check_every is not None or stop_min_items is not None:
        raise click.UsageError(
            "--check-every and --stop-min-items apply with --stop-when-width or --stop-margin"
        )
    pinned = _parse_params(params)
    found = settings(config_path, database_url)
    rubric_text = rubric.read_text(encoding="utf-8") if rubric is not None else None
    if rubric_text is not None and judge_mode != "rubric":
        raise click.UsageError("--rubric applies to --judge-mode rubric")

    # The run's id once it is known, for the message of an interrupted run.
    started: list[str] = [resume_id] if resume_id is not None else []

    async def main() -> int:
        from bastion.store.store import Store

        store = await Store.open(found.url, listen=False)
        try:
            if resume_id is not None:
                spec, items = await _resumed(store, resume_id, dataset)
            else:
                assert dataset is not None
                spec, items = await _created(
                    store,
                    dataset,
                    targets=list(targets),
                    baseline=baseline,
                    params=pinned,
                    concurrency=concurrency,
                    seed=seed,
                    judge_model=judge_model,
                    judge_mode=judge_mode,
                    judge_rubric=rubric_text,
                    early_stop=rule,
                )
            started[:] = [spec.run_id]
            click.echo(f"Run {spec.run_id}: {len(items)} items x {len(spec.targets)} targets "
                       f"({', '.join(spec.targets)}) via {gateway}", err=True)  # fmt: skip
            status = await _run(
                store, spec, items, gateway=gateway, key=key, config=found.config,
                answer_seconds=timeout,
            )  # fmt: skip
            run = await store.evals.get(spec.run_id)
            assert run is not None
            results = await store.evals.results(spec.run_id)
            verdicts = await store.evals.verdicts(spec.run_id)
            code = await present_run(
                store, found.config, run, items=items, results=results, verdicts=verdicts,
                out=out, thresholds=thresholds, ledger_wait=ledger_wait,
            )  # fmt: skip
            if status == "interrupted":
                click.echo(
                    f"The run is not finished: {run.error}. Finish it with "
                    f"`bastion eval run --resume {spec.run_id}`.",
                    err=True,
                )
                return EXIT_INCOMPLETE
            return code
        finally:
            await store.close()

    try:
        code = asyncio.run(_cancel_on_sigterm(main()))
    except KeyboardInterrupt:
        _say_interrupted("Interrupted", started)
        sys.exit(EXIT_INTERRUPTED)
    except _Terminated:
        _say_interrupted("Terminated", started)
        sys.exit(EXIT_TERMINATED)
    sys.exit(code)


def _say_interrupted(what: str, started: Sequence[str]) -> None:
    if started:
        click.echo(f"{what}; resume with `bastion eval run --resume {started[0]}`.", err=True)
    else:
        click.echo(f"{what} before the run was stored.", err=True)


async def _created(store: Store, dataset: Path, **settings_: Any) -> tuple[RunSpec, list[EvalItem]]:
    from bastion.evaluation.dataset import DatasetError, load_dataset
    from bastion.evaluation.runner import EvalError, create_run

    try:
        loaded = load_dataset(dataset)
    except DatasetError as exc:
        click.echo(f"Invalid dataset ({len(exc.problems)} problem(s)):", err=True)
        for problem in exc.problems:
            click.echo("  " + problem.render(str(dataset)), err=True)
        raise SystemExit(2) from None
    except OSError as exc:
        raise click.ClickException(f"cannot read {dataset}: {exc.strerror or exc}") from None
    try:
        spec = await create_run(
            store.evals,
            dataset=str(dataset),
            dataset_sha256=loaded.sha256,
            items=loaded.items,
            **settings_,
        )
    except EvalError as exc:
        raise click.UsageError(str(exc)) from None
    return spec, list(loaded.items)


async def _resumed(
    store: Store, run_id: str, dataset: Path | None
) -> tuple[RunSpec, list[EvalItem]]:
    import hashlib

    run = await store.evals.get(run_id)
    if run is None:
        raise click.ClickException(f"no run {run_id!r} in the database")
    if dataset is not None:
        try:
            digest = hashlib.sha256(await asyncio.to_thread(dataset.read_bytes)).hexdigest()
        except OSError as exc:
            raise click.ClickException(f"cannot read {dataset}: {exc.strerror or exc}") from None
        if digest != run.spec.dataset_sha256:
            raise click.ClickException(
                f"{dataset} has changed since run {run_id} began (its SHA-256 differs): "
                "a resumed run must be the same run; start a new one"
            )
    return run.spec, await store.evals.items(run_id)


async def _run(
    store: Store,
    spec: RunSpec,
    items: list[EvalItem],
    *,
    gateway: str,
    key: str | None,
    config: BastionConfig,
    answer_seconds: float,
) -> str:
    from bastion.evaluation.report import Progress
    from bastion.evaluation.runner import EvalError, EvalRunner, execute_run, judge_run
    from bastion.evaluation.service import gateway_pricer
    from bastion.evaluation.transport import HttpTransport

    done = await store.evals.count_results(spec.run_id)
    transport = HttpTransport(gateway, connections=spec.concurrency * 2)
    try:
        with Progress(len(items) * len(spec.targets), done=done) as progress:
            runner = EvalRunner(
                transport,
                store.evals,
                key=key,
                pricer=gateway_pricer(config, dict(config.backends)),
                timeout=answer_seconds,
                on_result=progress.advance,
            )
            try:
                outcome = await execute_run(runner, store.evals, spec, items)
            except EvalError as exc:
                raise click.ClickException(str(exc)) from None
        if spec.judge_model is not None:
            from bastion.evaluation.judge import Judge, SenderJudgeTransport

            judge = Judge(
                SenderJudgeTransport(transport, key or "", timeout=answer_seconds),
                spec.judge_model,
                mode=spec.judge_mode,
                rubric=spec.judge_rubric,
            )
            click.echo(f"Judging with {spec.judge_model} ({spec.judge_mode})", err=True)
            await judge_run(judge, store.evals, spec, items, outcome.results)
    finally:
        await transport.close()
    return outcome.status


async def present_run(
    store: Store,
    config: BastionConfig,
    run: EvalRun,
    *,
    items: Sequence[EvalItem],
    results: Sequence[ItemResult],
    verdicts: Sequence[Verdict],
    out: Path | None,
    thresholds: Sequence[Any] = (),
    as_json: bool = False,
    ledger_wait: float = 0.0,
) -> int:
    """Reports a run: the terminal summary (or its JSON), the files under ``out``, and the
    ``--fail-under`` gate as the exit code. The report itself is report.py's. Answers are
    costed with the ledger's rows of their requests where it has them (``costing.py``;
    waiting up to ``ledger_wait`` seconds for rows still on their way), else as the runner
    priced them."""
    from bastion.evaluation.report import build_report, gate, render_text, report_dict
    from bastion.evaluation.report_html import render_html
    from bastion.evaluation.stopping import StopRecord

    spec = run.spec
    savings = await _savings(store, config, spec)
    results, sources = await _costed(store, config, spec, results, ledger_wait)
    report = build_report(
        spec,
        items,
        results,
        verdicts,
        savings=savings,
        cost_sources=sources,
        skipped=int(run.totals.get("skipped", 0)),
        generated_at=datetime.now(UTC),
        stopped=StopRecord.from_json(run.totals.get("stopped_early")),
        simulated=_simulated(run),
    )
    data = report_dict(report)
    data["status"] = run.status
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(f"Run {run.id} ({run.status}) of {spec.dataset}")
        if run.error:
            click.echo(f"  {run.error}")
        click.echo(render_text(report))
    if out is not None:
        _write_files(out, data, render_html(report), items, results, verdicts, spec.targets)
        click.echo(f"Wrote report.json, results.jsonl and report.html to {out}", err=True)
    if not thresholds:
        return 0
    outcome = gate(report, thresholds)
    for line in outcome.lines:
        click.echo(line, err=True)
    return outcome.exit_code


def _simulated(run: EvalRun) -> list[str]:
    """The targets the gateway said its simulator serves, as stored with the run's totals."""
    per_target = run.totals.get("per_target") or {}
    return [name for name, totals in per_target.items() if totals.get("simulated")]


def _write_files(  # noqa: PLR0917 (the report's parts)
    out: Path,
    data: dict[str, Any],
    html: str,
    items: Sequence[EvalItem],
    results: Sequence[ItemResult],
    verdicts: Sequence[Verdict],
    targets: Sequence[str],
) -> None:
    from bastion.evaluation.report import write_jsonl

    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    with (out / "results.jsonl").open("w", encoding="utf-8") as stream:
        write_jsonl(stream, items, results, verdicts, targets=targets)
    (out / "report.html").write_text(html, encoding="utf-8")


async def _costed(
    store: Store,
    config: BastionConfig,
    spec: RunSpec,
    results: Sequence[ItemResult],
    wait: float,
) -> tuple[Sequence[ItemResult], dict[str, str]]:
    """The results costed from the ledger where it has their requests, and each target's
    cost source."""
    from sqlalchemy.exc import SQLAlchemyError

    from bastion.evaluation.costing import PRICE_MODEL, ledger_costing
    from bastion.evaluation.service import gateway_pricer

    pricer = gateway_pricer(config, dict(config.backends))
    try:
        costing = await ledger_costing(store.engines.read, results, spec.targets, pricer, wait=wait)
    except SQLAlchemyError as exc:  # the report goes on with the runner's prices
        reason = f"price model: {PRICE_MODEL} (the ledger could not be read: {exc})"
        return results, dict.fromkeys(spec.targets, reason)
    return costing.results, costing.sources()


async def _savings(store: Store, config: BastionConfig, spec: RunSpec) -> dict[str, Any]:
    from bastion.evaluation.savings import measured_savings

    found: dict[str, Any] = {}
    for candidate in spec.targets:
        if candidate == spec.baseline:
            continue
        try:
            found[candidate] = await measured_savings(
                store.engines.read, config, candidate=candidate, baseline=spec.baseline
            )
        except Exception as exc:  # savings are a note in the report, never its failure
            found[candidate] = f"savings could not be computed: {exc}"
    return found


@eval_group.command("show")
@click.argument("run_id")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write report.json, results.jsonl and report.html into this directory.",
)
@click.option("--fail-under", "fail_under", multiple=True, help="metric=value; repeat.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@config_option
@database_url_option
def show_command(  # noqa: PLR0917 (one parameter per option)
    run_id: str,
    out: Path | None,
    fail_under: tuple[str, ...],
    as_json: bool,
    config_path: Path | None,
    database_url: str | None,
) -> None:
    """Report the stored run RUN_ID (finished or not)."""
    from bastion.evaluation.report import parse_threshold

    try:
        thresholds = [parse_threshold(text) for text in fail_under]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-under") from None
    found = settings(config_path, database_url)

    async def main() -> int:
        from bastion.store.store import Store

        store = await Store.open(found.url, listen=False)
        try:
            run = await store.evals.get(run_id)
            if run is None:
                raise click.ClickException(f"no run {run_id!r} in the database")
            items = await store.evals.items(run_id)
            results = await store.evals.results(run_id)
            verdicts = await store.evals.verdicts(run_id)
            return await present_run(
                store, found.config, run, items=items, results=results, verdicts=verdicts,
                out=out, thresholds=thresholds, as_json=as_json,
            )  # fmt: skip
        finally:
            await store.close()

    sys.exit(asyncio.run(main()))


@eval_group.command("list")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@config_option
@database_url_option
def list_command(
    limit: int, as_json: bool, config_path: Path | None, database_url: str | None
) -> None:
    """The most recent runs, newest first."""
    found = settings(config_path, database_url)

    async def main() -> list[EvalRun]:
        from bastion.store.store import Store

        store = await Store.open(found.url, listen=False)
        try:
            return await store.evals.recent(limit)
        finally:
            await store.close()

    runs = asyncio.run(main())
    if as_json:
        click.echo(json.dumps([run.public_dict() for run in runs], indent=2))
        return
    if not runs:
        click.echo("No evaluation runs.")
        return
    click.echo(f"{'run':<26} {'status':<13} {'created':<20} {'results':>9}  targets / dataset")
    for run in runs:
        totals = run.totals
        done = f"{totals.get('results', 0)}/{totals.get('expected', '?')}" if totals else "-"
        created = run.created_at.strftime("%Y-%m-%d %H:%M:%S")
        click.echo(
            f"{run.id:<26} {run.status:<13} {created:<20} {done:>9}  "
            f"{', '.join(run.spec.targets)} / {run.spec.dataset}"
        )


@eval_group.command("sample")
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The JSONL file to write.",
)
@click.option("--size", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--days", type=click.FloatRange(min=0, min_open=True), default=7.0,
              show_default=True, help="How far back to sample.")  # fmt: skip
@click.option("--tenant", "tenants", multiple=True,
              help="Only these consenting tenants (default: every one in "
                   "evaluation.sample_tenants); repeat.")  # fmt: skip
@config_option
@database_url_option
def sample_command(  # noqa: PLR0917 (one parameter per option)
    out_path: Path,
    size: int,
    seed: int,
    days: float,
    tenants: tuple[str, ...],
    config_path: Path | None,
    database_url: str | None,
) -> None:
    """Write a dataset sampled from recorded traffic (tenants that consent only)."""
    from bastion.evaluation.dataset import write_dataset
    from bastion.evaluation.sampling import SamplingError, sample_traffic
    from bastion.store.engine import create_engines

    found = settings(config_path, database_url)
    until = datetime.now(UTC)

    async def main() -> Any:
        engines = create_engines(found.url)
        try:
            return await sample_traffic(
                engines.read, found.config, size=size, seed=seed,
                since=until - timedelta(days=days), until=until, tenants=list(tenants),
            )  # fmt: skip
        finally:
            await engines.read.dispose()

    try:
        sample = asyncio.run(main())
    except SamplingError as exc:
        raise click.ClickException(str(exc)) from None
    for note in sample.notes:
        click.echo(f"note: {note}", err=True)
    if not sample.items:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(sample.passed_over.items()))
        raise click.ClickException(
            f"no request to sample among {sample.considered} audit records"
            + (f" ({reasons})" if reasons else "")
        )
    digest = write_dataset(sample.items, out_path)
    sensitive = sum(bool(item.classifications) for item in sample.items)
    click.echo(f"Wrote {len(sample.items)} items to {out_path} (sha256 {digest[:12]}…)")
    for (tenant, endpoint, length), (available, drawn) in sorted(sample.strata.items()):
        click.echo(f"  {tenant:<20} {endpoint:<18} {length:<6} {drawn:>5} of {available}")
    if sensitive:
        click.echo(f"  {sensitive} item(s) carry sensitive data: runs send them to local targets")
    if sample.passed_over:
        passed = ", ".join(f"{k}: {v}" for k, v in sorted(sample.passed_over.items()))
        click.echo(f"  passed over: {passed}", err=True)
