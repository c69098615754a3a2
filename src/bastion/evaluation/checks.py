"""The deterministic checks of an answer, and what they make of it (an ItemResult).

Each check kind validates its parameters when the dataset is loaded (``validate_check``, a
ValueError naming the parameter) and judges an answer into a CheckOutcome whose detail says
why it failed. Some failures are *format violations* — a structured answer was asked for and
the answer is not one: text that is not JSON or breaks the schema, no tool call or arguments
that are not JSON, an answer that is not one of the labels. An answer that declines the task
is flagged as a refusal whatever its checks (see refusal.py). The semantics of every kind are
in docs/evaluation.md#checks.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from bastion.evaluation.model import Answer, Check, CheckOutcome, EvalItem, ItemResult
from bastion.evaluation.refusal import is_refusal

KINDS = (
    "exact",
    "regex",
    "json_schema",
    "contains_all",
    "label",
    "tool_call",
    "refusal",
    "length",
)

# Characters stripped from the end of an answer by the ``exact`` and ``label`` normalisation.
TRAILING_PUNCTUATION = ".!?;:,\u3002\uff01\uff1f\uff1b\uff1a\u3001\u2026"
# Pairs that may wrap a whole answer ("**Paris**", "`42`", "'yes'").
_WRAPPERS = (("**", "**"), ("__", "__"), ("`", "`"), ('"', '"'), ("'", "'"), ("*", "*"))
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)
_SPACES = re.compile(r"\s+")
_FENCE = re.compile(r"^```[A-Za-z0-9_-]*[ \t]*\n(.*?)\n?```$", re.DOTALL)
# A number as people write it: sign, digits grouped by ",", "_", " " or a thin space, a decimal
# point or a decimal comma, an exponent.
_NUMBER = re.compile(
    r"^[+-]?(?:\d{1,3}(?:([,_ \u2009\u202f])\d{3})(?:\1\d{3})*|\d+)(?:[.,]\d+)?(?:e[+-]?\d+)?$"
)
# Chinese and Japanese are written without spaces: each character counts as a word there.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
_LENGTH_LIMITS = ("min_chars", "max_chars", "min_words", "max_words", "min_tokens", "max_tokens")


@dataclass(frozen=True, slots=True)
class _Judged:
    passed: bool
    detail: str = ""
    format_violation: bool = False


# Normalisation


def normalise(text: str, *, case_sensitive: bool = False, punctuation: bool = True) -> str:
    """Unicode NFKC, typographic quotes made ASCII, whitespace collapsed and trimmed, case
    folded (unless ``case_sensitive``); with ``punctuation``, also wrappers around the whole
    text (``**…**``, backticks, quotes) and trailing punctuation removed."""
    value = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    value = _SPACES.sub(" ", value).strip()
    if not case_sensitive:
        value = value.casefold()
    if punctuation:
        changed = True
        while changed and value:
            changed = False
            stripped = value.rstrip(TRAILING_PUNCTUATION).rstrip()
            if stripped != value:
                value, changed = stripped, True
            for opening, closing in _WRAPPERS:
                if (
                    len(value) > len(opening) + len(closing)
                    and value.startswith(opening)
                    and value.endswith(closing)
                ):
                    value, changed = value[len(opening) : -len(closing)].strip(), True
                    break
    return value


def parse_number(text: str) -> Decimal | None:
    """A number written as people write it (``1,234.5``, ``1 234,5``, ``-3e2``), else None."""
    value = unicodedata.normalize("NFKC", text).strip().rstrip(TRAILING_PUNCTUATION).strip()
    value = value.casefold()
    match = _NUMBER.match(value)
    if match is None:
        return None
    separator = match.group(1)
    if separator:
        value = value.replace(separator, "")
    if "," in value:
        value = value.replace(",", ".")  # a decimal comma (a grouping comma was removed)
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return Decimal(str(value))
    return None


def _close(actual: Decimal, expected: Decimal, tolerance: Decimal, relative: Decimal) -> bool:
    allowed = max(tolerance, relative * abs(expected))
    return abs(actual - expected) <= allowed


def _show(value: Any, limit: int = 80) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = repr(text) if isinstance(value, str) else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Parameter validation (at load time)


def validate_check(check: Check) -> None:
    """Raises ValueError naming what is wrong with ``check``'s parameters."""
    validator = _VALIDATORS.get(check.kind)
    if validator is None:
        raise ValueError(f"unknown check kind {check.kind!r} (known: {', '.join(KINDS)})")
    validator(check.params)


def _allowed(params: Mapping[str, Any], *names: str) -> None:
    unknown = sorted(set(params) - set(names))
    if unknown:
        raise ValueError(
            f"unknown parameter {unknown[0]!r} (allowed: {', '.join(names) or 'none'})"
        )


def _bool_param(params: Mapping[str, Any], name: str) -> None:
    if name in params and not isinstance(params[name], bool):
        raise ValueError(f"{name} must be true or false")


def _tolerances(params: Mapping[str, Any]) -> None:
    for name in ("tolerance", "relative_tolerance"):
        if name in params:
            value = params[name]
            if _number(value) is None or value < 0:
                raise ValueError(f"{name} must be a number of at least 0")


def _validate_exact(params: Mapping[str, Any]) -> None:
    _allowed(params, "expected", "case_sensitive", "tolerance", "relative_tolerance")
    if "expected" not in params:
        raise ValueError("exact needs 'expected' (a string, a number, or a list of them)")
    expected = params["expected"]
    options = expected if isinstance(expected, list) else [expected]
    if not options:
        raise ValueError("expected must not be an empty list")
    for option in options:
        if isinstance(option, bool) or not isinstance(option, str | int | float):
            raise ValueError(f"expected values are strings or numbers, not {_show(option)}")
        if isinstance(option, float) and not math.isfinite(option):
            raise ValueError("expected numbers must be finite")
    _bool_param(params, "case_sensitive")
    _tolerances(params)


def _compile(params: Mapping[str, Any]) -> re.Pattern[str]:
    flags = 0
    for letter in params.get("flags", ""):
        flags |= _FLAGS[letter]
    return re.compile(params["pattern"], flags)


def _validate_regex(params: Mapping[str, Any]) -> None:
    _allowed(params, "pattern", "flags", "full", "negate")
    pattern = params.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise ValueError("regex needs 'pattern', a non-empty string")
    flags = params.get("flags", "")
    if not isinstance(flags, str) or set(flags) - set(_FLAGS):
        raise ValueError(f"flags is a string of {', '.join(_FLAGS)}")
    _bool_param(params, "full")
    _bool_param(params, "negate")
    try:
        _compile(params)
    except re.error as exc:
        raise ValueError(f"pattern does not compile: {exc}") from None


def _validate_pointer(pointer: Any) -> None:
    if not isinstance(pointer, str) or (pointer and not pointer.startswith("/")):
        raise ValueError(f'{_show(pointer)} is not a JSON pointer ("" or "/a/0")')


def _validate_json_schema(params: Mapping[str, Any]) -> None:
    _allowed(params, "schema", "values", "tolerance", "allow_fence")
    schema = params.get("schema")
    if schema is not None:
        if not isinstance(schema, dict | bool):
            raise ValueError("schema must be a JSON Schema (an object)")
        from jsonschema import exceptions, validators  # type: ignore[import-untyped]

        try:
            validators.validator_for(schema).check_schema(schema)
        except exceptions.SchemaError as exc:
            raise ValueError(f"schema is not a valid JSON Schema: {exc.message}") from None
    values = params.get("values", {})
    if not isinstance(values, dict):
        raise ValueError("values maps JSON pointers to expected values")
    for pointer in values:
        _validate_pointer(pointer)
    _tolerances(params)
    _bool_param(params, "allow_fence")


def _validate_contains_all(params: Mapping[str, Any]) -> None:
    _allowed(params, "items", "case_sensitive")
    items = params.get("items")
    if not isinstance(items, list) or not items:
        raise ValueError("contains_all needs 'items', a non-empty list")
    for item in items:
        options = item if isinstance(item, list) else [item]
        if not options or not all(isinstance(o, str) and o.strip() for o in options):
            raise ValueError(
                "each item is a non-empty string or a non-empty list of alternative strings"
            )
    _bool_param(params, "case_sensitive")


def _validate_label(params: Mapping[str, Any]) -> None:
    _allowed(params, "labels", "expected", "case_sensitive")
    labels = params.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        raise ValueError("label needs 'labels', a non-empty list of strings")
    _bool_param(params, "case_sensitive")
    case_sensitive = bool(params.get("case_sensitive", False))
    known = {normalise(x, case_sensitive=case_sensitive) for x in labels}
    expected = params.get("expected")
    if expected is not None:
        options = expected if isinstance(expected, list) else [expected]
        for option in options:
            if not isinstance(option, str):
                raise ValueError("expected is a label or a list of labels")
            if normalise(option, case_sensitive=case_sensitive) not in known:
                raise ValueError(f"expected label {option!r} is not among the labels")


def _validate_tool_call(params: Mapping[str, Any]) -> None:
    _allowed(params, "name", "arguments", "tolerance")
    if not isinstance(params.get("name"), str) or not params["name"]:
        raise ValueError("tool_call needs 'name', the tool's name")
    if "arguments" in params and not isinstance(params["arguments"], dict):
        raise ValueError("arguments is an object: the arguments the call must include")
    _tolerances(params)


def _validate_refusal(params: Mapping[str, Any]) -> None:
    _allowed(params, "expected")
    _bool_param(params, "expected")


def _validate_length(params: Mapping[str, Any]) -> None:
    _allowed(params, *_LENGTH_LIMITS)
    if not any(name in params for name in _LENGTH_LIMITS):
        raise ValueError(f"length needs at least one of {', '.join(_LENGTH_LIMITS)}")
    for name in _LENGTH_LIMITS:
        value = params.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"{name} must be a whole number")
        if value is not None and value < 0:
            raise ValueError(f"{name} must be at least 0")
    for unit in ("chars", "words", "tokens"):
        low, high = params.get(f"min_{unit}"), params.get(f"max_{unit}")
        if low is not None and high is not None and low > high:
            raise ValueError(f"min_{unit} is above max_{unit}")


_VALIDATORS: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "exact": _validate_exact,
    "regex": _validate_regex,
    "json_schema": _validate_json_schema,
    "contains_all": _validate_contains_all,
    "label": _validate_label,
    "tool_call": _validate_tool_call,
    "refusal": _validate_refusal,
    "length": _validate_length,
}


# The checks


def _exact(params: Mapping[str, Any], answer: Answer) -> _Judged:
    text = answer.text or ""
    expected = params["expected"]
    options = expected if isinstance(expected, list) else [expected]
    case_sensitive = bool(params.get("case_sensitive", False))
    tolerance = Decimal(str(params.get("tolerance", 0)))
    relative = Decimal(str(params.get("relative_tolerance", 0)))
    said = normalise(text, case_sensitive=case_sensitive)
    number = parse_number(text)
    for option in options:
        if isinstance(option, str):
            if said == normalise(option, case_sensitive=case_sensitive):
                return _Judged(True)
        elif number is not None and _close(number, Decimal(str(option)), tolerance, relative):
            return _Judged(True)
    shown = " or ".join(_show(o) for o in options)
    if all(not isinstance(o, str) for o in options) and number is None:
        return _Judged(False, f"expected the number {shown}; the answer is not a number: "
                              f"{_show(text)}")  # fmt: skip
    if number is not None and any(not isinstance(o, str) for o in options):
        allowed = f" (tolerance {tolerance}, relative {relative})" if tolerance or relative else ""
        return _Judged(False, f"expected {shown}{allowed}, got {number}")
    return _Judged(False, f"expected {shown}, got {_show(said)} after normalisation")


def _regex(params: Mapping[str, Any], answer: Answer) -> _Judged:
    text = answer.text or ""
    pattern = _compile(params)
    full = bool(params.get("full", False))
    matched = (pattern.fullmatch(text) if full else pattern.search(text)) is not None
    if bool(params.get("negate", False)):
        if matched:
            return _Judged(False, f"the answer matches {params['pattern']!r}, which it must not")
        return _Judged(True)
    if matched:
        return _Judged(True)
    how = "match as a whole" if full else "contain a match of"
    return _Judged(False, f"the answer does not {how} {params['pattern']!r}: {_show(text)}")


def _json_document(text: str, allow_fence: bool) -> tuple[Any, str | None]:
    """The answer's JSON, or the reason it has none."""
    body = text.strip()
    if allow_fence:
        fenced = _FENCE.match(body)
        if fenced is not None:
            body = fenced.group(1).strip()
    if not body:
        return None, "the answer is empty, not JSON"

    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(body, parse_constant=constant), None
    except (ValueError, RecursionError) as exc:
        return None, f"the answer is not JSON ({exc}): {_show(body)}"


def resolve_pointer(document: Any, pointer: str) -> tuple[bool, Any]:
    """RFC 6901: (found, value)."""
    if pointer == "":
        return True, document
    current = document
    for raw in pointer[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict):
            if token not in current:
                return False, None
            current = current[token]
        elif isinstance(current, list):
            if not token.isdigit() or (len(token) > 1 and token.startswith("0")):
                return False, None
            index = int(token)
            if index >= len(current):
                return False, None
            current = current[index]
        else:
            return False, None
    return True, current


def json_equal(actual: Any, expected: Any, tolerance: Decimal = Decimal(0)) -> bool:
    """JSON equality where 1 and 1.0 are equal (within ``tolerance``) and true is not 1."""
    actual_number, expected_number = _number(actual), _number(expected)
    if actual_number is not None and expected_number is not None:
        return abs(actual_number - expected_number) <= tolerance
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(json_equal(actual[k], v, tolerance) for k, v in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(json_equal(a, e, tolerance) for a, e in zip(actual, expected, strict=True))
        )
    return type(actual) is type(expected) and bool(actual == expected)


def _json_schema(params: Mapping[str, Any], answer: Answer) -> _Judged:
    document, problem = _json_document(answer.text or "", bool(params.get("allow_fence", True)))
    if problem is not None:
        return _Judged(False, problem, format_violation=True)
    schema = params.get("schema")
    if schema is not None:
        from jsonschema import exceptions, validators

        validator = validators.validator_for(schema)(schema)
        error = exceptions.best_match(validator.iter_errors(document))
        if error is not None:
            where = "/" + "/".join(str(part) for part in error.absolute_path)
            return _Judged(False, f"the JSON breaks the schema at {where}: {error.message}", True)
    tolerance = Decimal(str(params.get("tolerance", 0)))
    for pointer, expected in (params.get("values") or {}).items():
        found, actual = resolve_pointer(document, pointer)
        if not found:
            return _Judged(False, f"nothing at {pointer or '(root)'} (expected {_show(expected)})")
        if not json_equal(actual, expected, tolerance):
            return _Judged(
                False, f"at {pointer or '(root)'}: expected {_show(expected)}, got {_show(actual)}"
            )
    return _Judged(True)


def _contains_all(params: Mapping[str, Any], answer: Answer) -> _Judged:
    case_sensitive = bool(params.get("case_sensitive", False))
    said = normalise(answer.text or "", case_sensitive=case_sensitive, punctuation=False)
    missing = []
    for item in params["items"]:
        options = item if isinstance(item, list) else [item]
        wanted = [normalise(o, case_sensitive=case_sensitive, punctuation=False) for o in options]
        if not any(option in said for option in wanted):
            missing.append(" or ".join(repr(o) for o in options))
    if missing:
        return _Judged(False, f"missing {len(missing)} of {len(params['items'])}: "
                              + "; ".join(missing))  # fmt: skip
    return _Judged(True)


def _label(params: Mapping[str, Any], answer: Answer) -> _Judged:
    case_sensitive = bool(params.get("case_sensitive", False))
    labels = {normalise(x, case_sensitive=case_sensitive): x for x in params["labels"]}
    said = normalise(answer.text or "", case_sensitive=case_sensitive)
    if said not in labels:
        return _Judged(
            False,
            f"the answer {_show(said)} is not one of the labels ({', '.join(params['labels'])})",
            format_violation=True,
        )
    expected = params.get("expected")
    if expected is None:
        return _Judged(True)
    options = expected if isinstance(expected, list) else [expected]
    if said in {normalise(o, case_sensitive=case_sensitive) for o in options}:
        return _Judged(True)
    return _Judged(False, f"expected {' or '.join(options)}, got {labels[said]}")


def subset_mismatch(
    actual: Any, expected: Any, path: str = "", tolerance: Decimal = Decimal(0)
) -> str | None:
    """Where ``actual`` fails to include ``expected`` (objects: every expected key, recursively;
    arrays: the same length, element by element; other values: equal), or None."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path or '(arguments)'} is {_show(actual)}, not an object"
        for key, value in expected.items():
            where = f"{path}.{key}" if path else key
            if key not in actual:
                return f"{where} is missing"
            problem = subset_mismatch(actual[key], value, where, tolerance)
            if problem is not None:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path} is {_show(actual)}, expected {_show(expected)}"
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            problem = subset_mismatch(got, want, f"{path}[{index}]", tolerance)
            if problem is not None:
                return problem
        return None
    if not json_equal(actual, expected, tolerance):
        return f"{path} is {_show(actual)}, expected {_show(expected)}"
    return None


def _tool_call(params: Mapping[str, Any], answer: Answer) -> _Judged:
    name = params["name"]
    if not answer.tool_calls:
        return _Judged(False, f"no tool call (expected {name}); the answer is text: "
                              f"{_show(answer.text or '')}", True)  # fmt: skip
    called = [call for call in answer.tool_calls if call.name == name]
    if not called:
        names = ", ".join(call.name for call in answer.tool_calls)
        return _Judged(False, f"called {names}, not {name}")
    expected = params.get("arguments")
    tolerance = Decimal(str(params.get("tolerance", 0)))
    problems: list[str] = []
    violation = False
    for call in called:
        try:
            arguments = json.loads(call.arguments) if call.arguments.strip() else {}
        except ValueError:
            violation = True
            problems.append(f"arguments are not JSON: {_show(call.arguments)}")
            continue
        if not isinstance(arguments, dict):
            violation = True
            problems.append(f"arguments are {_show(arguments)}, not an object")
            continue
        if expected is None:
            return _Judged(True)
        problem = subset_mismatch(arguments, expected, "", tolerance)
        if problem is None:
            return _Judged(True)
        problems.append(problem)
    return _Judged(False, f"{name}: " + "; ".join(problems), violation)


def _refusal(params: Mapping[str, Any], answer: Answer) -> _Judged:
    expected = bool(params.get("expected", False))
    refused = is_refusal(answer.text, answer.finish_reason)
    if refused == expected:
        return _Judged(True)
    if refused:
        return _Judged(False, f"the answer refuses: {_show(answer.text or '')}")
    return _Judged(False, f"a refusal was expected; the answer complies: "
                          f"{_show(answer.text or '')}")  # fmt: skip


def count_words(text: str) -> int:
    """Runs of letters and digits; each Chinese character and kana counts as a word (Korean
    is written with spaces between words, and counted by them)."""
    return len(_WORD.findall(text))


def _length(params: Mapping[str, Any], answer: Answer) -> _Judged:
    text = (answer.text or "").strip()
    measures = {"chars": len(text), "words": count_words(text), "tokens": answer.output_tokens}
    for unit, value in measures.items():
        low, high = params.get(f"min_{unit}"), params.get(f"max_{unit}")
        if low is None and high is None:
            continue
        if unit == "tokens" and answer.output_tokens <= 0:
            return _Judged(False, "the answer has no output token count to compare")
        if low is not None and value < low:
            return _Judged(False, f"{value} {unit}, below the minimum of {low}")
        if high is not None and value > high:
            return _Judged(False, f"{value} {unit}, above the maximum of {high}")
    return _Judged(True)


_CHECKS: dict[str, Callable[[Mapping[str, Any], Answer], _Judged]] = {
    "exact": _exact,
    "regex": _regex,
    "json_schema": _json_schema,
    "contains_all": _contains_all,
    "label": _label,
    "tool_call": _tool_call,
    "refusal": _refusal,
    "length": _length,
}


def run_check(check: Check, answer: Answer) -> tuple[CheckOutcome, bool]:
    """The outcome of one check, and whether it found a format violation."""
    if answer.error is not None:
        return CheckOutcome(check.kind, False, f"no answer: {answer.error}"), False
    try:
        judged = _CHECKS[check.kind](check.params, answer)
    except Exception as exc:  # a check must never stop a run: it fails, saying why
        return CheckOutcome(check.kind, False, f"the check failed: {exc}"), False
    return CheckOutcome(check.kind, judged.passed, judged.detail), judged.format_violation


def structure_violation(request: Mapping[str, Any], answer: Answer) -> str | None:
    """The request asked for structure the answer lacks, checks or not: JSON through
    ``response_format`` (chat), a forced tool call through ``tool_choice`` (both protocols)."""
    if answer.error is not None:
        return None
    response_format = request.get("response_format")
    if isinstance(response_format, dict) and response_format.get("type") in (
        "json_object",
        "json_schema",
    ):
        _, problem = _json_document(answer.text or "", allow_fence=True)
        if problem is not None and not answer.tool_calls:
            return problem
    choice = request.get("tool_choice")
    forced = choice == "required" or (
        isinstance(choice, dict) and choice.get("type") in ("function", "tool", "any")
    )
    if forced and not answer.tool_calls:
        return "a tool call was required and the answer has none"
    return None


def evaluate(item: EvalItem, answer: Answer) -> ItemResult:
    """Runs every check of ``item`` on ``answer``: an ItemResult with the outcomes, whether
    all passed (None without checks), and the format violation and refusal flags."""
    outcomes: list[CheckOutcome] = []
    violation = structure_violation(item.request, answer) is not None
    for check in item.checks:
        outcome, found = run_check(check, answer)
        outcomes.append(outcome)
        violation = violation or found
    refused = answer.error is None and is_refusal(answer.text, answer.finish_reason)
    return ItemResult(
        item_id=item.id,
        target=answer.target,
        answer=answer,
        checks=tuple(outcomes),
        passed=all(o.passed for o in outcomes) if outcomes else None,
        format_violation=violation,
        refusal=refused,
    )
