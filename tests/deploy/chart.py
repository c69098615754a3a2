"""The Helm chart rendered by Helm's own engine (its Go SDK in the helm-python-sdk wheel),
offline, and the rendered manifests looked up by kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import helm_python as helm
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "deploy" / "helm" / "bastion"
EXAMPLES = ROOT / "deploy" / "examples"
RELEASE = "bastion"
NAMESPACE = "llm"

# What an operator gives at install time when the chart creates the Secret.
SECRETS: dict[str, Any] = {
    "secrets": {
        "env": {
            "BASTION_DATABASE_URL": "postgresql+asyncpg://bastion:pw@postgres:5432/bastion",
            "BASTION_REDIS_URL": "redis://:pw@redis:6379/0",
            "BASTION_ADMIN_KEY": "bst-admin-key-for-the-chart-tests",
        }
    }
}

# What every install must give: the image's repository (no image is published under a
# default name) and at least one backend (else the gateway would serve its simulator).
REQUIRED: dict[str, Any] = {
    "image": {"repository": "registry.example.com/bastion"},
    "config": {
        "backends": {
            "vllm": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": "http://vllm.llm.svc.cluster.local:8000/v1",
                "models": ["meta-llama/Llama-3.1-8B-Instruct"],
            }
        }
    },
}

Manifest = dict[str, Any]


def render(*value_sets: dict[str, Any]) -> list[Manifest]:
    """Every manifest of the chart installed with ``value_sets`` merged over its defaults,
    the values checked against the chart's values.schema.json first, as `helm install` does."""
    values: dict[str, Any] = {}
    for value_set in value_sets:
        values = merge(values, value_set)
    with helm.Chart.load(CHART) as chart:
        chart.validate_schema(values)
        files = chart.render(values, name=RELEASE, namespace=NAMESPACE)
    return [
        document
        for path, text in sorted(files.items())
        if path.endswith(".yaml")
        for document in yaml.safe_load_all(text)
        if document
    ]


def example(name: str) -> dict[str, Any]:
    values = yaml.safe_load((EXAMPLES / name).read_text())
    assert isinstance(values, dict)
    return values


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def one(manifests: list[Manifest], kind: str) -> Manifest:
    found = [m for m in manifests if m["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, got {len(found)}"
    return found[0]


def kinds(manifests: list[Manifest]) -> set[str]:
    return {m["kind"] for m in manifests}


def gateway_container(manifests: list[Manifest]) -> Manifest:
    containers = one(manifests, "Deployment")["spec"]["template"]["spec"]["containers"]
    (container,) = (c for c in containers if c["name"] == "gateway")
    assert isinstance(container, dict)
    return container


def literal_env(container: Manifest) -> dict[str, str]:
    return {e["name"]: e["value"] for e in container.get("env", []) if "value" in e}
