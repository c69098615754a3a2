"""``/admin/evals``: evaluation runs started, listed and read through the admin API.

- ``POST /admin/evals`` starts a run in the gateway process, in the background (202): a
  dataset file by name from ``evaluation.datasets_dir``, or its items inline, sent to the
  targets through the gateway's own pipeline with the admin key that asked; or, with
  ``{"resume": "<run id>"}``, finishes an interrupted run.
- ``GET /admin/evals`` lists recent runs (``?limit=``).
- ``GET /admin/evals/{id}`` is a run's status and totals, with its results and verdicts
  (``?results=false`` leaves them out).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bastion.api.admin_requests import AdminBody, AdminError, json_response, parse_body
from bastion.auth import Principal, presented_key
from bastion.evaluation.codec import result_json, verdict_json
from bastion.evaluation.dataset import DatasetError, load_dataset, parse_lines
from bastion.evaluation.model import EarlyStopRule
from bastion.evaluation.runner import EvalError
from bastion.evaluation.service import BusyError, EvalService

Handler = Callable[[Request, Principal], Awaitable[Response]]
Guard = Callable[[Handler], Callable[[Request], Awaitable[Response]]]
MAX_LIST = 200


class StartEvalBody(AdminBody):
    """``dataset`` (a file name in evaluation.datasets_dir) or ``items`` (dataset lines as
    objects); or ``resume`` alone."""

    dataset: str | None = None
    items: list[dict[str, Any]] | None = None
    targets: list[str] = Field(default_factory=list)
    baseline: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    concurrency: int = Field(8, ge=1, le=64)
    judge: str | None = None
    judge_mode: Literal["pairwise", "rubric"] = "pairwise"
    rubric: str | None = None
    # Early stopping (fractions): stop sending items once every candidate's paired difference
    # has an interval at most this wide, or wholly above or below the margin; checked every
    # check_every items, never before stop_min_items paired items.
    stop_when_width: float | None = Field(None, gt=0, le=2)
    stop_margin: float | None = Field(None, gt=-1, lt=1)
    check_every: int | None = Field(None, ge=1)
    stop_min_items: int | None = Field(None, ge=1)
    resume: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> StartEvalBody:
        if self.resume is not None:
            return self
        if (self.dataset is None) == (self.items is None):
            raise ValueError("give exactly one of 'dataset' (a file name) and 'items'")
        if not self.targets:
            raise ValueError("name at least one target in 'targets'")
        if self.early_stop() is None and (
            self.check_every is not None or self.stop_min_items is not None
        ):
            raise ValueError(
                "'check_every' and 'stop_min_items' apply with 'stop_when_width' or 'stop_margin'"
            )
        return self

    def early_stop(self) -> EarlyStopRule | None:
        if self.stop_when_width is None and self.stop_margin is None:
            return None
        counts = {"check_every": self.check_every, "min_items": self.stop_min_items}
        return EarlyStopRule(
            max_width=self.stop_when_width,
            margin=self.stop_margin,
            **{name: value for name, value in counts.items() if value is not None},
        )


def eval_routes(guard: Guard, service: EvalService, datasets_dir: str) -> list[BaseRoute]:
    """The routes, guarded by the admin API's ``guard``."""

    def fail(status: int, message: str, code: str, param: str | None = None) -> AdminError:
        return AdminError(status, message, code, param)

    async def start(request: Request, _principal: Principal) -> Response:
        body = await parse_body(request, StartEvalBody)
        key = presented_key(request.headers)
        try:
            if body.resume is not None:
                run = await service.resume(body.resume, key)
                if run is None:
                    raise fail(404, f"No evaluation run with id {body.resume!r}.", "not_found")
                return json_response({**run.public_dict(), "live": service.live(run.id)}, 202)
            if body.dataset is not None:
                path = _dataset_path(datasets_dir, body.dataset)
                if path is None:
                    raise fail(
                        400,
                        "dataset names a file inside evaluation.datasets_dir "
                        "(no absolute path, no '..').",
                        "invalid_request",
                        "dataset",
                    )
                loaded = load_dataset(path)
                items, source, digest = loaded.items, body.dataset, loaded.sha256
            else:
                lines = [json.dumps(item) for item in body.items or []]
                items = tuple(parse_lines(lines, "items"))
                source = "(inline items)"
                digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            run = await service.start(
                dataset=source,
                dataset_sha256=digest,
                items=items,
                targets=body.targets,
                key=key,
                baseline=body.baseline,
                params=body.params,
                concurrency=body.concurrency,
                judge_model=body.judge,
                judge_mode=body.judge_mode,
                judge_rubric=body.rubric,
                early_stop=body.early_stop(),
            )
        except DatasetError as exc:
            problems = "; ".join(p.render(exc.source) for p in exc.problems[:5])
            raise fail(400, f"The dataset is invalid: {problems}", "invalid_dataset") from None
        except FileNotFoundError:
            raise fail(404, f"No dataset named {body.dataset!r}.", "not_found", "dataset") from None
        except OSError as exc:
            raise fail(
                400, f"The dataset cannot be read: {exc.strerror}", "invalid_dataset"
            ) from None
        except EvalError as exc:
            raise fail(400, str(exc), "invalid_request") from None
        except BusyError as exc:
            raise fail(429, str(exc), "too_many_runs") from None
        return json_response({**run.public_dict(), "live": service.live(run.id)}, 202)

    async def list_runs(request: Request, _principal: Principal) -> Response:
        raw = request.query_params.get("limit") or "50"
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIST:
            raise fail(400, f"'limit' is a whole number from 1 to {MAX_LIST}.", "invalid_request",
                       "limit")  # fmt: skip
        runs = await service.store.evals.recent(int(raw))
        data = [{**run.public_dict(), "live": service.live(run.id)} for run in runs]
        return json_response({"object": "list", "data": data})

    async def get_run(request: Request, _principal: Principal) -> Response:
        run_id = request.path_params["run_id"]
        evals = service.store.evals
        run = await evals.get(run_id)
        if run is None:
            raise fail(404, f"No evaluation run with id {run_id!r}.", "not_found")
        payload: dict[str, Any] = {**run.public_dict(), "live": service.live(run.id)}
        if request.query_params.get("results", "true").lower() not in ("false", "0", "no"):
            payload["results"] = [result_json(r) for r in await evals.results(run_id)]
            payload["verdicts"] = [verdict_json(v) for v in await evals.verdicts(run_id)]
        return json_response(payload)

    return [
        Route("/evals", guard(start), methods=["POST"]),
        Route("/evals", guard(list_runs), methods=["GET"]),
        Route("/evals/{run_id}", guard(get_run), methods=["GET"]),
    ]


def _dataset_path(directory: str, name: str) -> Path | None:
    """``name`` inside ``directory``, or None when it would lead outside it."""
    if not name or Path(name).is_absolute() or "\x00" in name:
        return None
    root = Path(directory).resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path != root else None
