from typing import Any

from bastion.config.schema import RoutingConfig
from bastion.routing.policy import RouteQuery, RoutingPolicy


def policy(
    rules: list[dict[str, Any]], windows: dict[str, int | None] | None = None
) -> RoutingPolicy:
    return RoutingPolicy(RoutingConfig.model_validate({"rules": rules}), windows or {})


def query(**fields: Any) -> RouteQuery:
    base: dict[str, Any] = {
        "tenant": "acme",
        "names": ("chat",),
        "classifications": frozenset(),
        "classified": True,
        "hint": None,
        "prompt_tokens": 100,
        "backend": "gpu",
    }
    return RouteQuery(**{**base, **fields})


def test_the_first_matching_rule_decides() -> None:
    p = policy(
        [
            {"name": "beta", "match": {"tenants": ["beta"]}, "deny": "not yet"},
            {"name": "batch", "match": {"hints": ["batch"]}, "backend": "cheap"},
            {"name": "acme-any", "match": {"tenants": ["acme"]}, "backend": "big"},
        ]
    )
    assert p.decide(query(tenant="beta")).deny == "not yet"
    decision = p.decide(query(hint="batch"))
    assert (decision.rule, decision.backend) == ("batch", "cheap")
    assert p.decide(query()).backend == "big"
    assert p.decide(query(tenant="other")).rule is None


def test_endpoint_globs_match_names_and_versions() -> None:
    p = policy([{"name": "v1", "match": {"endpoints": ["support@1", "legacy-*"]}, "deny": "old"}])
    assert p.decide(query(names=("support", "support", "support@1"))).deny == "old"
    assert p.decide(query(names=("legacy-chat",))).deny == "old"
    assert p.decide(query(names=("support@2",))).deny is None


def test_sensitive_classes_force_local_whatever_the_rules() -> None:
    p = policy([{"name": "cloud", "match": {}, "backend": "openai"}])
    decision = p.decide(query(classifications=frozenset({"pii"})))
    assert decision.local_only and decision.backend == "openai"
    assert decision.local_reason == "it carries data classified pii"
    assert not p.decide(query(classifications=frozenset({"public"}))).local_only


def test_an_unclassified_request_is_treated_as_sensitive() -> None:
    decision = policy([]).decide(query(classified=False))
    assert decision.local_only
    assert "could not be established" in (decision.local_reason or "")


def test_rule_location_local() -> None:
    p = policy([{"name": "eu", "match": {"tenants": ["acme"]}, "location": "local"}])
    decision = p.decide(query())
    assert decision.local_only and "routing rule 'eu'" in (decision.local_reason or "")


def test_prompt_length_and_context_window() -> None:
    p = policy(
        [
            {"name": "too-long", "match": {"exceeds_context": True}, "backend": "long-ctx"},
            {"name": "big", "match": {"min_prompt_tokens": 5000}, "backend": "big"},
        ],
        windows={"gpu": 8192},
    )
    assert p.decide(query(prompt_tokens=9000)).backend == "long-ctx"
    assert p.decide(query(prompt_tokens=6000)).backend == "big"
    assert p.decide(query(prompt_tokens=10)).backend is None
