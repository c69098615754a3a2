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


def test_rules_never_move_a_pinned_endpoint_version_elsewhere() -> None:
    """A version pins its targets: a rule that would only move it elsewhere is passed over (the
    next rule decides), and a rule that also keeps data local keeps it local, not moved."""
    p = policy(
        [
            {"name": "batch", "match": {"hints": ["batch"]}, "backend": "cloud", "model": "big"},
            {"name": "support", "match": {"endpoints": ["support@*"]}, "backend": "cloud"},
            {"name": "home", "match": {"tenants": ["acme"]}, "backend": "gpu2",
             "location": "local"},
        ]
    )  # fmt: skip
    version = {"names": ("support@1", "support", "support@1"), "pinned": (("gpu", "llama"),)}
    hinted = p.decide(query(**version, hint="batch"))
    assert (hinted.rule, hinted.backend, hinted.model) == ("home", None, None)
    assert hinted.local_only and "routing rule 'home'" in (hinted.local_reason or "")
    assert p.decide(query(**version, tenant="globex")) == p.decide(
        query(names=("other",), tenant="globex")
    ), "nothing applies: the version's own backend"
    # Models and unversioned names are still moved.
    moved = p.decide(query(names=("gpu/llama",), hint="batch"))
    assert (moved.rule, moved.backend, moved.model) == ("batch", "cloud", "big")


def test_a_rule_may_pick_one_of_the_versions_own_targets() -> None:
    """A suspect request sent to the version's pinned local fallback, with its pinned model;
    a rule naming another model on that backend does not apply."""
    p = policy(
        [
            {"name": "other-model", "match": {"hints": ["x"]}, "backend": "gpu", "model": "qwen"},
            {"name": "suspects", "match": {"classifications": ["injection"]}, "backend": "gpu"},
        ]
    )
    pinned = (("cloud", "gpt-4o-mini"), ("gpu", "llama"))
    suspect = query(classifications=frozenset({"injection"}), pinned=pinned, backend="cloud")
    decision = p.decide(suspect)
    assert (decision.rule, decision.backend, decision.model) == ("suspects", "gpu", "llama")
    assert p.decide(query(hint="x", pinned=pinned, backend="cloud")).rule is None


def test_deny_rules_still_apply_to_pinned_versions() -> None:
    p = policy(
        [
            {"name": "move", "match": {}, "backend": "cloud"},
            {"name": "old", "match": {"endpoints": ["support@1"]}, "deny": "retired early"},
        ]
    )
    names = ("support@1", "support", "support@1")
    decision = p.decide(query(names=names, pinned=(("gpu", "llama"),)))
    assert (decision.rule, decision.deny) == ("old", "retired early")
