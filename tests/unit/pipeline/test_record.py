"""Which audit records the record stage writes: a completion or an abort after an intent; one
outcome for a request answered before any backend, however it ended."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from bastion.audit.chain import AuditEntry
from bastion.auth import Principal
from bastion.journal.writer import Ticket
from bastion.pipeline.context import Reply, RequestContext, ResponseLog
from bastion.pipeline.records import answer_entry, ledger_row, outcome_entry
from bastion.pipeline.stages.record import Record
from bastion.protocols.errors import GatewayError, model_not_found
from bastion.protocols.operations import Operation

PRINCIPAL = Principal("ten_1", "acme", "key_1", "app", is_admin=False, scopes=frozenset())


class FakeJournal:
    def __init__(self) -> None:
        self.enqueued: list[Sequence[AuditEntry]] = []
        self.submitted: list[Sequence[AuditEntry]] = []

    def enqueue(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry]) -> Ticket:
        self.enqueued.append(audit)
        return Ticket(ledger, audit, None, taken=True)

    async def wait(self, ticket: Ticket) -> None:
        return None

    def submit(self, ledger: Mapping[str, Any] | None, audit: Sequence[AuditEntry]) -> None:
        self.submitted.append(audit)


def request(
    *, intent: bool, answered_by: str = "", mode: str | None = "metadata"
) -> RequestContext:
    ctx = RequestContext("req_1", Operation.CHAT, {}, b'{"model": "m"}', principal=PRINCIPAL)
    ctx.audit_mode = mode
    ctx.response_log = ResponseLog(0)
    ctx.audit_intent = intent
    ctx.answered_by = answered_by
    return ctx


def kinds(entries: Sequence[AuditEntry]) -> list[tuple[str, dict[str, Any]]]:
    return [(entry.kind, orjson.loads(entry.payload)) for entry in entries]


async def test_a_request_sent_to_a_backend_is_completed_after_its_intent() -> None:
    journal = FakeJournal()
    ctx = request(intent=True, answered_by="respond")
    ctx.reply = Reply(200, b"{}")
    await Record(journal, ledger=True).on_seal(ctx)  # type: ignore[arg-type]
    assert [kind for kind, _ in kinds(journal.enqueued[0])] == ["completion"]


async def test_a_refusal_gets_one_outcome_record_at_seal() -> None:
    journal = FakeJournal()
    ctx = request(intent=False, answered_by="admit")
    ctx.fail(GatewayError(429, "Rate limit reached.", code="rate_limit_exceeded"))
    await Record(journal, ledger=True).on_seal(ctx)  # type: ignore[arg-type]
    [(kind, payload)] = kinds(journal.enqueued[0])
    assert kind == "outcome"
    assert (payload["decision"], payload["reason"], payload["status"]) == (
        "refused",
        "rate_limit_exceeded",
        429,
    )


async def test_a_client_that_leaves_before_any_backend_gets_one_outcome_record() -> None:
    journal = FakeJournal()
    ctx = request(intent=False)  # waiting in the queue, say, when it left
    ctx.outcome = "client_disconnected"
    await Record(journal, ledger=True).on_complete(ctx)  # type: ignore[arg-type]
    [(kind, payload)] = kinds(journal.submitted[0])
    assert (kind, payload["decision"], payload["outcome"]) == (
        "outcome",
        "abandoned",
        "client_disconnected",
    )


async def test_a_client_that_leaves_after_its_outcome_was_handed_over_gets_an_abort() -> None:
    journal = FakeJournal()
    ctx = request(intent=False, answered_by="cache")
    ctx.cache_status = "hit"
    ctx.reply = Reply(200, b"{}")
    ctx.sealed_records = Ticket(None, (), None, taken=True)  # the seal's outcome is landing
    ctx.outcome = "client_disconnected"
    await Record(journal, ledger=True).on_complete(ctx)  # type: ignore[arg-type]
    assert [kind for kind, _ in kinds(journal.submitted[0])] == ["abort"]


async def test_without_auditing_only_the_ledger_is_written() -> None:
    journal = FakeJournal()
    ctx = request(intent=False, answered_by="cache", mode=None)
    ctx.reply = Reply(200, b"{}")
    await Record(journal, ledger=True).on_seal(ctx)  # type: ignore[arg-type]
    assert journal.enqueued == [[]]


def test_names_a_client_chose_are_cut_in_the_audit_as_in_the_ledger() -> None:
    """An unknown model of a megabyte: its outcome record names it as its ledger row does (200
    characters), and the error message quoting it is cut too, so a request cannot write
    megabytes of audit payload in ``metadata`` capture."""
    ctx = request(intent=False, answered_by="route")
    ctx.model = "m" * 1_048_576
    ctx.fail(model_not_found(ctx.model))
    [(_, payload)] = kinds([answer_entry(ctx, 65_536)])
    row = ledger_row(ctx, datetime.now(UTC))
    assert payload["model"] == row["model"] == "m" * 200
    assert payload["error"] == (
        f"The model '{'m' * 200}\u2026' does not exist or you do not have access to it."
    )
    assert len(orjson.dumps(payload)) < 2_000


def test_an_error_message_is_kept_to_a_bound_whatever_it_quotes() -> None:
    ctx = request(intent=True, answered_by="respond")
    ctx.fail(GatewayError(400, "Unsupported message role '" + "r" * 100_000 + "'."))
    [(_, payload)] = kinds([outcome_entry(ctx, "completion")])
    assert len(payload["error"]) == 1000
    assert payload["error"].startswith("Unsupported message role 'rrr")
    assert payload["error"].endswith("r\u2026")


def test_the_access_log_and_the_trace_name_a_long_model_as_the_ledger_does() -> None:
    from bastion.pipeline.records import traced_request
    from bastion.pipeline.stages.account import _access_fields

    ctx = request(intent=False, answered_by="route")
    ctx.model = "m" * 1_048_576
    assert _access_fields(ctx, ctx.started)["model"] == "m" * 200
    assert traced_request(ctx).model == "m" * 200
