"""Builds the provider adapter for a configured backend."""

from __future__ import annotations

from bastion.config import BackendConfig
from bastion.providers.anthropic import AnthropicProvider
from bastion.providers.base import Provider
from bastion.providers.openai_compatible import OpenAICompatibleProvider
from bastion.providers.simulator import SimulatorProvider


def build_provider(name: str, config: BackendConfig) -> Provider:
    if config.kind == "anthropic":
        return AnthropicProvider(name, config)
    if config.kind == "simulator":
        return SimulatorProvider(name, config)
    return OpenAICompatibleProvider(name, config)
