"""Evaluation runs inside the gateway process, for the admin API (``POST /admin/evals``).

A run started here sends its requests through the gateway's own application in-process
(``AsgiTransport``): the same pipeline as a request from outside — authentication with the
key that started it, routing, admission, the ledger (as evaluation traffic) and the audit
journal — without a socket. Runs go on in the background; at most
``evaluation.max_running`` at once in a process. Stopping the gateway cancels them: each is
stored as interrupted and can be resumed (``{"resume": "<run id>"}``), in this or another
process, without sending its finished items again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bastion.config import BackendConfig, BastionConfig
from bastion.evaluation.model import EarlyStopRule, EvalItem, JudgeMode, RunSpec
from bastion.evaluation.runner import (
    EvalRunner,
    Pricer,
    create_run,
    execute_run,
    judge_run,
)
from bastion.evaluation.transport import Transport
from bastion.store.evals import EvalRun
from bastion.store.store import Store

log = logging.getLogger(__name__)


class BusyError(Exception):
    """As many runs as allowed are running in this process."""


def gateway_pricer(config: BastionConfig, backends: dict[str, BackendConfig]) -> Pricer:
    """Prices answers as money budgets do (admission/pricing.py) with the gateway's backends."""
    from bastion.admission.pricing import MICROS_PER_DOLLAR, RequestPricer

    pricing = RequestPricer(config, backends=backends)

    def price(backend: str, model: str, input_tokens: int, output_tokens: int) -> Decimal | None:
        micros = pricing.price(backend, model).micros(input_tokens, output_tokens)
        return Decimal(micros) / MICROS_PER_DOLLAR if micros else Decimal(0)

    return price


class EvalService:
    def __init__(
        self,
        store: Store,
        transport: Transport,
        *,
        max_running: int = 2,
        pricer: Pricer | None = None,
        answer_seconds: float = 600.0,
    ) -> None:
        self._store = store
        self._transport = transport
        self._max_running = max_running
        self._pricer = pricer
        self._answer_seconds = answer_seconds
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._closed = False

    @property
    def store(self) -> Store:
        return self._store

    def live(self, run_id: str) -> bool:
        """Whether the run is going on in this process now."""
        task = self._tasks.get(run_id)
        return task is not None and not task.done()

    def _check_room(self) -> None:
        if self._closed:
            raise BusyError("the gateway is stopping")
        running = sum(not task.done() for task in self._tasks.values())
        if running >= self._max_running:
            raise BusyError(
                f"{running} evaluation run(s) are going on in this process, the most "
                "evaluation.max_running allows; retry when one has finished"
            )

    async def start(
        self,
        *,
        dataset: str,
        dataset_sha256: str,
        items: Sequence[EvalItem],
        targets: Sequence[str],
        key: str | None,
        baseline: str | None = None,
        params: dict[str, Any] | None = None,
        concurrency: int = 8,
        judge_model: str | None = None,
        judge_mode: JudgeMode = "pairwise",
        judge_rubric: str | None = None,
        early_stop: EarlyStopRule | None = None,
    ) -> EvalRun:
        """Stores a new run and starts it in the background; EvalError for a spec that
        cannot run, BusyError when no more runs may start now."""
        self._check_room()
        spec = await create_run(
            self._store.evals,
            dataset=dataset,
            dataset_sha256=dataset_sha256,
            items=items,
            targets=targets,
            baseline=baseline,
            params=params,
            concurrency=concurrency,
            origin="admin",
            judge_model=judge_model,
            judge_mode=judge_mode,
            judge_rubric=judge_rubric,
            early_stop=early_stop,
        )
        self._launch(spec, list(items), key)
        run = await self._store.evals.get(spec.run_id)
        assert run is not None
        return run

    async def resume(self, run_id: str, key: str | None) -> EvalRun | None:
        """Starts the stored run again; None when there is no such run."""
        run = await self._store.evals.get(run_id)
        if run is None:
            return None
        if self.live(run_id):
            return run
        self._check_room()
        items = await self._store.evals.items(run_id)
        self._launch(run.spec, items, key)
        return await self._store.evals.get(run_id)

    def _launch(self, spec: RunSpec, items: list[EvalItem], key: str | None) -> None:
        task = asyncio.create_task(self._run(spec, items, key), name=f"eval {spec.run_id}")
        self._tasks[spec.run_id] = task
        task.add_done_callback(lambda _: self._forget(spec.run_id, task))

    def _forget(self, run_id: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(run_id) is task:
            del self._tasks[run_id]

    async def _run(self, spec: RunSpec, items: list[EvalItem], key: str | None) -> None:
        runner = EvalRunner(
            self._transport,
            self._store.evals,
            key=key,
            pricer=self._pricer,
            timeout=self._answer_seconds,
        )
        try:
            outcome = await execute_run(runner, self._store.evals, spec, items)
            if spec.judge_model is not None:
                from bastion.evaluation.judge import Judge, SenderJudgeTransport

                judge = Judge(
                    SenderJudgeTransport(self._transport, key or "", timeout=self._answer_seconds),
                    spec.judge_model,
                    mode=spec.judge_mode,
                    rubric=spec.judge_rubric,
                )
                await judge_run(judge, self._store.evals, spec, items, outcome.results)
        except asyncio.CancelledError:
            log.warning("evaluation run interrupted", extra={"run": spec.run_id})
            raise
        except Exception as exc:
            # execute_run stored the failure; the log says which run and why.
            log.warning(
                "evaluation run failed", extra={"run": spec.run_id, "error": str(exc)[:300]}
            )

    async def close(self) -> None:
        """Cancels the runs going on (each is stored as interrupted) and waits for them."""
        self._closed = True
        tasks = [task for task in self._tasks.values() if not task.done()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self._transport.close()
