"""The Helm chart: rendered by Helm, validated against the Kubernetes schemas, and checked for
what running Bastion needs (probes, a writable spool on a read-only root, config its own
loader accepts, every variable the config names, HPA and PDB)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import pytest
import yaml

import bastion
from bastion import supervisor
from bastion.config import BastionConfig, parse_config
from bastion.telemetry.metrics import GatewayMetrics
from tests.deploy.chart import (
    CHART,
    ROOT,
    SECRETS,
    Manifest,
    example,
    gateway_container,
    kinds,
    literal_env,
    one,
    render,
)

# The oldest Kubernetes the chart declares (Chart.yaml kubeVersion) and the newest schemas.
KUBE_VERSIONS = ("1.25.0", "1.37.0")
# Custom resources, which the Kubernetes schemas do not describe.
CUSTOM_KINDS = {"ServiceMonitor"}
# How long the worker supervisor lets the spool loader finish its last load on shutdown.
LAST_LOAD_SECONDS = 30

EVERYTHING_ON: dict[str, Any] = {
    "secrets": {"existingSecret": "bastion-secrets"},
    "autoscaling": {
        "podsMetrics": [
            {"name": "bastion_requests_per_second", "averageValue": "400"},
            {"name": "bastion_tokens_per_second", "averageValue": "20000"},
        ]
    },
    "metrics": {"serviceMonitor": {"enabled": True}},
    "image": {"digest": "sha256:" + "0" * 64},
    "env": [{"name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://otel:4318"}],
}
VALUE_SETS = {
    "defaults": [SECRETS],
    "inference-gateway": [
        SECRETS,
        example("inference-gateway.values.yaml"),
        {"secrets": {"env": {"ANTHROPIC_API_KEY": "sk-ant-test"}}},
    ],
    "everything-on": [EVERYTHING_ON],
    "fixed-replicas": [SECRETS, {"autoscaling": {"enabled": False}}],
}


@pytest.fixture(scope="module", params=sorted(VALUE_SETS))
def manifests(request: pytest.FixtureRequest) -> list[Manifest]:
    return render(*VALUE_SETS[request.param])


def test_helm_lint_finds_nothing_to_warn_about() -> None:
    result = helm.lint(CHART, SECRETS, strict=True)
    assert result["errors"] == []
    # Helm's severities: 1 info (such as "icon is recommended"), 2 warning, 4 error.
    assert [m for m in result["messages"] if m["severity"] >= 2] == []


def test_every_manifest_matches_its_kubernetes_schema(manifests: list[Manifest]) -> None:
    for manifest in manifests:
        if manifest["kind"] in CUSTOM_KINDS:
            continue
        for version in KUBE_VERSIONS:
            try:
                kubernetes_validate.validate(manifest, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                pytest.fail(f"{manifest['kind']} against Kubernetes {version}: {error.message}")


def test_the_release_is_a_gateway_behind_a_service_with_a_disruption_budget(
    manifests: list[Manifest],
) -> None:
    assert {"ConfigMap", "Deployment", "Service", "PodDisruptionBudget"} <= kinds(manifests)
    pod_labels = one(manifests, "Deployment")["spec"]["template"]["metadata"]["labels"]
    service = one(manifests, "Service")
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert [p["targetPort"] for p in service["spec"]["ports"]] == ["http"]
    budget = one(manifests, "PodDisruptionBudget")
    assert budget["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert budget["spec"]["maxUnavailable"] == 1


def test_probes_ask_healthz_for_liveness_and_readyz_for_readiness(
    manifests: list[Manifest],
) -> None:
    container = gateway_container(manifests)
    assert container["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    (port,) = container["ports"]
    assert port["name"] == "http"
    assert literal_env(container)["BASTION_PORT"] == str(port["containerPort"])
    assert literal_env(container)["BASTION_HOST"] == "0.0.0.0"


def test_runs_as_a_non_root_user_on_a_read_only_root_with_writable_spool_and_tmp(
    manifests: list[Manifest],
) -> None:
    pod = one(manifests, "Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001  # the image's USER
    assert pod["automountServiceAccountToken"] is False
    container = gateway_container(manifests)
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]

    empty_dirs = {v["name"] for v in pod["volumes"] if "emptyDir" in v}
    writable = {
        m["mountPath"]
        for m in container["volumeMounts"]
        if m["name"] in empty_dirs and not m.get("readOnly")
    }
    config = loaded_config(manifests)
    assert config.journal.spool_dir is not None
    assert {config.journal.spool_dir, "/tmp"} <= writable


def test_the_configmap_holds_a_config_bastions_own_loader_accepts(
    manifests: list[Manifest],
) -> None:
    container = gateway_container(manifests)
    (config_mount,) = (m for m in container["volumeMounts"] if m["name"] == "config")
    (config_volume,) = (
        v
        for v in one(manifests, "Deployment")["spec"]["template"]["spec"]["volumes"]
        if v["name"] == "config"
    )
    configmap = one(manifests, "ConfigMap")
    assert config_volume["configMap"]["name"] == configmap["metadata"]["name"]
    (key,) = configmap["data"]
    assert literal_env(container)["BASTION_CONFIG"] == f"{config_mount['mountPath']}/{key}"

    config = loaded_config(manifests)
    assert config.database.url.startswith("postgresql+asyncpg://")
    server = config.server
    grace = one(manifests, "Deployment")["spec"]["template"]["spec"][
        "terminationGracePeriodSeconds"
    ]
    # The drain delay and the grace for requests in flight, then what the supervisor allows its
    # workers beyond those and the spool loader's last load (bastion/supervisor.py).
    drain = server.drain_delay_seconds + server.shutdown_grace_seconds
    assert grace >= math.ceil(drain + supervisor._STOP_MARGIN_SECONDS + LAST_LOAD_SECONDS)


def test_each_pod_runs_the_configured_number_of_workers() -> None:
    container = gateway_container(render(SECRETS, {"workers": 6}))
    assert literal_env(container)["BASTION_WORKERS"] == "6"


def test_every_variable_the_config_names_comes_from_the_secret_or_env() -> None:
    manifests = render(SECRETS)
    secret = one(manifests, "Secret")
    container = gateway_container(manifests)
    assert container["envFrom"] == [{"secretRef": {"name": secret["metadata"]["name"]}}]
    text = one(manifests, "ConfigMap")["data"]["bastion.yaml"]
    named = set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", text))
    assert named == {"BASTION_DATABASE_URL", "BASTION_REDIS_URL"}
    assert named <= secret["stringData"].keys() | literal_env(container).keys()
    # Empty values are left out of the Secret rather than set to "".
    assert "OPENAI_API_KEY" not in secret["stringData"]


def test_a_variable_the_config_names_but_nobody_sets_fails_the_install() -> None:
    with pytest.raises(helm.HelmError, match=r"\$\{BASTION_DATABASE_URL\}"):
        render({"secrets": {"env": {"BASTION_REDIS_URL": "redis://redis:6379/0"}}})
    # Unless it is set through env, or the config stops naming it.
    render(
        {"secrets": {"env": {"BASTION_REDIS_URL": "redis://redis:6379/0"}}},
        {"env": [{"name": "BASTION_DATABASE_URL", "value": "postgresql+asyncpg://pg/b"}]},
    )


def test_an_existing_secret_is_used_as_it_is() -> None:
    manifests = render(EVERYTHING_ON)
    assert "Secret" not in kinds(manifests)
    container = gateway_container(manifests)
    assert container["envFrom"] == [{"secretRef": {"name": "bastion-secrets"}}]
    annotations = one(manifests, "Deployment")["spec"]["template"]["metadata"]["annotations"]
    assert "checksum/config" in annotations
    assert "checksum/secret" not in annotations


def test_the_hpa_scales_on_cpu_by_default() -> None:
    manifests = render(SECRETS)
    hpa = one(manifests, "HorizontalPodAutoscaler")
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": one(manifests, "Deployment")["metadata"]["name"],
    }
    assert hpa["spec"]["metrics"] == [
        {
            "type": "Resource",
            "resource": {
                "name": "cpu",
                "target": {"type": "Utilization", "averageUtilization": 70},
            },
        }
    ]
    # The HPA owns the replica count.
    assert "replicas" not in one(manifests, "Deployment")["spec"]


def test_the_hpa_scales_on_request_and_token_rates_with_cpu_kept() -> None:
    hpa = one(render(EVERYTHING_ON), "HorizontalPodAutoscaler")
    metrics = hpa["spec"]["metrics"]
    pods = [m["pods"] for m in metrics if m["type"] == "Pods"]
    assert [p["metric"]["name"] for p in pods] == [
        "bastion_requests_per_second",
        "bastion_tokens_per_second",
    ]
    assert [p["target"] for p in pods] == [
        {"type": "AverageValue", "averageValue": "400"},
        {"type": "AverageValue", "averageValue": "20000"},
    ]
    assert [m["type"] for m in metrics if m["type"] != "Pods"] == ["Resource"]


def test_rate_metrics_are_named_after_bastions_own_counters() -> None:
    # The adapter serves rate(<counter>_total) as <counter>_per_second (docs/deployment.md).
    counters = {
        f"{family.name}_total"
        for family in GatewayMetrics().registry.collect()
        if family.type == "counter"
    }
    for name in (*pods_metric_names(EVERYTHING_ON), *pods_metric_names(values_file())):
        assert name.removesuffix("_per_second") + "_total" in counters
    documented = set(re.findall(r"\bbastion_[a-z_]+_total\b", deployment_doc()))
    assert documented
    assert documented <= counters


def test_fixed_replicas_without_autoscaling() -> None:
    manifests = render(SECRETS, {"autoscaling": {"enabled": False}, "replicaCount": 3})
    assert "HorizontalPodAutoscaler" not in kinds(manifests)
    assert one(manifests, "Deployment")["spec"]["replicas"] == 3


def test_the_image_defaults_to_the_release_the_chart_names() -> None:
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["appVersion"] == bastion.__version__
    assert gateway_container(render(SECRETS))["image"] == f"bastion:{bastion.__version__}"
    pinned = gateway_container(render(EVERYTHING_ON))["image"]
    assert pinned == "bastion@sha256:" + "0" * 64


def test_a_service_monitor_scrapes_metrics_when_asked() -> None:
    manifests = render(EVERYTHING_ON)
    monitor = one(manifests, "ServiceMonitor")
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    assert monitor["spec"]["endpoints"][0]["port"] == "http"
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"
    service_labels = one(manifests, "Service")["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service_labels.items()
    assert "ServiceMonitor" not in kinds(render(SECRETS))


def test_the_inference_gateway_example_is_one_replica_left_to_the_endpoint_picker() -> None:
    config = loaded_config(render(*VALUE_SETS["inference-gateway"]))
    backend = config.backends["llama"]
    (replica,) = backend.replica_configs
    assert replica.base_url.endswith(".svc.cluster.local/v1")
    assert backend.balancing.affinity == "none"
    assert backend.engine_metrics_enabled is False
    assert backend.health_enabled is False
    assert config.backends["anthropic"].location == "external"


def loaded_config(manifests: list[Manifest]) -> BastionConfig:
    """The ConfigMap's bastion.yaml as the gateway loads it, in the pod's environment."""
    container = gateway_container(manifests)
    env = literal_env(container)
    secrets = [m for m in manifests if m["kind"] == "Secret"]
    if secrets:
        env |= secrets[0]["stringData"]
    else:
        # An existing Secret: the operator's; give the variables the config names.
        env |= {
            "BASTION_DATABASE_URL": "postgresql+asyncpg://pg/b",
            "BASTION_REDIS_URL": "redis://r",
        }
    text = one(manifests, "ConfigMap")["data"]["bastion.yaml"]
    return parse_config(text, "ConfigMap bastion.yaml", env)


def pods_metric_names(values: dict[str, Any]) -> list[str]:
    return [m["name"] for m in values["autoscaling"]["podsMetrics"]]


def values_file() -> dict[str, Any]:
    """values.yaml with its commented examples of pods metrics read as values."""
    text = (CHART / "values.yaml").read_text()
    names = re.findall(r"#\s+- name: (bastion_[a-z_]+)", text)
    assert names, "values.yaml shows no example of a pods metric"
    return {"autoscaling": {"podsMetrics": [{"name": name} for name in names]}}


def deployment_doc() -> str:
    return Path(ROOT / "docs" / "deployment.md").read_text()
