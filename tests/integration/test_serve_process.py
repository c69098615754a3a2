"""``bastion serve`` as a real process: embedded defaults, banner, graceful drain on SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import anthropic
import httpx
import openai
import pytest

from tests.servers import free_port


class ServeProcess:
    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full_env = {
            **{k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")},
            "BASTION_LOG_LEVEL": "warning",
            **(env or {}),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bastion", "serve", "--port", str(self.port), *args],
            cwd=cwd,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    @property
    def text(self) -> str:
        return "".join(self.output)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"bastion serve exited:\n{self.text}"
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"not ready:\n{self.text}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[type[ServeProcess]]:
    started: list[ServeProcess] = []

    class Tracked(ServeProcess):
        def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
            super().__init__(tmp_path, *args, env=env)
            started.append(self)

    yield Tracked
    for process in started:
        process.stop()


def banner_key(text: str) -> str:
    match = re.search(r"^\s+(bst-\S+)$", text, re.MULTILINE)
    assert match, text
    return match.group(1)


@pytest.mark.slow
def test_embedded_default_serves_the_simulator_to_both_sdks(
    serve: type[ServeProcess], tmp_path: Path
) -> None:
    # Nothing listens on the discovery ports in a fresh test environment, except by accident:
    # point discovery at closed ports so the simulator fallback is what is tested.
    config = tmp_path / "bastion.yaml"
    closed = {name: free_port() for name in ("vllm", "sglang")}
    config.write_text(f"discovery:\n  ports: {closed}\n")
    gateway = serve("--config", str(config))
    gateway.wait_ready()
    text = gateway.text
    assert "SIMULATED" in text
    assert "built-in simulator is serving" in " ".join(text.split())
    assert gateway.url in text
    key = banner_key(text)
    assert (tmp_path / "bastion-data" / "bastion.db").exists()

    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=key, max_retries=0, timeout=30)
    models = [m.id for m in api.models.list()]
    assert "bastion-sim" in models
    reply = api.chat.completions.create(
        model="bastion-sim", messages=[{"role": "user", "content": "Hi"}], max_tokens=5
    )
    assert reply.choices[0].message.content
    streamed = list(
        api.chat.completions.create(
            model="bastion-sim",
            messages=[{"role": "user", "content": "Hi"}],
            max_tokens=5,
            stream=True,
        )
    )
    assert streamed
    assert api.embeddings.create(model="bastion-sim", input="x").data[0].embedding
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=key, max_retries=0, timeout=30)
    message = anth.messages.create(
        model="bastion-sim", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    )
    assert message.content
    with anth.messages.stream(
        model="bastion-sim", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    ) as stream:
        assert stream.get_final_text()

    # The bootstrap key is printed once: a restart on the same database prints none.
    gateway.process.send_signal(signal.SIGTERM)
    assert gateway.process.wait(20) == 0
    again = serve("--config", str(config))
    again.wait_ready()
    assert "shown only this once" not in again.text


@pytest.mark.slow
def test_sigterm_drains_in_flight_streams(serve: type[ServeProcess], tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        "backends:\n"
        "  sim:\n"
        "    kind: simulator\n"
        "    location: local\n"
        "    simulator: {time_scale: 1.0}\n"
    )
    gateway = serve("--config", str(config), env={"BASTION_ADMIN_KEY": "bst-admin-for-drain"})
    gateway.wait_ready()
    api = openai.OpenAI(
        base_url=gateway.url + "/v1", api_key="bst-admin-for-drain", max_retries=0, timeout=30
    )
    stream = api.chat.completions.create(
        model="sim/bastion-sim",
        messages=[{"role": "user", "content": "Write a long story"}],
        max_tokens=120,
        stream=True,
        stream_options={"include_usage": True},
        # All 120 tokens (the simulator's answers otherwise end by themselves, often sooner), so
        # the stream is still running when the signal arrives.
        extra_body={"ignore_eos": True},
    )
    iterator = iter(stream)
    next(iterator)
    gateway.process.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    # New connections are refused while the in-flight stream finishes.
    with pytest.raises(httpx.ConnectError):
        httpx.get(gateway.url + "/healthz", timeout=1)
    rest = list(iterator)
    assert rest[-1].usage is not None
    assert rest[-1].usage.completion_tokens == 120
    assert gateway.process.wait(20) == 0


@pytest.mark.slow
def test_streams_cancelled_at_the_end_of_the_grace_period_log_one_warning_each(
    serve: type[ServeProcess], tmp_path: Path
) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        "server: {shutdown_grace_seconds: 1}\n"
        "backends:\n"
        "  sim:\n"
        "    kind: simulator\n"
        "    location: local\n"
        "    simulator: {time_scale: 1.0}\n"
    )
    gateway = serve("--config", str(config), env={"BASTION_ADMIN_KEY": "bst-admin-for-grace"})
    gateway.wait_ready()
    api = openai.OpenAI(
        base_url=gateway.url + "/v1", api_key="bst-admin-for-grace", max_retries=0, timeout=30
    )
    streams = [
        iter(
            api.chat.completions.create(
                model="sim/bastion-sim",
                messages=[{"role": "user", "content": f"Write a long story {n}"}],
                max_tokens=2000,  # minutes of tokens: still running when the grace ends
                stream=True,
                extra_body={"ignore_eos": True},
            )
        )
        for n in range(2)
    ]
    for stream in streams:
        next(stream)
    gateway.process.send_signal(signal.SIGTERM)
    for stream in streams:
        with pytest.raises((openai.APIError, httpx.HTTPError)):
            list(stream)  # cut with its connection
    assert gateway.process.wait(20) == 0
    text = gateway.text
    assert text.count("request cancelled (") == 2, text
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text
    assert '"level":"error"' not in text and " ERROR " not in text, text


def test_bad_config_exits_with_precise_errors(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text("backends:\n  a:\n    kind: openai-compatible\n    location: moon\n")
    result = subprocess.run(
        [sys.executable, "-m", "bastion", "config", "check", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert f"{config}:4: backends.a.location: expected 'local' or 'external', got 'moon'" in (
        result.stderr
    )
    assert "backends.a: Value error" not in result.stderr


def test_version() -> None:
    from bastion import __version__

    result = subprocess.run(
        [sys.executable, "-m", "bastion", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in result.stdout


def test_alias_to_a_model_no_backend_serves_fails_start_up_clearly(tmp_path: Path) -> None:
    config = tmp_path / "bastion.yaml"
    config.write_text(
        "backends:\n  s:\n    kind: simulator\n    location: local\n"
        "models:\n  - name: chat\n    target: s/missing-model\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "bastion", "serve", "--config", str(config), "--port", "0"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode != 0
    assert "models[0].target: alias 'chat' points to 's/missing-model'" in result.stderr
    assert "Traceback" not in result.stderr
