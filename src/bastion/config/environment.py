"""Secrets come from the environment: ``${VAR}``, ``${VAR:-default}`` and ``os.environ/VAR``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bastion.config.errors import ConfigProblem

_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_LITELLM_PREFIX = "os.environ/"


def interpolate(
    node: Any, env: Mapping[str, str], problems: list[ConfigProblem], path: str = ""
) -> Any:
    """Returns ``node`` with every environment reference replaced; unset variables are problems."""
    if isinstance(node, dict):
        return {
            key: interpolate(value, env, problems, _join(path, str(key)))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [
            interpolate(value, env, problems, f"{path}[{index}]")
            for index, value in enumerate(node)
        ]
    if not isinstance(node, str):
        return node
    if node.startswith(_LITELLM_PREFIX):
        name = node[len(_LITELLM_PREFIX) :]
        if name not in env:
            problems.append(ConfigProblem(path, f"environment variable {name} is not set"))
            return None
        return env[name]

    def substitute(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if default is not None:
            return default
        problems.append(ConfigProblem(path, f"environment variable {name} is not set"))
        return ""

    return _BRACED.sub(substitute, node)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
