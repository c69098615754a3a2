"""The connection limits' settings and the open files limit ``bastion serve`` raises for them."""

from __future__ import annotations

import logging
import resource

import pytest

from bastion.config import ConfigError, config_from_mapping
from bastion.server import raise_open_files_limit


def test_the_limits_are_set_under_server() -> None:
    server = config_from_mapping(
        {
            "server": {
                "max_connections": 100,
                "max_header_bytes": 16384,
                "max_headers": 50,
                "header_timeout_seconds": 5,
                "body_timeout_seconds": 20,
                "body_min_bytes_per_second": 0,
                "keep_alive_timeout_seconds": 30,
            }
        }
    ).server
    assert (server.max_connections, server.max_header_bytes, server.max_headers) == (100, 16384, 50)
    assert server.body_min_bytes_per_second == 0
    defaults = config_from_mapping({}).server
    assert defaults.max_header_bytes == 65536
    assert defaults.header_timeout_seconds == 10


@pytest.mark.parametrize(
    "setting",
    [
        {"max_header_bytes": 512},
        {"max_connections": 0},
        {"header_timeout_seconds": 0},
        {"body_min_bytes_per_second": -1},
    ],
)
def test_limits_that_could_not_work_are_refused(setting: dict[str, int]) -> None:
    with pytest.raises(ConfigError):
        config_from_mapping({"server": setting})


class FakeLimits:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, soft: int, hard: int) -> None:
        self.current = (soft, hard)
        monkeypatch.setattr(resource, "getrlimit", lambda which: self.current)
        monkeypatch.setattr(resource, "setrlimit", self.set)

    def set(self, which: int, limits: tuple[int, int]) -> None:
        assert which == resource.RLIMIT_NOFILE
        self.current = limits


def test_the_soft_open_files_limit_is_raised_for_the_connections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limits = FakeLimits(monkeypatch, 1024, 1_048_576)
    raise_open_files_limit(4096)
    assert limits.current == (2 * 4096 + 1024, 1_048_576)
    raise_open_files_limit(10)  # never lowered
    assert limits.current == (2 * 4096 + 1024, 1_048_576)


def test_a_hard_limit_too_low_is_reached_and_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    limits = FakeLimits(monkeypatch, 1024, 4096)
    with caplog.at_level(logging.WARNING, logger="bastion.server"):
        raise_open_files_limit(4096)
    assert limits.current == (4096, 4096)
    assert "open files limit (4096) is below what server.max_connections needs (9216)" in (
        caplog.text
    )
