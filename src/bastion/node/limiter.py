"""Tenant limits and budgets kept once per node, in the supervisor (see ``server``)."""

from __future__ import annotations

from bastion.admission.limiter import (
    CurrentUse,
    Grant,
    LimiterUnavailableError,
    Limits,
    Refusal,
    admission_unavailable,
)
from bastion.node.client import NodeClient, NodeUnavailableError


class NodeLimiter:
    """The ``Limiter`` of a worker: every check and reservation is made by the supervisor."""

    def __init__(self, client: NodeClient) -> None:
        self._client = client

    async def admit(
        self,
        checks: list[tuple[str, Limits]],
        tokens: int,
        cost: int = 0,
        *,
        group: str | None = None,
    ) -> Grant | Refusal:
        try:
            answer = await self._client.call("admit", checks, tokens, cost)
        except NodeUnavailableError:
            raise admission_unavailable() from None
        if answer[0] == "refusal":
            refusal: Refusal = answer[1]
            return refusal
        _, lease, at, periods, requests, token_budget = answer
        grant = Grant(checks, tokens, at, cost, requests, token_budget, lease=str(lease))
        grant.periods = periods
        return grant

    async def settle(
        self, grant: Grant, actual_tokens: int, actual_cost: int | None = None
    ) -> None:
        if grant.settled or grant.lease is None:
            return
        grant.settled = True
        self._client.send("settle", int(grant.lease), actual_tokens, actual_cost)

    async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
        try:
            use: CurrentUse = await self._client.call("current_use", scope)
        except NodeUnavailableError as exc:
            raise LimiterUnavailableError(str(exc)) from None
        return use

    async def close(self) -> None:
        return None
