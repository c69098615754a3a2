"""Published endpoint versions are immutable: a changed one stops the gateway from starting."""

from __future__ import annotations

from typing import Any

import pytest

from bastion.config import ConfigError
from bastion.config.schema import EndpointConfig
from bastion.routing.endpoints import EndpointRegistry
from bastion.routing.publication import check_and_publish
from bastion.store.store import Store

V1: dict[str, Any] = {
    "backend": "gpu",
    "model": "llama-3.1-8b",
    "params": {"temperature": 0.2},
    "system_prompt": "Be brief.",
}


def registry(**versions: dict[str, Any]) -> EndpointRegistry:
    return EndpointRegistry({"support": EndpointConfig.model_validate({"versions": versions})})


async def check_publication_rules(store: Store) -> None:
    assert await check_and_publish(registry(**{"1": V1}), store.versions) == 1
    # Unchanged, and with lifecycle dates added: nothing to publish, nothing refused.
    dated = {**V1, "deprecated": "2027-01-01T00:00:00Z", "successor": "2"}
    assert await check_and_publish(registry(**{"1": dated, "2": V1}), store.versions) == 1

    changed = {**V1, "model": "llama-3.3-70b", "params": {"temperature": 0.3}}
    with pytest.raises(ConfigError) as caught:
        await check_and_publish(registry(**{"1": changed, "2": V1}), store.versions)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["endpoints.support.versions.1.model", "endpoints.support.versions.1.params"]
    message = str(caught.value)
    assert "support@1" in message and "immutable" in message
    assert '"llama-3.1-8b"' in message and '"llama-3.3-70b"' in message
    assert "new version" in message
    # The refused change was not recorded: the original still stands.
    published = await store.versions.all()
    assert set(published) == {("support", "1"), ("support", "2")}
    assert '"llama-3.1-8b"' in published[("support", "1")].spec


async def test_publication_on_sqlite(store: Store) -> None:
    await check_publication_rules(store)
