from __future__ import annotations

from pathlib import Path

import pytest

from bastion.config import ConfigError, load_config, parse_config

GOOD = """
server:
  port: 9000
backends:
  vllm:
    kind: openai-compatible
    location: local
    base_url: http://gpu1:8000/v1/
    api_key: ${VLLM_KEY}
  openai:
    kind: openai-compatible
    location: external
    base_url: https://api.openai.com/v1
    api_key: os.environ/OPENAI_API_KEY
    models: ["*"]
  anth:
    kind: anthropic
    location: external
    api_key: ${ANTHROPIC_KEY:-unset}
models:
  - name: llama
    target: vllm/meta-llama/Llama-3.1-8B-Instruct
"""


def problems(text: str, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "bastion.yaml", env or {})
    return [p.render("bastion.yaml") for p in caught.value.problems]


def test_good_config_with_environment_secrets() -> None:
    config = parse_config(GOOD, "bastion.yaml", {"VLLM_KEY": "k1", "OPENAI_API_KEY": "sk-2"})
    assert config.server.port == 9000
    vllm = config.backends["vllm"]
    assert vllm.base_url == "http://gpu1:8000/v1"
    assert vllm.api_key is not None
    assert vllm.api_key.get_secret_value() == "k1"
    assert config.backends["openai"].api_key.get_secret_value() == "sk-2"  # type: ignore[union-attr]
    assert config.backends["anth"].api_key.get_secret_value() == "unset"  # type: ignore[union-attr]
    assert config.models[0].target == "vllm/meta-llama/Llama-3.1-8B-Instruct"
    # Secrets never show up in a printed config.
    assert "sk-2" not in repr(config)


def test_missing_environment_variables_are_reported_with_their_key_paths() -> None:
    assert problems(GOOD) == [
        "bastion.yaml:9: backends.vllm.api_key: environment variable VLLM_KEY is not set",
        "bastion.yaml:14: backends.openai.api_key: environment variable OPENAI_API_KEY is not set",
    ]


def test_every_problem_has_file_line_key_and_expectation() -> None:
    text = """
server:
  port: many
backends:
  a:
    kind: openai-compatibel
    location: local
    base_url: http://x
  b:
    kind: anthropic
    location: external
    colour: blue
"""
    found = problems(text)
    assert "bastion.yaml:3: server.port: Input should be a valid integer" in found[0]
    assert found[1].startswith("bastion.yaml:6: backends.a.kind: expected 'openai-compatible'")
    assert found[2] == "bastion.yaml:12: backends.b.colour: unknown key"


def test_duplicate_keys_are_errors_not_last_one_wins() -> None:
    text = """
backends:
  vllm:
    kind: openai-compatible
    location: local
    base_url: http://gpu1:8000/v1
  vllm:
    kind: openai-compatible
    location: external
    base_url: https://cloud.example/v1
"""
    assert problems(text) == ["bastion.yaml:7: backends.vllm: defined twice in the same mapping"]


def test_cross_field_rules() -> None:
    no_url = "backends:\n  a:\n    kind: openai-compatible\n    location: local\n"
    assert "needs base_url" in problems(no_url)[0]
    alias = "models:\n  - name: x\n    target: ghost/model\n"
    assert "backend 'ghost' is not defined" in problems(alias)[0]
    external_sim = "backends:\n  s:\n    kind: simulator\n    location: external\n"
    assert "location is local" in problems(external_sim)[0]


def test_invalid_yaml_and_unreadable_file(tmp_path: Path) -> None:
    assert problems("backends: [unclosed\n")[0].startswith("bastion.yaml:2: invalid YAML")
    assert problems("- a\n- b\n") == ["bastion.yaml:1: expected a mapping at the top level"]
    with pytest.raises(ConfigError, match="cannot read file"):
        load_config(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\xff\xfe")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(binary)


def test_empty_file_means_defaults() -> None:
    config = parse_config("", "bastion.yaml", {})
    assert config.backends == {}
    assert config.auth.enabled
    assert config.discovery.ports["vllm"] == 8000
