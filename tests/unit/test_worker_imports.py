"""What a gateway process imports for its defaults: every worker of `bastion serve --workers N`
pays for each module in memory, so the heavy ones that only some features need are imported by
those features (numpy: the semantic cache and evaluation reports; Alembic: migrations, run once
per node by the supervisor; redis-py: only when Redis is configured; the console's money page
and the API price table it loads: only when a money page is served)."""

from __future__ import annotations

import subprocess
import sys

# The modules a worker loads to serve, and the code paths it runs at start-up that reach far
# (resuming evaluation runs, the response cache's backends).
_WORKER_PATHS = (
    "bastion.server",
    "bastion.api.app",
    "bastion.gateway",
    "bastion.evaluation.runner",
    "bastion.cache.core",
    "bastion.cache.backends",
)
_NOT_FOR_DEFAULTS = (
    "numpy",
    "alembic",
    "redis",
    "onnxruntime",
    "tokenizers",
    "bastion.console.money",
    "genai_prices",
)


def test_a_worker_imports_no_module_only_optional_features_need() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_WORKER_PATHS!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(' '.join(m for m in {_NOT_FOR_DEFAULTS!r} if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert loaded == []
