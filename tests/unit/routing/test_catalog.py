from __future__ import annotations

import pytest

from bastion.config import BackendConfig
from bastion.providers.openai_compatible import OpenAICompatibleProvider
from bastion.routing.catalog import ModelCatalog


def provider(name: str) -> OpenAICompatibleProvider:
    config = BackendConfig(kind="openai-compatible", location="local", base_url="http://x/v1")
    return OpenAICompatibleProvider(name, config)


def test_qualified_bare_alias_and_wildcard_names() -> None:
    vllm, sglang, cloud = provider("vllm"), provider("sglang"), provider("openai")
    catalog = ModelCatalog()
    catalog.add_backend(vllm, ["meta-llama/Llama-3.1-8B", "shared"], simulated=False)
    catalog.add_backend(sglang, ["qwen", "shared"], simulated=False)
    catalog.add_backend(cloud, None, simulated=False)
    catalog.add_alias("chat", "vllm/meta-llama/Llama-3.1-8B")
    catalog.finalize()

    qualified = catalog.resolve("vllm/meta-llama/Llama-3.1-8B")
    assert qualified is not None
    assert (qualified.backend, qualified.upstream_model) == (vllm, "meta-llama/Llama-3.1-8B")
    bare = catalog.resolve("qwen")
    assert bare is not None
    assert bare.backend is sglang
    # Served by two backends: ambiguous, so only the qualified names work.
    assert catalog.resolve("shared") is None
    assert catalog.resolve("sglang/shared") is not None
    alias = catalog.resolve("chat")
    assert alias is not None
    assert alias.upstream_model == "meta-llama/Llama-3.1-8B"
    wildcard = catalog.resolve("openai/gpt-4o-mini")
    assert wildcard is not None
    assert (wildcard.backend, wildcard.upstream_model) == (cloud, "gpt-4o-mini")
    assert catalog.resolve("openai/") is None
    assert catalog.resolve("nobody/model") is None
    listed = {m.id for m in catalog.listing()}
    assert {"chat", "qwen", "vllm/shared", "sglang/shared"} <= listed
    assert "shared" not in listed


def test_alias_to_unknown_target_fails_at_start_up() -> None:
    catalog = ModelCatalog()
    catalog.add_backend(provider("vllm"), ["a"], simulated=False)
    with pytest.raises(ValueError, match="no backend serves"):
        catalog.add_alias("x", "vllm/b")
