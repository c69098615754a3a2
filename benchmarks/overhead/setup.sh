#!/usr/bin/env bash
# Installs what the overhead benchmark needs: nginx (mock upstream), wrk (closed-loop saturation)
# and LiteLLM proxy in its own virtualenv (never in the project's).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# The newest LiteLLM releases need a certifi newer than the package index here offers.
LITELLM_VERSION="${LITELLM_VERSION:-1.100.5}"

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null
fi
if [ ! -x "$root/.venv/bin/bastion" ]; then
  make -C "$root" .venv/.installed
fi
venv="$root/benchmarks/.venv-litellm"
if [ ! -x "$venv/bin/litellm" ]; then
  python3 -m venv "$venv"
  log="$(mktemp)"
  if ! "$venv/bin/pip" install -q "litellm[proxy]==$LITELLM_VERSION" > "$log" 2>&1; then
    cat "$log"; exit 1
  fi
fi
echo "nginx: $(nginx -v 2>&1 | cut -d/ -f2), wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)," \
  "litellm: $("$venv/bin/pip" show litellm | awk '/^Version/ {print $2}')"
