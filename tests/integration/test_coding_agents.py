"""The coding agents people point at gateways, unchanged, through ``bastion serve``: Codex CLI
(the Responses API, streamed) and Claude Code (Anthropic Messages, streamed), each completing a
turn that includes a tool call and its result, against the built-in simulator.

The agents are installed by ``make test`` from ``tests/clients/package-lock.json``; without npm
(a laptop) these tests are skipped, with CI they must run.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_serve_process import ServeProcess

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "clients" / "node_modules" / ".bin"
ADMIN_KEY = "bst-agents-admin-key-000000000000000000000"
CONFIG = """
discovery:
  enabled: false
backends:
  sim:
    kind: simulator
    location: local
    simulator: {time_scale: 50}
models:
  - name: local-coder
    target: sim/bastion-sim
"""

pytestmark = pytest.mark.slow


def agent(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: `make test` installs it from tests/clients")
        pytest.skip(f"{name} is not installed (needs npm; `make test` installs it)")
    return path


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[ServeProcess]:
    config = tmp_path / "bastion.yaml"
    config.write_text(CONFIG)
    process = ServeProcess(
        tmp_path,
        "--config",
        str(config),
        env={"BASTION_ADMIN_KEY": ADMIN_KEY, "BASTION_LOG_LEVEL": "info"},
    )
    process.wait_ready()
    yield process
    process.stop()


def requests_seen(gateway: ServeProcess, endpoint: str) -> list[dict[str, object]]:
    """The access-log lines of ``endpoint`` requests."""
    lines = []
    for line in gateway.text.splitlines():
        if '"bastion.access"' in line and f'"endpoint":"{endpoint}"' in line:
            lines.append(json.loads(line))
    return lines


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    return subprocess.run(
        command,
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_codex_exec_completes_a_turn_with_a_tool_call(
    gateway: ServeProcess, tmp_path: Path
) -> None:
    codex = agent("codex")
    home = tmp_path / "codex-home"
    home.mkdir()
    (home / "config.toml").write_text(
        'model = "local-coder"\n'
        'model_provider = "bastion"\n'
        'web_search = "disabled"\n'
        "[model_providers.bastion]\n"
        'name = "Bastion"\n'
        f'base_url = "{gateway.url}/v1"\n'
        'env_key = "BASTION_API_KEY"\n'
        'wire_api = "responses"\n'
    )
    work = tmp_path / "work"
    work.mkdir()
    done = run(
        [str(codex), "exec", "--skip-git-repo-check", "Say hi"],
        work,
        {"CODEX_HOME": str(home), "BASTION_API_KEY": ADMIN_KEY},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    turns = requests_seen(gateway, "responses")
    # The simulator answers a request offering tools with a call; Codex runs it and sends the
    # result back, and the second answer is text.
    assert len(turns) >= 2, gateway.text
    assert all(turn["status"] == 200 and turn["stream"] is True for turn in turns), turns
    assert "tokens used" in done.stdout + done.stderr


def test_claude_code_print_completes_a_turn_with_a_tool_call(
    gateway: ServeProcess, tmp_path: Path
) -> None:
    claude = agent("claude")
    home = tmp_path / "claude-home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    done = run(
        [str(claude), "-p", "Say hi"],
        work,
        {
            "HOME": str(home),
            "ANTHROPIC_BASE_URL": gateway.url,
            "ANTHROPIC_API_KEY": ADMIN_KEY,
            "ANTHROPIC_MODEL": "local-coder",
            "ANTHROPIC_SMALL_FAST_MODEL": "local-coder",
            "ANTHROPIC_DEFAULT_HAIKU_MODEL": "local-coder",
            "DISABLE_TELEMETRY": "1",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
        },
    )
    assert done.returncode == 0, done.stdout + done.stderr
    turns = requests_seen(gateway, "messages")
    assert len(turns) >= 2, gateway.text
    assert all(turn["status"] == 200 and turn["stream"] is True for turn in turns), turns
    assert done.stdout.strip()
