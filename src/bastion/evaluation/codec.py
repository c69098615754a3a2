"""The records of an evaluation run as JSON and back: for the database, the admin API and
files. Generic over the dataclasses of model.py, so a field added there is kept without a
change here (a field a stored record lacks takes its default)."""

from __future__ import annotations

import dataclasses
import types
import typing
from decimal import Decimal
from typing import Any, TypeVar

from bastion.evaluation.model import (
    Answer,
    Check,
    CheckOutcome,
    EarlyStopRule,
    EvalItem,
    ItemResult,
    RunSpec,
    ToolCall,
    Verdict,
)

T = TypeVar("T")
_RECORDS = (
    Answer,
    Check,
    CheckOutcome,
    EarlyStopRule,
    EvalItem,
    ItemResult,
    RunSpec,
    ToolCall,
    Verdict,
)


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses as objects, tuples and sets as arrays
    (sets sorted), Decimals as strings (money keeps its digits)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(plain(v) for v in value)
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def build(cls: type[T], data: Any) -> T:
    """The record of type ``cls`` from ``plain``'s output; unknown keys are ignored."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__} is stored as an object")
    hints = _hints(cls)
    kwargs = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in data:
            kwargs[field.name] = _convert(hints[field.name], data[field.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if hint in _RECORDS:
        return build(hint, value)
    if hint is Decimal:
        return Decimal(str(value))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if origin is frozenset:
        return frozenset(value)
    return value


def result_json(result: ItemResult) -> dict[str, Any]:
    data: dict[str, Any] = plain(result)
    return data


def result_of(data: dict[str, Any]) -> ItemResult:
    return build(ItemResult, data)


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    data: dict[str, Any] = plain(verdict)
    return data


def verdict_of(data: dict[str, Any]) -> Verdict:
    return build(Verdict, data)


def spec_json(spec: RunSpec) -> dict[str, Any]:
    data: dict[str, Any] = plain(spec)
    return data


def spec_of(data: dict[str, Any]) -> RunSpec:
    return build(RunSpec, data)


def item_json(item: EvalItem) -> dict[str, Any]:
    data: dict[str, Any] = plain(item)
    return data


def item_of(data: dict[str, Any]) -> EvalItem:
    return build(EvalItem, data)
