"""Reversible redaction: numbered placeholders, restored whole even when split in a stream."""

from __future__ import annotations

from bastion.guardrails.findings import Finding
from bastion.guardrails.placeholders import Placeholders, StreamRestorer


def test_the_same_value_gets_the_same_placeholder_and_comes_back() -> None:
    values = Placeholders()
    text = "mail ann@x.example, then bob@y.example, then ann@x.example"
    findings = [
        Finding("email", "pii", 5, 18),
        Finding("email", "pii", 25, 38),
        Finding("email", "pii", 45, 58),
    ]
    sent = values.replace(text, findings)
    assert sent == "mail [[EMAIL_1]], then [[EMAIL_2]], then [[EMAIL_1]]"
    assert values.restore("Wrote to [[EMAIL_2]] and [[EMAIL_1]].") == (
        "Wrote to bob@y.example and ann@x.example."
    )
    assert values.restore("[[EMAIL_9]] is unknown") == "[[EMAIL_9]] is unknown"


def test_placeholders_already_in_the_request_are_not_reused_for_new_values() -> None:
    """A stored conversation's earlier turns hold the placeholders they were sent with; a new
    value is numbered after them, so one placeholder never names two values to the model."""
    earlier = "Write to [[EMAIL_1]] and call [[PHONE_NUMBER_2]]."
    values = Placeholders([earlier, "no placeholder here"])
    sent = values.replace("Also cc carol@z.example", [Finding("email", "pii", 8, 23)])
    assert sent == "Also cc [[EMAIL_2]]"
    assert values.restore("[[EMAIL_1]] and [[EMAIL_2]]") == "[[EMAIL_1]] and carol@z.example"


def test_a_placeholder_split_across_pieces_is_restored() -> None:
    values = Placeholders()
    values.replace("card 4111111111111111", [Finding("credit_card", "pii", 5, 21)])
    answer = "Your card [[CREDIT_CARD_1]] is fine [ok]."
    for size in (1, 2, 5, 11):
        restorer = StreamRestorer(values)
        pieces = [answer[i : i + size] for i in range(0, len(answer), size)]
        out = "".join(restorer.feed(piece) for piece in pieces) + restorer.finish()
        assert out == "Your card 4111111111111111 is fine [ok].", size
