"""What stages tell later stages travels in named, typed fields of the request context."""

from __future__ import annotations

import pytest

from bastion.pipeline.context import RequestContext
from bastion.protocols.operations import Operation


def context() -> RequestContext:
    return RequestContext("req_1", Operation.CHAT, {}, b"{}")


def test_a_misspelt_decision_is_refused_rather_than_lost() -> None:
    """A stage that writes a decision under a wrong name fails at once: nothing reads a
    dictionary key nobody set and carries on as if the data were clean."""
    ctx = context()
    with pytest.raises(AttributeError):
        ctx.sensitve_found = True  # type: ignore[attr-defined]
    assert not hasattr(ctx, "extra")


def test_decisions_start_unset() -> None:
    ctx = context()
    assert ctx.sensitive_found is False
    assert ctx.anthropic_beta is False
    assert ctx.injection_score is None
    assert ctx.cache_pending is None
    assert ctx.responses_turn is None and ctx.responses_not_stored is False
    assert not ctx.answer_rewritten
    ctx.output_action = "redact"
    assert ctx.answer_rewritten
