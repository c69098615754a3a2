from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bastion.sim import FaultConfig, SimConfig, SimEngine
from bastion.sim.cli import sim_command
from bastion.sim.clock import SimClock
from bastion.sim.faults import FaultState


def faults(config: FaultConfig, seed: int = 0, now: list[float] | None = None) -> FaultState:
    ticks = now if now is not None else [0.0]
    clock = SimClock(time_scale=10.0, monotonic=lambda: ticks[0])
    return FaultState(config, seed, SimEngine(SimConfig(), clock=clock), clock)


def test_injected_errors_are_deterministic_under_the_seed() -> None:
    config = FaultConfig(error_rate=0.5, error_status=429)

    def pattern(seed: int) -> list[int | None]:
        state = faults(config, seed)
        return [state.admit().error_status for _ in range(40)]

    first = pattern(1)
    assert first == pattern(1)
    assert first != pattern(2)
    assert set(first) == {None, 429}
    assert 8 < first.count(429) < 32


def test_crash_after_requests_and_recovery_on_a_new_config() -> None:
    state = faults(FaultConfig(crash_after_requests=2))
    seen = [state.crashed]
    state.admit()
    state.admit()
    seen.append(state.crashed)
    state.apply(FaultConfig())
    seen.append(state.crashed)
    assert seen == [False, True, False]


def test_slow_start_counts_scaled_wall_time() -> None:
    now = [0.0]
    state = faults(FaultConfig(slow_start_seconds=5.0), now=now)
    assert state.starting
    now[0] = 0.4  # 4 simulated seconds at 10x
    assert state.starting
    assert state.start_remaining == pytest.approx(1.0)
    now[0] = 0.6
    assert not state.starting


def test_hang_pauses_the_engine() -> None:
    state = faults(FaultConfig(hang=True))
    assert state._engine.paused
    state.apply(FaultConfig())
    assert not state._engine.paused


def test_fault_config_validates_its_fields() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        FaultConfig(error_rate=1.5)
    with pytest.raises(ValueError, match="error_status"):
        FaultConfig.model_validate({"error_status": 418})


def test_cli_builds_the_config_from_file_and_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        ran["config"] = app.state.sim.config
        ran.update(options)

    monkeypatch.setattr("uvicorn.run", fake_run)
    settings = tmp_path / "sim.yaml"
    settings.write_text("model: tiny\nnum_kv_blocks: 100\nfaults: {extra_latency_ms: 5}\n")
    result = CliRunner().invoke(
        sim_command,
        ["--config", str(settings), "--port", "8123", "--time-scale", "10", "--error-rate", "0.25"],
    )
    assert result.exit_code == 0, result.output
    config: SimConfig = ran["config"]
    assert config.model == "tiny"
    assert config.num_kv_blocks == 100
    assert config.time_scale == 10.0
    assert config.faults.extra_latency_ms == 5
    assert config.faults.error_rate == 0.25
    assert config.faults.crash_mode == "exit"  # a standalone server really dies
    assert ran["port"] == 8123
    assert ran["host"] == "127.0.0.1"
    assert ran["http"] == "httptools"
    assert "SIMULATED" in result.output


def test_cli_rejects_invalid_settings() -> None:
    result = CliRunner().invoke(sim_command, ["--time-scale", "0"])
    assert result.exit_code == 2
    assert "time_scale" in result.output


def test_cli_is_a_click_command_named_sim() -> None:
    assert sim_command.name == "sim"
    result = CliRunner().invoke(sim_command, ["--help"])
    assert "--slow-start" in result.output
    assert "--hang" in result.output


def test_served_model_names_default_to_the_model() -> None:
    assert SimConfig().served_model_names == ["bastion-sim"]
    assert SimConfig(model="tiny").served_model_names == ["tiny"]
    assert SimConfig(model="tiny", served_model_names=["a", "b"]).model_names == ["a", "b"]
