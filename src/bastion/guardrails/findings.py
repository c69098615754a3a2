"""What a scan finds: a typed span of text, and the data class it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Data classes, as routing rules and policies name them (routing.local_only lists them).
Category = Literal["pii", "secret", "phi"]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "email", "credit_card", "iban", "aws_access_key", ...
    category: Category
    start: int  # character offsets in the scanned text, end exclusive
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]
