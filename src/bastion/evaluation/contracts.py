"""Endpoint contracts: golden prompts an endpoint version must answer before it is published.

A version declares ``contract: {dataset: golden.jsonl, min_pass_rate: 1.0}``. At the start-up
that would publish it (it is not in ``published_versions`` yet), the gateway holds its
publication back, and once its pipeline is built replays the dataset's items to the version
in-process (``AsgiTransport``: the same pipeline as a client's request, marked as evaluation
traffic) and runs their checks. Every version that reaches its ``min_pass_rate`` is
published; if one does not, start-up fails with a ConfigError naming the version, its pass
rate and the first failures, and nothing held back is published, so the next start checks
again. A version published before is never checked again (it is immutable). Each check is
stored as an evaluation run of origin ``contract`` (``bastion eval list``/``show``).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bastion.config import ConfigError, ConfigProblem
from bastion.config.schema import ContractConfig
from bastion.evaluation.dataset import DatasetError, load_dataset
from bastion.evaluation.model import ItemResult
from bastion.evaluation.runner import EvalError, EvalRunner, create_run, execute_run
from bastion.evaluation.transport import Transport
from bastion.routing.endpoints import EndpointVersion
from bastion.store.store import Store

# The tenant whose short-lived key the checks use when no admin key is configured.
CONTRACT_TENANT = "admin"
_KEY_LIFETIME = timedelta(hours=1)
_SHOWN_FAILURES = 5


@dataclass(frozen=True, slots=True)
class ContractOutcome:
    version: str
    run_id: str
    checked: int
    passed: int
    required: float
    failures: tuple[str, ...]

    @property
    def pass_rate(self) -> float:
        return self.passed / self.checked if self.checked else 0.0

    @property
    def met(self) -> bool:
        return self.checked > 0 and self.pass_rate + 1e-12 >= self.required


def _where(version: EndpointVersion) -> str:
    return f"endpoints.{version.endpoint}.versions.{version.version}.contract"


def _failures(results: Sequence[ItemResult]) -> tuple[str, ...]:
    shown = []
    for result in results:
        if result.passed is not False:
            continue
        if result.answer.error is not None:
            why = result.answer.error
        else:
            why = "; ".join(f"{c.kind}: {c.detail}" for c in result.checks if not c.passed)
        shown.append(f"{result.item_id}: {why[:200]}")
    return tuple(shown)


async def check_contract(
    version: EndpointVersion,
    contract: ContractConfig,
    transport: Transport,
    store: Store,
    key: str | None,
) -> ContractOutcome:
    """Replays the contract's dataset to ``version``; ConfigError when it cannot be run."""
    try:
        dataset = load_dataset(contract.dataset)
    except DatasetError as exc:
        problems = [
            ConfigProblem(f"{_where(version)}.dataset", problem.render(exc.source))
            for problem in exc.problems
        ]
        raise ConfigError("configuration", problems) from None
    except OSError as exc:
        problem = ConfigProblem(
            f"{_where(version)}.dataset",
            f"cannot read {contract.dataset}: {exc.strerror or exc}",
        )
        raise ConfigError("configuration", [problem]) from None
    spec = await create_run(
        store.evals,
        dataset=contract.dataset,
        dataset_sha256=dataset.sha256,
        items=dataset.items,
        targets=[version.name],
        params=contract.params,
        concurrency=contract.concurrency,
        origin="contract",
    )
    runner = EvalRunner(transport, store.evals, key=key, timeout=contract.timeout_seconds)
    try:
        outcome = await execute_run(runner, store.evals, spec, dataset.items)
    except EvalError as exc:
        problem = ConfigProblem(_where(version), f"the contract could not be checked: {exc}")
        raise ConfigError("configuration", [problem]) from None
    checked = [r for r in outcome.results if r.passed is not None]
    return ContractOutcome(
        version=version.name,
        run_id=spec.run_id,
        checked=len(checked),
        passed=sum(r.passed is True for r in checked),
        required=contract.min_pass_rate,
        failures=_failures(checked),
    )


async def verify_contracts(
    versions: Sequence[EndpointVersion],
    transport: Transport,
    store: Store,
    admin_key: str | None,
    *,
    auth: bool,
) -> list[ContractOutcome]:
    """Checks each version's contract; raises ConfigError naming every version that fails."""
    key, revoke = await _contract_key(store, admin_key, auth=auth)
    try:
        outcomes = []
        for version in versions:
            contract = version.spec.contract
            assert contract is not None
            outcomes.append(await check_contract(version, contract, transport, store, key))
    finally:
        if revoke is not None:
            await store.keys.revoke(revoke)
    problems = []
    for version, outcome in zip(versions, outcomes, strict=True):
        if outcome.met:
            continue
        if not outcome.checked:
            message = "the contract's dataset has no item with checks"
        else:
            message = (
                f"{version.name} passed {outcome.passed} of {outcome.checked} golden prompts "
                f"({outcome.pass_rate:.1%}), below min_pass_rate {outcome.required:.1%}; it is "
                f"not published (run {outcome.run_id}: bastion eval show {outcome.run_id})"
            )
            shown = outcome.failures[:_SHOWN_FAILURES]
            if shown:
                message += ". Failures: " + " | ".join(shown)
        problems.append(ConfigProblem(_where(version), message))
    if problems:
        raise ConfigError("configuration", problems)
    return outcomes


async def _contract_key(
    store: Store, admin_key: str | None, *, auth: bool
) -> tuple[str | None, str | None]:
    """The key the checks use, and the id of a key to revoke after them: the configured admin
    key, else a key of the ``admin`` tenant that expires within the hour."""
    if not auth:
        return None, None
    if admin_key:
        return admin_key, None
    tenant = await store.tenants.get_by_name(CONTRACT_TENANT)
    if tenant is None:
        tenant = await store.tenants.create(CONTRACT_TENANT)
    name = f"contract-check-{secrets.token_hex(4)}"
    expires: Any = datetime.now(UTC) + _KEY_LIFETIME
    plaintext, record = await store.keys.create(tenant.id, name, expires_at=expires)
    return plaintext, record.id
