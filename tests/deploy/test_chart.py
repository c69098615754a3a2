"""The Helm chart: rendered by Helm, validated against the Kubernetes schemas, and checked for
what running Bastion needs (probes, a writable spool on a read-only root, config its own
loader accepts, every variable the config names, HPA and PDB)."""

from __future__ import annotations

import base64
import json
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
from bastion.store.keymaterial import is_well_formed
from bastion.telemetry.metrics import GatewayMetrics
from tests.deploy.chart import (
    CHART,
    REQUIRED,
    ROOT,
    SECRETS,
    Manifest,
    example,
    gateway_container,
    kinds,
    literal_env,
    merge,
    one,
    render,
)

# The oldest Kubernetes the chart declares (Chart.yaml kubeVersion) and the newest schemas.
KUBE_VERSIONS = ("1.25.0", "1.37.0")
# Custom resources, which the Kubernetes schemas do not describe.
CUSTOM_KINDS = {"ServiceMonitor"}
# How long the worker supervisor lets the spool loader finish its last load on shutdown, how
# long it waits to reap each worker, and the headroom the grace period keeps beyond those.
LAST_LOAD_SECONDS = 30
REAP_SECONDS = 5
HEADROOM_SECONDS = 10
# A required install: the image's repository, a backend and the Secret's values.
INSTALL = [REQUIRED, SECRETS]

EVERYTHING_ON: dict[str, Any] = {
    **REQUIRED,
    "image": {**REQUIRED["image"], "digest": "sha256:" + "0" * 64},
    "secrets": {"existingSecret": "bastion-secrets"},
    "autoscaling": {
        "podsMetrics": [
            {"name": "bastion_requests_per_second", "averageValue": "400"},
            {"name": "bastion_tokens_per_second", "averageValue": "20000"},
        ]
    },
    "metrics": {"serviceMonitor": {"enabled": True}},
    "env": [{"name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://otel:4318"}],
    "extraEnvFrom": [{"configMapRef": {"name": "bastion-extra-env"}}],
    "extraVolumes": [{"name": "prices", "configMap": {"name": "bastion-prices"}}],
    "extraVolumeMounts": [{"name": "prices", "mountPath": "/etc/bastion/prices", "readOnly": True}],
    "networkPolicy": {
        "enabled": True,
        "ingressFrom": [{"namespaceSelector": {"matchLabels": {"team": "ml"}}}],
        "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8"}}]}],
    },
}
# The spool on a claim: one pod, replaced rather than surged, no HPA and no PDB.
SPOOL_CLAIM: dict[str, Any] = {"spool": {"persistentVolumeClaim": "bastion-spool"}}
VALUE_SETS = {
    "defaults": INSTALL,
    "backends-example": [
        REQUIRED,
        SECRETS,
        example("backends.values.yaml"),
        {"secrets": {"env": {"OPENAI_API_KEY": "sk-test"}}},
    ],
    "inference-gateway": [
        {"image": REQUIRED["image"]},
        SECRETS,
        example("inference-gateway.values.yaml"),
        {"secrets": {"env": {"ANTHROPIC_API_KEY": "sk-ant-test"}}},
    ],
    "everything-on": [EVERYTHING_ON],
    "fixed-replicas": [*INSTALL, {"autoscaling": {"enabled": False}}],
    "spool-claim": [*INSTALL, SPOOL_CLAIM],
    "simulator": [
        {"image": REQUIRED["image"], "allowSimulator": True},
        SECRETS,
        {"podSecurityContext": {"runAsUser": None, "runAsGroup": None, "fsGroup": None}},
    ],
}


@pytest.fixture(scope="module", params=sorted(VALUE_SETS))
def manifests(request: pytest.FixtureRequest) -> list[Manifest]:
    return render(*VALUE_SETS[request.param])


def test_helm_lint_finds_nothing_to_warn_about() -> None:
    result = helm.lint(CHART, merge_all(*INSTALL), strict=True)
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
    assert {"ConfigMap", "Deployment", "Service"} <= kinds(manifests)
    pod_labels = one(manifests, "Deployment")["spec"]["template"]["metadata"]["labels"]
    service = one(manifests, "Service")
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert [p["targetPort"] for p in service["spec"]["ports"]] == ["http"]
    if one(manifests, "Deployment")["spec"].get("replicas") == 1:
        # One pod: a budget would either let a drain evict it or block every drain.
        assert "PodDisruptionBudget" not in kinds(manifests)
        return
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
    # Both families: IPv4-only, IPv6-only and dual-stack clusters alike.
    assert literal_env(container)["BASTION_HOST"] == "::"


def test_runs_as_a_non_root_user_on_a_read_only_root_with_writable_spool_and_tmp(
    manifests: list[Manifest],
) -> None:
    pod = one(manifests, "Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    # The image's USER, unless the platform assigns one (OpenShift: runAsUser null).
    assert pod["securityContext"].get("runAsUser", 10001) == 10001
    assert pod["automountServiceAccountToken"] is False
    container = gateway_container(manifests)
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]

    empty_dirs = {
        v["name"] for v in pod["volumes"] if "emptyDir" in v or "persistentVolumeClaim" in v
    }
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
    worst = drain + supervisor._STOP_MARGIN_SECONDS + REAP_SECONDS + LAST_LOAD_SECONDS
    assert grace >= math.ceil(worst + HEADROOM_SECONDS)


def test_each_pod_runs_the_configured_number_of_workers() -> None:
    container = gateway_container(render(*INSTALL, {"workers": 6}))
    assert literal_env(container)["BASTION_WORKERS"] == "6"


def test_every_variable_the_config_names_comes_from_the_secret_or_env() -> None:
    manifests = render(*INSTALL)
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
        render(REQUIRED, {"secrets": {"env": {"BASTION_REDIS_URL": "redis://redis:6379/0"}}})
    # Unless it is set through env, or the config stops naming it.
    render(
        REQUIRED,
        {"secrets": {"env": {"BASTION_REDIS_URL": "redis://redis:6379/0"}}},
        {"env": [{"name": "BASTION_DATABASE_URL", "value": "postgresql+asyncpg://pg/b"}]},
    )


def test_an_existing_secret_is_used_as_it_is() -> None:
    manifests = render(EVERYTHING_ON)
    assert "Secret" not in kinds(manifests)
    container = gateway_container(manifests)
    assert container["envFrom"][0] == {"secretRef": {"name": "bastion-secrets"}}
    annotations = one(manifests, "Deployment")["spec"]["template"]["metadata"]["annotations"]
    assert "checksum/config" in annotations
    assert "checksum/secret" not in annotations


def test_the_hpa_scales_on_cpu_by_default() -> None:
    manifests = render(*INSTALL)
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
    manifests = render(*INSTALL, {"autoscaling": {"enabled": False}, "replicaCount": 3})
    assert "HorizontalPodAutoscaler" not in kinds(manifests)
    assert one(manifests, "Deployment")["spec"]["replicas"] == 3


def test_the_image_defaults_to_the_release_the_chart_names() -> None:
    chart = yaml.safe_load((CHART / "Chart.yaml").read_text())
    assert chart["appVersion"] == bastion.__version__
    repository = REQUIRED["image"]["repository"]
    assert gateway_container(render(*INSTALL))["image"] == f"{repository}:{bastion.__version__}"
    pinned = gateway_container(render(EVERYTHING_ON))["image"]
    assert pinned == f"{repository}@sha256:" + "0" * 64


def test_a_service_monitor_scrapes_metrics_when_asked() -> None:
    manifests = render(EVERYTHING_ON)
    monitor = one(manifests, "ServiceMonitor")
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    assert monitor["spec"]["endpoints"][0]["port"] == "http"
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"
    service_labels = one(manifests, "Service")["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service_labels.items()
    assert "ServiceMonitor" not in kinds(render(*INSTALL))


def test_the_inference_gateway_example_is_one_replica_left_to_the_endpoint_picker() -> None:
    config = loaded_config(render(*VALUE_SETS["inference-gateway"]))
    backend = config.backends["llama"]
    (replica,) = backend.replica_configs
    assert replica.base_url.endswith(".svc.cluster.local/v1")
    # No Service name is taken for granted: the example says where each implementation's is.
    text = (ROOT / "deploy" / "examples" / "inference-gateway.values.yaml").read_text()
    for implementation in ("Istio", "Envoy Gateway", "GKE", "status.addresses"):
        assert implementation in text
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


def merge_all(*value_sets: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for value_set in value_sets:
        merged = merge(merged, value_set)
    return merged


def pod_spec(manifests: list[Manifest]) -> Manifest:
    spec = one(manifests, "Deployment")["spec"]["template"]["spec"]
    assert isinstance(spec, dict)
    return spec


def mebibytes(quantity: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(Ki|Mi|Gi|Ti)", quantity).groups()  # type: ignore[union-attr]
    return math.ceil(int(number) * {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "Ti": 1024**2}[unit])


# H1: the spool on a persistent claim, for what a deleted pod could not load.


def test_the_spool_can_live_on_a_claim_of_one_pod_replaced_not_surged() -> None:
    manifests = render(*INSTALL, SPOOL_CLAIM)
    deployment = one(manifests, "Deployment")
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"] == {"type": "Recreate"}
    (spool,) = (v for v in pod_spec(manifests)["volumes"] if v["name"] == "spool")
    assert spool == {"name": "spool", "persistentVolumeClaim": {"claimName": "bastion-spool"}}
    # One pod: neither an HPA that would add a second one on the same spool, nor a budget.
    assert not {"HorizontalPodAutoscaler", "PodDisruptionBudget"} & kinds(manifests)
    # The claim's space is not the node's ephemeral storage.
    requests = gateway_container(manifests)["resources"]["requests"]
    assert requests["ephemeral-storage"] == "256Mi"


def test_a_spool_claim_without_a_spool_fails_the_install() -> None:
    durable = {"config": {"journal": {"durability": "database"}}}
    with pytest.raises(helm.HelmError, match="durability is not spool"):
        render(*INSTALL, SPOOL_CLAIM, durable)


def test_the_docs_and_values_say_what_an_emptydir_spool_loses_on_deletion() -> None:
    values = (CHART / "values.yaml").read_text()
    assert "LOST with the emptyDir" in values
    assert "durability: database" in values
    doc = deployment_doc()
    assert "lost with the pod" in doc
    assert "spool.persistentVolumeClaim" in doc
    notes = chart_notes(*INSTALL)
    assert "durability: database" in notes
    assert "durability: database" not in chart_notes(*INSTALL, SPOOL_CLAIM)


# M2: the spool's size and the pod's ephemeral storage.


def test_the_ephemeral_storage_request_covers_the_spool_and_tmp() -> None:
    for sizes in ({}, {"spool": {"sizeLimit": "4Gi"}, "tmp": {"sizeLimit": "512Mi"}}):
        manifests = render(*INSTALL, sizes)
        volumes = {v["name"]: v for v in pod_spec(manifests)["volumes"]}
        limits = [volumes[name]["emptyDir"]["sizeLimit"] for name in ("spool", "tmp")]
        requested = gateway_container(manifests)["resources"]["requests"]["ephemeral-storage"]
        assert mebibytes(requested) == sum(mebibytes(size) for size in limits)
    # What the values set wins.
    fixed = {"resources": {"requests": {"ephemeral-storage": "8Gi"}}}
    requests = gateway_container(render(*INSTALL, fixed))["resources"]["requests"]
    assert requests["ephemeral-storage"] == "8Gi"


def test_sizes_in_units_the_chart_cannot_add_fail_the_install() -> None:
    with pytest.raises(helm.HelmError, match="sizeLimit"):
        render(*INSTALL, {"spool": {"sizeLimit": "1G"}})


# M3: memory follows the workers.


@pytest.mark.parametrize("workers", [1, 2, 8])
def test_cpu_and_memory_follow_the_workers(workers: int) -> None:
    resources = gateway_container(render(*INSTALL, {"workers": workers}))["resources"]
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())["memory"]
    request, limit = defaults["request"], defaults["limit"]
    assert resources["requests"]["cpu"] == str(workers)
    derived_request = request["base"] + workers * request["perWorker"]
    assert resources["requests"]["memory"] == f"{derived_request}Mi"
    assert resources["limits"]["memory"] == f"{limit['base'] + workers * limit['perWorker']}Mi"
    # Measured: about 120 MiB a worker plus about 120 MiB for the supervisor and the loader.
    assert mebibytes(resources["requests"]["memory"]) >= 120 + workers * 120
    assert "cpu" not in resources["limits"]


def test_resources_the_values_set_win_over_the_derived_ones() -> None:
    given = {"resources": {"requests": {"cpu": "3", "memory": "2Gi"}, "limits": {"memory": "4Gi"}}}
    resources = gateway_container(render(*INSTALL, given))["resources"]
    assert resources["requests"]["cpu"] == "3"
    assert resources["requests"]["memory"] == "2Gi"
    assert resources["limits"]["memory"] == "4Gi"
    per_worker = {"memory": {"request": {"base": 100, "perWorker": 10}}}
    resources = gateway_container(render(*INSTALL, {"workers": 4}, per_worker))["resources"]
    assert resources["requests"]["memory"] == "140Mi"


# M4: the admin key comes from a Secret, never from the log.


def admin_key_ref(manifests: list[Manifest]) -> dict[str, str]:
    container = gateway_container(manifests)
    (entry,) = (e for e in container["env"] if e["name"] == "BASTION_ADMIN_KEY")
    ref = entry["valueFrom"]["secretKeyRef"]
    assert isinstance(ref, dict)
    assert "optional" not in ref  # a missing key stops the pod, rather than a printed key
    return ref


def test_without_an_admin_key_the_chart_generates_one_into_its_own_secret() -> None:
    values = merge_all(*INSTALL, {"secrets": {"env": {"BASTION_ADMIN_KEY": ""}}})
    manifests = render(values)
    ref = admin_key_ref(manifests)
    (secret,) = (
        m for m in manifests if m["kind"] == "Secret" and m["metadata"]["name"] == ref["name"]
    )
    assert ref["name"] == "bastion-admin"
    assert ref["key"] == "BASTION_ADMIN_KEY"
    key = base64.b64decode(secret["data"]["BASTION_ADMIN_KEY"]).decode()
    assert is_well_formed(key)
    notes = chart_notes(values)
    assert "kubectl -n llm get secret bastion-admin" in notes
    assert "base64 -d" in notes


def test_an_admin_key_given_is_used_from_its_secret() -> None:
    manifests = render(*INSTALL)
    assert admin_key_ref(manifests) == {"name": "bastion", "key": "BASTION_ADMIN_KEY"}
    assert [m["metadata"]["name"] for m in manifests if m["kind"] == "Secret"] == ["bastion"]
    # An existing Secret must hold it.
    assert admin_key_ref(render(EVERYTHING_ON)) == {
        "name": "bastion-secrets",
        "key": "BASTION_ADMIN_KEY",
    }
    assert "must hold BASTION_ADMIN_KEY" in chart_notes(EVERYTHING_ON)
    # Or a Secret of its own.
    own = {"adminKey": {"existingSecret": "bastion-admin-key", "secretKey": "key"}}
    manifests = render(EVERYTHING_ON, own)
    assert admin_key_ref(manifests) == {"name": "bastion-admin-key", "key": "key"}
    assert "Secret" not in kinds(manifests)


# M7: extra volumes, mounts and environment.


def test_extra_volumes_mounts_and_env_sources_reach_the_pod() -> None:
    manifests = render(EVERYTHING_ON)
    container = gateway_container(manifests)
    assert {"name": "prices", "configMap": {"name": "bastion-prices"}} in pod_spec(manifests)[
        "volumes"
    ]
    assert {
        "name": "prices",
        "mountPath": "/etc/bastion/prices",
        "readOnly": True,
    } in container["volumeMounts"]
    assert container["envFrom"][1:] == [{"configMapRef": {"name": "bastion-extra-env"}}]


# M8: no silent simulator.


def test_an_install_without_backends_fails_unless_the_simulator_is_asked_for() -> None:
    with pytest.raises(helm.HelmError, match=r"config\.backends is empty"):
        render({"image": REQUIRED["image"]}, SECRETS)
    manifests = render(*VALUE_SETS["simulator"])
    assert not yaml.safe_load(one(manifests, "ConfigMap")["data"]["bastion.yaml"])["backends"]
    assert "SIMULATOR" in chart_notes(*VALUE_SETS["simulator"])
    assert "SIMULATOR" not in chart_notes(*INSTALL)


def test_the_backends_example_serves_a_real_engine_and_a_cloud_api() -> None:
    config = loaded_config(render(*VALUE_SETS["backends-example"]))
    assert set(config.backends) == {"vllm", "openai"}
    assert all(backend.kind != "simulator" for backend in config.backends.values())


# L1: a NetworkPolicy, off by default.


def test_a_network_policy_admits_the_gateway_port_and_dns_when_asked() -> None:
    assert "NetworkPolicy" not in kinds(render(*INSTALL))
    manifests = render(EVERYTHING_ON)
    policy = one(manifests, "NetworkPolicy")["spec"]
    pod_labels = one(manifests, "Deployment")["spec"]["template"]["metadata"]["labels"]
    assert policy["podSelector"]["matchLabels"].items() <= pod_labels.items()
    assert policy["policyTypes"] == ["Ingress", "Egress"]
    (ingress,) = policy["ingress"]
    assert ingress["ports"] == [{"port": "http", "protocol": "TCP"}]
    assert ingress["from"] == [{"namespaceSelector": {"matchLabels": {"team": "ml"}}}]
    dns, given = policy["egress"]
    assert {p["port"] for p in dns["ports"]} == {53}
    assert given == {"to": [{"ipBlock": {"cidr": "10.0.0.0/8"}}]}
    # Without egress rules, egress stays open (the backends are the operator's to list).
    open_egress = render(*INSTALL, {"networkPolicy": {"enabled": True}})
    assert one(open_egress, "NetworkPolicy")["spec"]["policyTypes"] == ["Ingress"]


# L2: one scrape path.


def test_pod_annotations_give_way_to_the_service_monitor() -> None:
    def scraped(manifests: list[Manifest]) -> bool:
        metadata = one(manifests, "Deployment")["spec"]["template"]["metadata"]
        return "prometheus.io/scrape" in metadata["annotations"]

    assert scraped(render(*INSTALL))
    assert not scraped(render(EVERYTHING_ON))


# L3: the grace period's headroom.


def test_the_grace_period_follows_the_server_settings_with_headroom() -> None:
    slow = {"config": {"server": {"drain_delay_seconds": 5, "shutdown_grace_seconds": 600}}}
    grace = pod_spec(render(*INSTALL, slow))["terminationGracePeriodSeconds"]
    assert grace == 5 + 600 + supervisor._STOP_MARGIN_SECONDS + REAP_SECONDS + 30 + 10
    fixed = pod_spec(render(*INSTALL, {"terminationGracePeriodSeconds": 42}))
    assert fixed["terminationGracePeriodSeconds"] == 42


# L4: the listening address.


def test_the_listening_address_is_a_value() -> None:
    container = gateway_container(render(*INSTALL, {"host": "0.0.0.0"}))
    assert literal_env(container)["BASTION_HOST"] == "0.0.0.0"


# L6: the disruption budget with one pod.


def test_no_disruption_budget_for_a_single_pod() -> None:
    single = {"autoscaling": {"enabled": False}, "replicaCount": 1}
    assert "PodDisruptionBudget" not in kinds(render(*INSTALL, single))
    assert "One pod" in chart_notes(*INSTALL, single)
    hpa_of_one = {"autoscaling": {"minReplicas": 1}}
    assert "PodDisruptionBudget" not in kinds(render(*INSTALL, hpa_of_one))
    assert "PodDisruptionBudget" in kinds(render(*INSTALL))


# L7: tracing needs more than the endpoint.


def test_the_otel_example_says_tracing_must_be_enabled() -> None:
    values = (CHART / "values.yaml").read_text()
    assert "OTEL_EXPORTER_OTLP_ENDPOINT" in values
    assert "config.telemetry.tracing.enabled: true" in values
    assert "telemetry.tracing.enabled: true" in deployment_doc()


# L8: the values' schema.


@pytest.mark.parametrize(
    ("values", "where"),
    [
        ({"image": {"tag": 1.10}}, "/image/tag"),
        ({"workers": "4"}, "/workers"),
        ({"workers": 0}, "/workers"),
        ({"spool": {"sizeLimit": "1G"}}, "/spool/sizeLimit"),
        ({"spool": {"persistentVolumeClaim": True}}, "/spool/persistentVolumeClaim"),
        ({"memory": {"request": {"base": "256Mi", "perWorker": 160}}}, "/memory/request/base"),
        ({"allowSimulator": "yes"}, "/allowSimulator"),
        ({"adminKey": {"existingSecret": 1}}, "/adminKey/existingSecret"),
        ({"networkPolicy": {"enabled": "true"}}, "/networkPolicy/enabled"),
        ({"extraVolumes": {}}, "/extraVolumes"),
        ({"host": ""}, "/host"),
        ({"wokers": 4}, "wokers"),
    ],
)
def test_the_values_schema_refuses_wrong_types_and_unknown_keys(
    values: dict[str, Any], where: str
) -> None:
    with pytest.raises(helm.HelmError, match=re.escape(where)):
        render(*INSTALL, values)


def test_the_values_schema_accepts_the_defaults_and_every_value_set() -> None:
    with helm.Chart.load(CHART) as chart:
        chart.validate_schema({})
        for value_sets in VALUE_SETS.values():
            chart.validate_schema(merge_all(*value_sets))
    # A tag that looks like a number, quoted, is the tag as written.
    image = gateway_container(render(*INSTALL, {"image": {"tag": "1.10"}}))["image"]
    assert image.endswith(":1.10")


def test_every_key_of_values_yaml_is_in_the_schema() -> None:
    schema = json.loads((CHART / "values.schema.json").read_text())
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    assert set(values) <= set(schema["properties"])


# L9: the image's repository is the user's to give.


def test_an_install_without_an_image_repository_fails() -> None:
    with pytest.raises(helm.HelmError, match=r"image\.repository is required"):
        render(merge_all(*INSTALL, {"image": {"repository": ""}}))


def chart_notes(*value_sets: dict[str, Any]) -> str:
    values = merge_all(*value_sets)
    with helm.Chart.load(CHART) as chart:
        files = chart.render(values, name="bastion", namespace="llm")
    (notes,) = (text for path, text in files.items() if path.endswith("NOTES.txt"))
    return notes
