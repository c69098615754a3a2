"""The guardrail policy of one request: the defaults, then its tenant's, then its endpoint's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bastion.config.schema import (
    GuardrailAction,
    GuardrailOverrides,
    GuardrailsConfig,
    InjectionAction,
    OutputAction,
)

__all__ = ["GuardrailPolicy", "PolicyResolver"]


@dataclass(frozen=True, slots=True)
class GuardrailPolicy:
    actions: Mapping[str, GuardrailAction]  # by data class: pii, secret, phi
    output: OutputAction
    injection: InjectionAction

    def overridden(self, overrides: GuardrailOverrides | None) -> GuardrailPolicy:
        if overrides is None:
            return self
        return GuardrailPolicy(
            MappingProxyType({**self.actions, **{str(k): v for k, v in overrides.actions.items()}}),
            overrides.output_action or self.output,
            overrides.injection_action or self.injection,
        )


class PolicyResolver:
    """Resolves policies once per configured (tenant, endpoint) pair; lookups are dict hits."""

    def __init__(self, config: GuardrailsConfig) -> None:
        self.default = GuardrailPolicy(
            MappingProxyType({str(k): v for k, v in config.input.actions.items()}),
            config.output.action,
            config.injection.action,
        )
        self._tenants = config.tenants
        self._endpoints = config.endpoints
        self._resolved: dict[tuple[str | None, str | None], GuardrailPolicy] = {}

    def for_request(self, tenant: str | None, endpoint: str) -> GuardrailPolicy:
        """`endpoint` as the client named it, with or without `@version`."""
        tenant_key = tenant if tenant in self._tenants else None
        name = endpoint.split("@", 1)[0]
        endpoint_key = name if name in self._endpoints else None
        key = (tenant_key, endpoint_key)
        found = self._resolved.get(key)
        if found is None:
            found = self.default
            if tenant_key is not None:
                found = found.overridden(self._tenants[tenant_key])
            if endpoint_key is not None:
                found = found.overridden(self._endpoints[endpoint_key])
            self._resolved[key] = found
        return found
