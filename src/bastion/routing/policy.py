"""Ordered routing rules from ``bastion.yaml``: the first whose conditions all hold decides.

A published endpoint version (``name@version``, or a bare endpoint name meaning its default)
pins its backend, model and fallbacks: rules never move it elsewhere. A rule's ``backend`` (and
``model``) may only pick one of the version's own pinned targets, such as its local fallback
for a request labelled suspect; a rule that would move it anywhere else is passed over, so the
next rule may decide (a ``deny`` or ``location: local`` still applies to versions).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass

from bastion.config.schema import RoutingConfig, RoutingRule


@dataclass(frozen=True, slots=True)
class RouteQuery:
    """What rules may look at."""

    tenant: str | None
    # The requested name, and for a versioned endpoint its bare name and name@version.
    names: tuple[str, ...]
    classifications: frozenset[str]
    # False when the classifier failed: the request is then treated as sensitive.
    classified: bool
    hint: str | None
    prompt_tokens: int
    backend: str  # the primary pool the request resolved to
    # An endpoint version's pinned targets, (backend, model), its primary first: a rule may
    # only pick one of them. None: any name else, which rules move freely.
    pinned: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    rule: str | None = None
    deny: str | None = None
    backend: str | None = None
    model: str | None = None
    local_only: bool = False
    # Why the request must stay local, for the error when no local backend can take it.
    local_reason: str | None = None


class _CompiledRule:
    def __init__(self, rule: RoutingRule) -> None:
        self.rule = rule
        match = rule.match
        self.tenants = frozenset(match.tenants) if match.tenants is not None else None
        self.names = (
            re.compile("|".join(fnmatch.translate(p) for p in match.endpoints))
            if match.endpoints is not None
            else None
        )
        self.classifications = (
            frozenset(match.classifications) if match.classifications is not None else None
        )
        self.hints = frozenset(match.hints) if match.hints is not None else None
        # Its only action is moving the request: passed over where it may not move it.
        self.moves_only = rule.backend is not None and rule.location is None

    def matches(self, query: RouteQuery, context_windows: Mapping[str, int | None]) -> bool:
        match = self.rule.match
        if self.tenants is not None and query.tenant not in self.tenants:
            return False
        if self.names is not None and not any(self.names.fullmatch(n) for n in query.names):
            return False
        if self.classifications is not None and not (self.classifications & query.classifications):
            return False
        if self.hints is not None and query.hint not in self.hints:
            return False
        if match.min_prompt_tokens is not None and query.prompt_tokens < match.min_prompt_tokens:
            return False
        if match.exceeds_context is not None:
            window = context_windows.get(query.backend)
            exceeds = window is not None and query.prompt_tokens > window
            if exceeds != match.exceeds_context:
                return False
        return True


class RoutingPolicy:
    def __init__(self, config: RoutingConfig, context_windows: Mapping[str, int | None]) -> None:
        self._rules = [_CompiledRule(rule) for rule in config.rules]
        self.has_rules = bool(self._rules)
        self._local_only = frozenset(config.local_only)
        self._context_windows = dict(context_windows)

    def decide(self, query: RouteQuery) -> Decision:
        local_reason = self._local_reason(query)
        for compiled in self._rules:
            if not compiled.matches(query, self._context_windows):
                continue
            rule = compiled.rule
            backend, model = rule.backend, rule.model
            if backend is not None and query.pinned is not None:
                target = _pinned_target(query.pinned, backend, model)
                if target is None and compiled.moves_only:
                    continue  # not the version's to go there: a later rule may still apply
                backend, model = target if target is not None else (None, None)
            if rule.location == "local" and local_reason is None:
                local_reason = f"routing rule '{rule.name}' keeps it on-premises"
            return Decision(
                rule=rule.name,
                deny=rule.deny,
                backend=backend,
                model=model,
                local_only=local_reason is not None,
                local_reason=local_reason,
            )
        return Decision(local_only=local_reason is not None, local_reason=local_reason)

    def _local_reason(self, query: RouteQuery) -> str | None:
        if not query.classified:
            return "its data classification could not be established"
        sensitive = sorted(query.classifications & self._local_only)
        if sensitive:
            return f"it carries data classified {', '.join(sensitive)}"
        return None


def _pinned_target(
    pinned: tuple[tuple[str, str], ...], backend: str, model: str | None
) -> tuple[str, str] | None:
    """The version's pinned target on ``backend`` (serving ``model``, when the rule names one),
    or None: a rule may not send the version anywhere its publication did not name."""
    for target in pinned:
        if target[0] == backend and (model is None or target[1] == model):
            return target
    return None
