"""Evaluation datasets: JSON Lines files of items, loaded and validated line by line.

One item per line (the format is documented in docs/evaluation.md#datasets)::

    {"id": "capital-fr", "request": {"messages": [{"role": "user", "content": "Capital of
     France? One word."}]}, "checks": [{"kind": "exact", "expected": "Paris"}],
     "slices": {"task": "geography"}}

``request`` is a chat completions body (OpenAI) or a Messages body (Anthropic); without a
``request`` key the line itself is the body, with the item's own keys taken out. ``protocol``
says which, else it is told from the body: Messages has a top-level ``system``, content blocks
of type ``tool_use``/``tool_result``/``image`` with a ``source``, or ``stop_sequences``.
Every problem is reported with the line it is on, all of them at once.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bastion.evaluation.checks import validate_check
from bastion.evaluation.model import Check, EvalItem, Protocol

# The item's own keys; with no "request" key, everything else on the line is the request.
ITEM_KEYS = ("id", "protocol", "request", "checks", "slices", "classifications")
MAX_ID_CHARS = 200
MAX_SLICE_CHARS = 100
# Problems reported before the loader stops reading (a file of the wrong shape says so fast).
MAX_PROBLEMS = 50
_ANTHROPIC_BLOCKS = frozenset({"tool_use", "tool_result", "thinking", "document"})
_OPENAI_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
_ANTHROPIC_ROLES = frozenset({"user", "assistant"})


@dataclass(frozen=True, slots=True)
class DatasetProblem:
    line: int
    message: str

    def render(self, source: str) -> str:
        return f"{source}:{self.line}: {self.message}"


class DatasetError(Exception):
    """A dataset that cannot be used; ``problems`` names each line at fault."""

    def __init__(self, source: str, problems: list[DatasetProblem]) -> None:
        self.source = source
        self.problems = problems
        shown = "\n".join("  " + p.render(source) for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s)\n{shown}")


@dataclass(frozen=True, slots=True)
class Dataset:
    source: str
    sha256: str
    items: tuple[EvalItem, ...]


def load_dataset(path: str | Path) -> Dataset:
    """Reads and validates a JSONL dataset; raises DatasetError (every problem, by line) or
    OSError when the file cannot be read."""
    data = Path(path).read_bytes()
    return parse_dataset(data, str(path))


def parse_dataset(data: bytes, source: str = "<dataset>") -> Dataset:
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # The decoder counts its offset after the byte order mark it skipped.
        body = data.removeprefix(codecs.BOM_UTF8)
        line = body[: exc.start].count(b"\n") + 1
        raise DatasetError(source, [DatasetProblem(line, "the file is not UTF-8")]) from None
    return Dataset(source, digest, tuple(parse_lines(text.splitlines(), source)))


def parse_lines(lines: Iterable[str], source: str = "<dataset>") -> list[EvalItem]:
    items: list[EvalItem] = []
    problems: list[DatasetProblem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            problems.append(DatasetProblem(number, f"not JSON: {exc}"))
        else:
            try:
                item = parse_item(raw)
            except ValueError as exc:
                problems.append(DatasetProblem(number, str(exc)))
            else:
                first = seen.get(item.id)
                if first is not None:
                    problems.append(
                        DatasetProblem(number, f"id {item.id!r} is used on line {first} already")
                    )
                else:
                    seen[item.id] = number
                    items.append(item)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise DatasetError(source, problems)
    if not items:
        raise DatasetError(source, [DatasetProblem(1, "the dataset has no items")])
    return items


def parse_item(raw: Any) -> EvalItem:
    """One line's item; ValueError says what is wrong, naming the field."""
    if not isinstance(raw, dict):
        raise ValueError(f"an item is a JSON object, not {type(raw).__name__}")
    if "request" in raw:
        unknown = sorted(set(raw) - set(ITEM_KEYS))
        if unknown:
            raise ValueError(
                f"unknown field {unknown[0]!r} beside 'request' (known: {', '.join(ITEM_KEYS)})"
            )
        request = raw["request"]
        if not isinstance(request, dict):
            raise ValueError("request must be a JSON object (a chat or Messages request body)")
    else:
        request = {k: v for k, v in raw.items() if k not in ITEM_KEYS}
    request = dict(request)
    protocol = _protocol(raw.get("protocol"), request)
    _check_request(request, protocol)
    item_id = _item_id(raw.get("id"), protocol, request)
    return EvalItem(
        id=item_id,
        protocol=protocol,
        request=request,
        checks=_checks(raw.get("checks")),
        slices=_slices(raw.get("slices")),
        classifications=_classifications(raw.get("classifications")),
    )


def _protocol(declared: Any, request: Mapping[str, Any]) -> Protocol:
    if declared is not None:
        if declared not in ("openai", "anthropic"):
            raise ValueError(f"protocol must be 'openai' or 'anthropic', not {declared!r}")
        return "anthropic" if declared == "anthropic" else "openai"
    return "anthropic" if _looks_anthropic(request) else "openai"


def _looks_anthropic(request: Mapping[str, Any]) -> bool:
    if "system" in request or "stop_sequences" in request:
        return True
    for message in request.get("messages") or []:
        content = message.get("content") if isinstance(message, dict) else None
        for block in content if isinstance(content, list) else []:
            if not isinstance(block, dict):
                continue
            kind = block.get("type")
            if kind in _ANTHROPIC_BLOCKS or (kind == "image" and "source" in block):
                return True
    return False


def _check_request(request: dict[str, Any], protocol: Protocol) -> None:
    messages = request.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ValueError("request.messages must be a non-empty list")
    roles = _ANTHROPIC_ROLES if protocol == "anthropic" else _OPENAI_ROLES
    for index, message in enumerate(messages):
        if not isinstance(message, dict):
            raise ValueError(f"request.messages[{index}] is not an object")
        role = message.get("role")
        if role not in roles:
            raise ValueError(
                f"request.messages[{index}].role is {role!r}; {protocol} requests use "
                f"{', '.join(sorted(roles))}"
            )
        content = message.get("content")
        if not isinstance(content, str | list) and not (
            content is None and role == "assistant" and message.get("tool_calls")
        ):
            raise ValueError(f"request.messages[{index}].content must be text or a list of parts")
    for name in ("stream", "stream_options"):
        request.pop(name, None)  # the runner streams every request itself
    model = request.pop("model", None)
    if model is not None and not isinstance(model, str):
        raise ValueError("request.model, when given, is a string (it is replaced by the target)")


def _item_id(raw: Any, protocol: Protocol, request: Mapping[str, Any]) -> str:
    if raw is None:
        # Derived from the content, so it is the same in every run of the same dataset.
        canonical = json.dumps([protocol, request], sort_keys=True, ensure_ascii=False)
        return "sha-" + hashlib.sha256(canonical.encode()).hexdigest()[:16]
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise ValueError("id must be a string or an integer")
    item_id = str(raw)
    if not item_id.strip() or len(item_id) > MAX_ID_CHARS or "\x00" in item_id:
        raise ValueError(f"id must be 1 to {MAX_ID_CHARS} characters of text")
    return item_id


def _checks(raw: Any) -> tuple[Check, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValueError("checks must be a list of objects, each with a 'kind'")
    checks = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
            raise ValueError(f"checks[{index}] must be an object with a 'kind'")
        params = {k: v for k, v in entry.items() if k != "kind"}
        check = Check(entry["kind"], params)
        try:
            validate_check(check)
        except ValueError as exc:
            raise ValueError(f"checks[{index}] ({entry['kind']}): {exc}") from None
        checks.append(check)
    return tuple(checks)


def _slices(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError("slices must be an object of names to values")
    slices: dict[str, str] = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(f"slices.{name} must be a string or a number")
        text = str(value)
        if len(name) > MAX_SLICE_CHARS or len(text) > MAX_SLICE_CHARS:
            raise ValueError(f"slices.{name}: names and values are at most 100 characters")
        slices[name] = text
    return slices


def _classifications(raw: Any) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        raise ValueError('classifications must be a list of data classes (e.g. ["pii"])')
    return frozenset(c.strip().lower() for c in raw)


def item_line(item: EvalItem) -> dict[str, Any]:
    """The JSON object of ``item`` as a dataset line, read back by ``parse_item`` unchanged."""
    line: dict[str, Any] = {"id": item.id, "protocol": item.protocol, "request": item.request}
    if item.checks:
        line["checks"] = [{"kind": c.kind, **c.params} for c in item.checks]
    if item.slices:
        line["slices"] = dict(item.slices)
    if item.classifications:
        line["classifications"] = sorted(item.classifications)
    return line


def write_dataset(items: Iterable[EvalItem], path: str | Path) -> str:
    """Writes ``items`` as JSONL; returns the file's SHA-256."""
    data = b"".join(
        json.dumps(item_line(item), ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        for item in items
    )
    Path(path).write_bytes(data)
    return hashlib.sha256(data).hexdigest()
