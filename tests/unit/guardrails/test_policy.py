"""Guardrail policies: the defaults, then a tenant's, then an endpoint's."""

from __future__ import annotations

from bastion.config.schema import GuardrailsConfig
from bastion.guardrails.policy import PolicyResolver


def resolver() -> PolicyResolver:
    return PolicyResolver(
        GuardrailsConfig.model_validate(
            {
                "input": {"actions": {"pii": "route", "secret": "block"}},
                "output": {"action": "redact"},
                "injection": {"action": "flag"},
                "tenants": {
                    "bank": {
                        "actions": {"pii": "block"},
                        "output_action": "block",
                        "injection_action": "block",
                    },
                    "lab": {"injection_action": "label"},
                },
                "endpoints": {"triage": {"actions": {"pii": "redact"}, "output_action": "allow"}},
            }
        )
    )


def test_defaults_apply_to_tenants_and_endpoints_without_a_policy() -> None:
    policy = resolver().for_request("someone", "chat")
    assert dict(policy.actions) == {"pii": "route", "secret": "block"}
    assert (policy.output, policy.injection) == ("redact", "flag")
    assert resolver().for_request(None, "chat") == policy


def test_a_tenant_policy_replaces_only_what_it_sets() -> None:
    bank = resolver().for_request("bank", "chat")
    assert dict(bank.actions) == {"pii": "block", "secret": "block"}
    assert (bank.output, bank.injection) == ("block", "block")
    lab = resolver().for_request("lab", "chat")
    assert (lab.output, lab.injection) == ("redact", "label")


def test_an_endpoint_policy_wins_over_the_tenant_s_whatever_the_version() -> None:
    policies = resolver()
    for model in ("triage", "triage@2"):
        policy = policies.for_request("bank", model)
        assert policy.actions["pii"] == "redact" and policy.actions["secret"] == "block"
        assert (policy.output, policy.injection) == ("allow", "block")
    assert policies.for_request("bank", "triage") is policies.for_request("bank", "triage@2")
