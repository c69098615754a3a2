"""Upstream adapters: how the gateway talks to each kind of engine or cloud API."""

from bastion.providers.base import Provider
from bastion.providers.response import StreamInterrupted, UpstreamResponse

__all__ = ["Provider", "StreamInterrupted", "UpstreamResponse"]
