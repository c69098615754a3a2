"""Reaching the Redis test server.

Tests marked ``redis`` use the server at 127.0.0.1:6379. Where ``CI=true`` an unreachable server
fails the run; elsewhere those tests are skipped with the reason. Each test gets its own key
prefix, so tests never see each other's keys.
"""

from __future__ import annotations

import os
import secrets

import pytest
import redis

HOST = os.environ.get("BASTION_TEST_REDIS_HOST", "127.0.0.1")
PORT = int(os.environ.get("BASTION_TEST_REDIS_PORT", "6379"))
URL = f"redis://{HOST}:{PORT}/0"


def require_redis() -> str:
    """A fresh key prefix on the reachable server, or a skip (a failure where ``CI=true``)."""
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        message = f"Redis at {HOST}:{PORT} is not reachable ({type(exc).__name__}: {exc})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true requires the redis tests to run")
        pytest.skip(message)
    return f"bastion-test-{secrets.token_hex(4)}:"


def drop_prefix(prefix: str) -> None:
    client = redis.Redis.from_url(URL)
    keys = list(client.scan_iter(match=prefix + "*"))
    if keys:
        client.delete(*keys)
