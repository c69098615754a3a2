"""Validation of backends with replicas and launch commands, endpoints and routing rules."""

from __future__ import annotations

import pytest

from bastion.config import ConfigError, parse_config


def problems(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "bastion.yaml", {})
    return str(caught.value)


def test_replicas_and_base_url_are_exclusive() -> None:
    text = """
backends:
  gpu:
    kind: openai-compatible
    location: local
    base_url: http://a:8000/v1
    replicas: [{base_url: http://b:8000/v1}]
"""
    assert "either base_url" in problems(text)


def test_replica_urls_are_checked() -> None:
    text = """
backends:
  gpu: {kind: openai-compatible, location: local, replicas: [{base_url: "gpu1:8000"}]}
"""
    assert "backends.gpu.replicas[0].base_url: must start with http://" in problems(text)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1:80/v1", "is not a valid URL"),
        ("http://", "names no host"),
        ("http://127.0.0.1:99999/v1", "is not a valid URL"),
        ("http://h:abc/v1", "is not a valid URL"),
    ],
)
def test_a_url_that_cannot_be_reached_is_a_configuration_error(url: str, problem: str) -> None:
    """Caught when the file is read, not when a worker starts (a traceback) or never (a
    replica that fails its health checks forever)."""
    text = f"backends:\n  gpu: {{kind: openai-compatible, location: local, base_url: '{url}'}}\n"
    found = str(problems(text))
    assert "backends.gpu.base_url" in found and problem in found, found


def test_a_launched_backend_is_local_and_lists_its_models() -> None:
    external = """
backends:
  cloud:
    kind: openai-compatible
    location: external
    base_url: http://127.0.0.1:9000/v1
    models: [m]
    launch: {command: "bastion sim --port {port}"}
"""
    assert "only a local backend can be launched" in problems(external)
    unlisted = external.replace("external", "local").replace("    models: [m]\n", "")
    assert "needs its models listed" in problems(unlisted)
    empty = external.replace("external", "local").replace('"bastion sim --port {port}"', '""')
    assert "the launch command is empty" in problems(empty)


def test_endpoint_default_and_template() -> None:
    base = "backends:\n  gpu: {kind: simulator, location: local}\nendpoints:\n  support:\n"
    assert "default version '9' is not among the versions" in problems(
        base + '    default: "9"\n    versions: {"1": {backend: gpu, model: m}}\n'
    )
    assert "prompt_template: must contain {prompt}" in problems(
        base + '    versions: {"1": {backend: gpu, model: m, prompt_template: "no slot"}}\n'
    )


def test_unknown_backends_in_endpoints_and_rules() -> None:
    base = """
backends:
  gpu: {kind: simulator, location: local}
"""
    assert "endpoints.s.versions.1.fallbacks[0].backend: backend 'nowhere'" in problems(
        base
        + """
endpoints:
  s: {versions: {"1": {backend: gpu, model: m, fallbacks: [{backend: nowhere, model: m}]}}}
"""
    )
    assert "successor: '7' is not a defined version" in problems(
        base + 'endpoints:\n  s: {versions: {"1": {backend: gpu, model: m, successor: "7"}}}\n'
    )
    assert "routing.rules[0].backend: backend 'big'" in problems(
        base + "routing:\n  rules: [{name: r, backend: big}]\n"
    )


def test_a_rule_needs_one_coherent_action() -> None:
    assert "a rule needs an action" in problems("routing:\n  rules: [{name: r}]\n")
    assert "a deny rule takes no other action" in problems(
        "routing:\n  rules: [{name: r, deny: 'not here', location: local}]\n"
    )


def test_defaults_health_on_locally_metrics_not_for_anthropic() -> None:
    config = parse_config(
        """
backends:
  gpu: {kind: openai-compatible, location: local, base_url: "http://a:8000/v1"}
  cloud: {kind: anthropic, location: external}
""",
        "bastion.yaml",
        {},
    )
    gpu, cloud = config.backends["gpu"], config.backends["cloud"]
    assert gpu.health_enabled and gpu.engine_metrics_enabled
    assert not cloud.health_enabled and not cloud.engine_metrics_enabled
    assert gpu.watchdog_limit == 60 and cloud.watchdog_limit is None
    off = gpu.model_copy(update={"watchdog_seconds": 0})
    assert off.watchdog_limit is None
    assert [r.base_url for r in gpu.replica_configs] == ["http://a:8000/v1"]


def test_an_egress_policy_is_for_external_backends() -> None:
    text = """
backends:
  gpu:
    kind: openai-compatible
    location: local
    base_url: http://a:8000/v1
    egress: {allow: [public]}
"""
    assert "external backends only" in problems(text)


def test_medical_data_is_local_only_by_default() -> None:
    config = parse_config("{}", "bastion.yaml", {})
    assert "phi" in config.routing.local_only
    assert config.routing.egress.allow is None
