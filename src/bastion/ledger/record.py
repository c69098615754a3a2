"""What the ledger records of a request's declared purpose.

The row itself is built by the pipeline from the request's context
(``bastion.pipeline.records.ledger_row``).
"""

from __future__ import annotations

from collections.abc import Mapping

# A client says why it made a request; only the purposes listed are recorded.
PURPOSE_HEADER = "x-bastion-purpose"
PURPOSES = frozenset({"evaluation"})


def purpose_of(headers: Mapping[str, str]) -> str | None:
    """The request's declared purpose (``x-bastion-purpose``), None for ordinary traffic."""
    value = headers.get(PURPOSE_HEADER)
    if value is None:
        return None
    value = value.strip().lower()
    return value if value in PURPOSES else None
