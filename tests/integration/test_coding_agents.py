"""The coding agents people point at gateways, unchanged, through ``bastion serve``: Codex CLI
(the Responses API, streamed) and Claude Code (Anthropic Messages, streamed), each completing a
turn that includes a tool call and its result, against the built-in simulator and against a
scripted engine that asks them to read a file and checks the file's text came back.

The agents are installed by ``make test`` from ``tests/clients/package-lock.json``; without npm
(a laptop) these tests are skipped, with CI they must run.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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

# An agent's run is bounded by `run`'s own 240 s; the first run of Claude Code in a fresh clone
# has taken 93 s (about 10 s afterwards), past the suite's default 120 s under parallel load.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def agent(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: `make test` installs it from tests/clients")
        pytest.skip(f"{name} is not installed (needs npm; `make test` installs it)")
    return path


SCRIPTED_CONFIG = """
discovery:
  enabled: false
backends:
  up:
    kind: openai-compatible
    location: local
    base_url: {url}/v1
    models: ["*"]
models:
  - name: local-coder
    target: up/agent
"""
SECRET = "the secret word is apricot"


@pytest.fixture(params=["simulator", "scripted", "native"])
def gateway(
    request: pytest.FixtureRequest, tmp_path: Path, scripted: tuple[Any, str]
) -> Iterator[ServeProcess]:
    config = tmp_path / "bastion.yaml"
    upstream, url = scripted
    # "native": the scripted engine serves the Responses API itself, which Codex's requests
    # then reach as they are (Claude Code's are still translated to chat completions).
    if request.param == "native":
        url += "/native"
    config.write_text(CONFIG if request.param == "simulator" else SCRIPTED_CONFIG.format(url=url))
    process = ServeProcess(
        tmp_path,
        "--config",
        str(config),
        env={"BASTION_ADMIN_KEY": ADMIN_KEY, "BASTION_LOG_LEVEL": "info"},
    )
    process.wait_ready()
    process.upstream = upstream if request.param != "simulator" else None  # type: ignore[attr-defined]
    yield process
    process.stop()


def check_tool_result(gateway: ServeProcess) -> None:
    """Against the scripted engine: the file's text reached it as the tool's result."""
    upstream = getattr(gateway, "upstream", None)
    if upstream is None:
        return
    results = [
        str(m.get("content"))
        for body in upstream.requests
        for m in body.get("messages") or []
        if m.get("role") == "tool"
    ]
    results += [
        str(item.get("output"))
        for body in upstream.requests
        for item in body.get("input") or []
        if isinstance(item, dict) and item.get("type") == "function_call_output"
    ]
    assert any(SECRET in result for result in results), results


def requests_seen(gateway: ServeProcess, endpoint: str) -> list[dict[str, object]]:
    """The access-log lines of ``endpoint`` requests."""
    lines = []
    for line in gateway.text.splitlines():
        if '"bastion.access"' in line and f'"endpoint":"{endpoint}"' in line:
            lines.append(json.loads(line))
    return lines


def errors_seen(gateway: ServeProcess) -> list[str]:
    """The gateway's refusals and failures, to say why an agent gave up."""
    return [line for line in gateway.text.splitlines() if '"error"' in line][-5:]


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
        # A refused request fails the run at once instead of after minutes of back-off.
        "request_max_retries = 0\n"
        "stream_max_retries = 0\n"
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text(SECRET + "\n")
    done = run(
        [str(codex), "exec", "--skip-git-repo-check", "What does notes.txt say?"],
        work,
        {"CODEX_HOME": str(home), "BASTION_API_KEY": ADMIN_KEY},
    )
    assert done.returncode == 0, (done.stdout + done.stderr, errors_seen(gateway))
    turns = requests_seen(gateway, "responses")
    # The simulator answers a request offering tools with a call; Codex runs it and sends the
    # result back, and the second answer is text.
    assert len(turns) >= 2, gateway.text
    assert all(turn["status"] == 200 for turn in turns), [
        (turn["status"], turn.get("error"), turn["stream"]) for turn in turns
    ]
    assert "tokens used" in done.stdout + done.stderr
    check_tool_result(gateway)
    upstream = getattr(gateway, "upstream", None)
    if upstream is not None and any(path.startswith("/native/") for path in upstream.paths):
        # Both turns reached the engine's own Responses API, untranslated.
        assert upstream.paths.count("/native/v1/responses") >= 3, upstream.paths  # probe + 2


def test_claude_code_print_completes_a_turn_with_a_tool_call(
    gateway: ServeProcess, tmp_path: Path
) -> None:
    claude = agent("claude")
    home = tmp_path / "claude-home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    notes = work / "notes.txt"
    # Long enough (about 9,000 tokens) that Claude Code asks the gateway to count its tokens
    # before it hands the file to the model.
    notes.write_text(SECRET + "\n" + "The quick brown fox jumps over the lazy dog.\n" * 800)
    done = run(
        [str(claude), "-p", f"What does {notes} say?"],
        work,
        {
            "HOME": str(home),
            "ANTHROPIC_BASE_URL": gateway.url,
            "ANTHROPIC_API_KEY": ADMIN_KEY,
            "ANTHROPIC_MODEL": "local-coder",
            "ANTHROPIC_SMALL_FAST_MODEL": "local-coder",
            # Claude Code picks models of its own for some requests (a helper call asked for
            # its default Opus under CI); each family it names must map to a model Bastion serves.
            "ANTHROPIC_DEFAULT_HAIKU_MODEL": "local-coder",
            "ANTHROPIC_DEFAULT_SONNET_MODEL": "local-coder",
            "ANTHROPIC_DEFAULT_OPUS_MODEL": "local-coder",
            "CLAUDE_CODE_SUBAGENT_MODEL": "local-coder",
            "DISABLE_TELEMETRY": "1",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
        },
    )
    assert done.returncode == 0, (done.stdout + done.stderr, errors_seen(gateway))
    turns = requests_seen(gateway, "messages")
    assert len(turns) >= 2, gateway.text
    assert all(turn["status"] == 200 for turn in turns), [
        (turn["status"], turn.get("error"), turn["stream"]) for turn in turns
    ]
    assert done.stdout.strip()
    check_tool_result(gateway)
    if getattr(gateway, "upstream", None) is not None:
        # The scripted engine has no tokenizer endpoint: the file's tokens were estimated.
        counts = [
            json.loads(line) for line in gateway.text.splitlines() if '"tokens counted"' in line
        ]
        assert counts and all(count["source"] == "estimate" for count in counts), gateway.text
        # Never fewer than a tokenizer would find: ~36 KB of English is ~9,000 tokens.
        assert max(count["input_tokens"] for count in counts) >= notes.stat().st_size // 4
