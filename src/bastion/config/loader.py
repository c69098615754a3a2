"""Loads ``bastion.yaml``: YAML → environment interpolation → schema validation."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bastion.config.environment import interpolate
from bastion.config.errors import ConfigError, ConfigProblem
from bastion.config.schema import BastionConfig


def load_config(path: Path, env: Mapping[str, str] | None = None) -> BastionConfig:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(source, [ConfigProblem("", f"cannot read file: {exc.strerror}")]) from exc
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text (byte {exc.start} cannot be read)"
        raise ConfigError(source, [ConfigProblem("", problem)]) from None
    return parse_config(text, source, os.environ if env is None else env)


def parse_config(text: str, source: str, env: Mapping[str, str]) -> BastionConfig:
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(source, [ConfigProblem("", f"invalid YAML: {problem}", line)]) from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(source, [ConfigProblem("", "expected a mapping at the top level", 1)])
    lines = _line_index(document)
    duplicates = _duplicate_keys(document)
    if duplicates:
        # YAML keeps the last of two equal keys; a second backend block silently replacing the
        # first (and its location) is too dangerous to accept.
        raise ConfigError(source, duplicates)
    problems: list[ConfigProblem] = []
    resolved = interpolate(raw, env, problems)
    if problems:
        raise ConfigError(source, [_with_line(p, lines) for p in problems])
    try:
        return BastionConfig.model_validate(resolved)
    except ValidationError as exc:
        raise ConfigError(source, [_with_line(p, lines) for p in _problems(exc)]) from exc


def _problems(exc: ValidationError) -> list[ConfigProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        path = _dotted(error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "literal_error":
            message = f"expected {error['ctx']['expected']}, got {error['input']!r}"
        elif "input" in error and not isinstance(error["input"], dict | list):
            message = f"{message} (got {error['input']!r})"
        problems.append(ConfigProblem(path, message))
    return problems


def _dotted(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else str(part)
    return path


def _line_index(node: yaml.Node | None, path: str = "") -> dict[str, int]:
    """Maps every dotted key path to its 1-based line in the file."""
    index: dict[str, int] = {}
    if node is None:
        return index
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            index.update(_line_index(value_node, child))
            index[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            index.update(_line_index(item, f"{path}[{position}]"))
    return index


def _duplicate_keys(node: yaml.Node | None, path: str = "") -> list[ConfigProblem]:
    problems: list[ConfigProblem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            if key in seen:
                message = "defined twice in the same mapping"
                problems.append(ConfigProblem(child, message, key_node.start_mark.line + 1))
            seen.add(key)
            problems.extend(_duplicate_keys(value_node, child))
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            problems.extend(_duplicate_keys(item, f"{path}[{position}]"))
    return problems


def _with_line(problem: ConfigProblem, lines: dict[str, int]) -> ConfigProblem:
    path = problem.path
    while path:
        if path in lines:
            return ConfigProblem(problem.path, problem.message, lines[path])
        path = path.rpartition(".")[0] if "." in path else path.rpartition("[")[0]
    return problem


def config_from_mapping(raw: Mapping[str, Any], source: str = "<defaults>") -> BastionConfig:
    """Validates an in-memory config (used for the embedded defaults and by tests)."""
    try:
        return BastionConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(source, _problems(exc)) from exc
