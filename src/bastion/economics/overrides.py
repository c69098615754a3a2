"""The operator's price file: negotiated or corrected API prices that beat the bundled table.

```yaml
gpt-4o-mini:                       # model id as written in compare_with
  input: 0.15                      # $ per million input tokens
  cached_input: 0.075              # optional; absent means cached input costs the input rate
  output: 0.60
  provider: openai                 # optional, shown in reports
  effective_from: 2026-01-01       # optional; before it the next older entry (or table) applies
```

A model may also map to a list of such entries, one per price period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import Field, RootModel, ValidationError

from bastion.config.economics import Strict


class PriceOverrideError(Exception):
    """The override file cannot be read or does not have the documented shape."""


class _Entry(Strict):
    input: Annotated[Decimal, Field(ge=0)]
    cached_input: Annotated[Decimal, Field(ge=0)] | None = None
    output: Annotated[Decimal, Field(ge=0)]
    provider: str | None = None
    effective_from: date | None = None


class _File(RootModel[dict[str, _Entry | list[_Entry]]]):
    pass


@dataclass(frozen=True, slots=True)
class OverridePrice:
    model: str
    input_per_m: Decimal
    cached_input_per_m: Decimal | None
    output_per_m: Decimal
    provider: str | None
    effective_from: date | None


@dataclass(frozen=True, slots=True)
class PriceOverrides:
    source: str
    entries: dict[str, tuple[OverridePrice, ...]]

    def find(self, model: str, on: date) -> OverridePrice | None:
        """The entry for ``model`` in force on ``on``: the latest ``effective_from`` up to it."""
        candidates = [
            entry
            for entry in self.entries.get(model.lower(), ())
            if entry.effective_from is None or entry.effective_from <= on
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda e: e.effective_from or date.min)


def load_overrides(path: Path) -> PriceOverrides:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PriceOverrideError(f"{path}: cannot read price overrides: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise PriceOverrideError(f"{path}: invalid YAML: {exc}") from exc
    return parse_overrides(raw or {}, str(path))


def parse_overrides(raw: object, source: str) -> PriceOverrides:
    try:
        parsed = _File.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors(include_url=False)
        )
        raise PriceOverrideError(f"{source}: {problems}") from exc
    entries: dict[str, tuple[OverridePrice, ...]] = {}
    for model, value in parsed.root.items():
        periods = value if isinstance(value, list) else [value]
        starts = [p.effective_from for p in periods]
        if len(set(starts)) != len(starts):
            raise PriceOverrideError(f"{source}: {model}: two entries share one effective_from")
        entries[model.lower()] = tuple(
            OverridePrice(
                model=model,
                input_per_m=p.input,
                cached_input_per_m=p.cached_input,
                output_per_m=p.output,
                provider=p.provider,
                effective_from=p.effective_from,
            )
            for p in periods
        )
    return PriceOverrides(source=source, entries=entries)
