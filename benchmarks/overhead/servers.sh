#!/usr/bin/env bash
# The HTTP server under the gateway: uvicorn with httptools (what `bastion serve` runs) against
# granian (Rust, ASGI interface), same application, same nginx mock, one process each pinned to
# CPU 1, alternating ROUNDS times. Reports the server's CPU (all its threads and processes) per
# request at RATE, and the load generator's p50 / p99.
#   benchmarks/overhead/servers.sh            (RATE=500 DURATION=15 ROUNDS=2)
# granian is installed into benchmarks/.granian (never into the project's virtualenv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/benchmarks/out"; mkdir -p "$out"
RATE="${RATE:-500}"; DURATION="${DURATION:-15}"; ROUNDS="${ROUNDS:-2}"
GRANIAN_VERSION="${GRANIAN_VERSION:-2.8.9}"
PY="$root/.venv/bin/python"; PORT=8811
KEY="bst-benchmark-admin-key-0000000000000000"
if [ ! -d "$root/benchmarks/.granian/granian" ]; then
  "$PY" -m pip install --quiet --target "$root/benchmarks/.granian" --no-deps "granian==$GRANIAN_VERSION"
fi
source "$here/common.sh"
start_mock
# As run.sh's bastion-bare: guardrails on, ledger and audit off (no helper process to count).
sed "s#benchmarks/out#$out#" "$here/bastion.yaml" > "$out/servers.yaml"
printf 'ledger: {enabled: false}\naudit: {enabled: false}\n' >> "$out/servers.yaml"
export BASTION_ADMIN_KEY=$KEY BASTION_AUDIT_KEY=benchmark-audit-signing-key

one() {  # server
  rm -f "$out/bastion-bench.db"*
  if [ "$1" = uvicorn ]; then
    taskset -c 1 "$root/.venv/bin/bastion" serve --workers 1 --config "$out/servers.yaml" \
      --port $PORT > "$out/server-$1.log" 2>&1 &
  else
    BASTION_CONFIG="$out/servers.yaml" PYTHONPATH="$root/benchmarks/.granian:$here:${PYTHONPATH:-}" \
      taskset -c 1 "$PY" -m granian --interface asgi --loop uvloop --workers 1 --port $PORT \
      --log-level warning asgi_app:app > "$out/server-$1.log" 2>&1 &
  fi
  local pid=$!
  wait_ready "http://127.0.0.1:$PORT/readyz" 30 || true
  local send=("$PY" "$here/loadgen.py" --url "http://127.0.0.1:$PORT/v1/chat/completions"
    --rate "$RATE" --warmup 0 --body "$here/request.json" --header "Authorization: Bearer $KEY")
  taskset -c 0 "${send[@]}" --duration 3 > /dev/null  # warm-up
  # The server's process and its children (granian serves from a worker process).
  local t0; t0=$(ticks $pid $(pgrep -P $pid))
  taskset -c 0 "${send[@]}" --duration "$DURATION" > "$out/server-$1.json"
  local t1; t1=$(ticks $pid $(pgrep -P $pid))
  "$PY" -c 'import json, sys
row = json.load(open(sys.argv[1]))
ticks, hz, sent = int(sys.argv[3]) - int(sys.argv[2]), float(sys.argv[4]), float(sys.argv[5]) * float(sys.argv[6])
errors = sum(row["errors"].values())
print("%-8s CPU %5.0f µs/request  p50 %.2f ms  p99 %.2f ms  errors %d" % (sys.argv[7], ticks / hz / sent * 1e6, row["p50_ms"], row["p99_ms"], errors))' \
    "$out/server-$1.json" "$t0" "$t1" "$HZ" "$RATE" "$DURATION" "$1"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "servers at $RATE req/s for ${DURATION}s, $ROUNDS rounds"
for _ in $(seq 1 "$ROUNDS"); do one uvicorn; one granian; done
