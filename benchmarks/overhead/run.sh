#!/usr/bin/env bash
# Gateway overhead: direct-to-mock baseline, Bastion and LiteLLM proxy against the same nginx mock.
#   benchmarks/overhead/run.sh [baseline] [floor] [bastion-bare] [bastion-ledger] [bastion] [litellm]
#   (default: all). bastion-bare: ledger and audit off; bastion-ledger: ledger on, audit off;
#   bastion: the defaults, ledger and audit journal (metadata capture) on;
#   bastion-noguard: as bastion-bare, with guardrails (inspect stage) off.
#   bastion-workers: as bastion, with `--workers 2` (WORKERS=N to change) and no CPU pinning.
#   baseline-stream / bastion-stream: a streamed chat answer, direct to the mock and through
#   the gateway with its defaults (the first byte is the figure to compare).
#   bastion-responses / bastion-responses-stream / bastion-chat-stream: as bastion-bare, the
#   Responses API (translated to chat completions) and streamed chat, to compare with it.
#   REQUEST=benchmarks/overhead/request-1kb.json sends a 1 KB prompt instead of a short one.
# Pinning: nginx and the load generators on CPU 0, the gateway under test alone on CPU 1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/benchmarks/out"
mkdir -p "$out"
cd "$root"

RATES="${RATES:-100 250 500 1000 1500 2000}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
SATURATION_SECONDS="${SATURATION_SECONDS:-15}"
MOCK_PORT=9200 FLOOR_PORT=8810 BASTION_PORT=8811 LITELLM_PORT=4811
BASTION_KEY="bst-benchmark-admin-key-0000000000000000"
LITELLM_KEY="sk-bench-master-key"
PY="$root/.venv/bin/python"
REQUEST="${REQUEST:-$here/request.json}"
export REQUEST_JSON="$REQUEST"  # read by request.lua (wrk)
targets="${*:-baseline floor bastion-bare bastion-ledger bastion litellm}"

source "$here/common.sh"
start_mock
sleep 1

settle() {  # pid...: waits (up to 30 s) until the processes use under 5% of a core
  local before after
  for _ in $(seq 1 30); do
    before=$(ticks "$@"); sleep 1; after=$(ticks "$@")
    [ $(( (after - before) * 100 / HZ )) -lt 5 ] && return 0
  done
}

measure() {  # name url key [pid]: pid's CPU (and its children's) is recorded per request
  local name=$1 url=$2 key=$3 pid=${4:-}
  local auth=(); [ -n "$key" ] && auth=(--header "Authorization: Bearer $key")
  # Max sustained throughput: closed loop, 64 connections.
  sed "s#@KEY@#$key#" "$here/request.lua" > "$out/request-$name.lua"
  rm -f "$out/$name-saturation-cpu.txt"
  local everyone=() sat0=0
  if [ -n "$pid" ]; then
    mapfile -t everyone < <(echo "$pid"; pgrep -P "$pid")
    sat0=$(ticks "${everyone[@]}")
  fi
  taskset -c 0 wrk -t1 -c64 -d"${SATURATION_SECONDS}s" --latency -s "$out/request-$name.lua" \
    "$url" > "$out/$name-wrk.txt"
  local max_rps
  max_rps=$(awk '/Requests\/sec/ {print int($2)}' "$out/$name-wrk.txt")
  echo "$name: max sustained (wrk, 64 connections): $max_rps req/s"
  if [ -n "$pid" ]; then
    # What saturation left to do (the spool loader's backlog) is part of its cost, and must
    # not be charged to the first rate below: wait until the helpers go quiet.
    settle "${everyone[@]}"
    local served
    served=$(awk '/requests in/ {print $1}' "$out/$name-wrk.txt")
    "$PY" -c 'import sys; print(round(int(sys.argv[1]) / float(sys.argv[2]) / int(sys.argv[3]) * 1e6, 1))' \
      $(( $(ticks "${everyone[@]}") - sat0 )) "$HZ" "$served" > "$out/$name-saturation-cpu.txt"
    echo "$name: CPU per request at saturation (all its processes): $(cat "$out/$name-saturation-cpu.txt") µs"
  fi
  : > "$out/$name-rates.jsonl"
  for rate in $RATES; do
    # Offering far more than the target can serve only measures an unbounded queue.
    if [ "$name" != baseline ] && [ "$rate" -gt $(( max_rps * 2 )) ]; then continue; fi
    local children=() own0=0 kids0=0
    if [ -n "$pid" ]; then
      mapfile -t children < <(pgrep -P "$pid")
      own0=$(ticks "$pid"); kids0=$(ticks "${children[@]}")
    fi
    taskset -c 0 "$PY" "$here/loadgen.py" --url "$url" --rate "$rate" --duration "$DURATION" \
      --warmup "$WARMUP" --body "$REQUEST" "${auth[@]}" > "$out/last.json"
    if [ -n "$pid" ]; then
      # Requests sent (warm-up included) share the CPU the gateway and its helpers used.
      "$PY" -c 'import json, sys
row = json.load(open(sys.argv[1]))
sent, hz = float(sys.argv[2]) * (row["duration_s"] + float(sys.argv[3])), float(sys.argv[4])
row["cpu_us_per_request"] = round(int(sys.argv[5]) / hz / sent * 1e6, 1)
row["helper_cpu_us_per_request"] = round(int(sys.argv[6]) / hz / sent * 1e6, 1)
print(json.dumps(row))' "$out/last.json" "$rate" "$WARMUP" "$HZ" \
        $(( $(ticks "$pid") - own0 )) $(( $(ticks "${children[@]}") - kids0 )) > "$out/last-cpu.json"
      mv "$out/last-cpu.json" "$out/last.json"
    fi
    tee -a "$out/$name-rates.jsonl" < "$out/last.json"
  done
}

for target in $targets; do
  case $target in
    baseline)
      measure baseline "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" ""
      ;;
    baseline-stream)
      REQUEST="$here/request-chat-stream.json" REQUEST_JSON="$here/request-chat-stream.json" \
        measure baseline-stream "http://127.0.0.1:$MOCK_PORT/stream/v1/chat/completions" ""
      ;;
    floor)
      taskset -c 1 "$PY" "$here/floor_proxy.py" $FLOOR_PORT > "$out/floor.log" 2>&1 &
      pids+=($!)
      sleep 2
      measure floor "http://127.0.0.1:$FLOOR_PORT/v1/chat/completions" "" "${pids[-1]}"
      kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
      ;;
    bastion|bastion-stream|bastion-bare|bastion-ledger|bastion-noguard|bastion-chat-stream|bastion-responses|bastion-responses-stream)
      config="$out/$target.yaml"
      cp "$here/bastion.yaml" "$config"
      case $target in
        bastion-bare) printf 'ledger: {enabled: false}\naudit: {enabled: false}\n' >> "$config" ;;
        bastion-ledger) printf 'audit: {enabled: false}\n' >> "$config" ;;
        bastion-noguard)
          printf 'ledger: {enabled: false}\naudit: {enabled: false}\n' >> "$config"
          printf 'guardrails: {enabled: false}\n' >> "$config" ;;
        bastion-chat-stream|bastion-responses|bastion-responses-stream)
          printf 'ledger: {enabled: false}\naudit: {enabled: false}\n' >> "$config" ;;
      esac
      # The Responses API against chat completions: same mock, same settings as bastion-bare.
      path=/v1/chat/completions body="$REQUEST"
      case $target in
        bastion-chat-stream|bastion-stream) body="$here/request-chat-stream.json" ;;
        bastion-responses) path=/v1/responses body="$here/request-responses.json" ;;
        bastion-responses-stream) path=/v1/responses body="$here/request-responses-stream.json" ;;
      esac
      rm -f "$out/bastion-bench.db"*
      BASTION_ADMIN_KEY=$BASTION_KEY BASTION_AUDIT_KEY=benchmark-audit-signing-key \
        taskset -c 1 "$root/.venv/bin/bastion" serve \
        --config "$config" --port $BASTION_PORT > "$out/$target.log" 2>&1 &
      pids+=($!)
      if ! wait_ready "http://127.0.0.1:$BASTION_PORT/readyz" 30; then
        echo "$target did not become ready; see $out/$target.log"; continue
      fi
      REQUEST="$body" REQUEST_JSON="$body" \
        measure "$target" "http://127.0.0.1:$BASTION_PORT$path" "$BASTION_KEY" "${pids[-1]}"
      kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
      ;;
    bastion-workers)
      # The defaults (guardrails, ledger, audit) with two worker processes and no pinning:
      # the kernel spreads the workers over both cores, shared with the mock and the load
      # generator. CPU per request is the supervisor's and all its children's (workers and
      # spool loader) together.
      config="$out/$target.yaml"
      cp "$here/bastion.yaml" "$config"
      rm -f "$out/bastion-bench.db"*
      BASTION_ADMIN_KEY=$BASTION_KEY BASTION_AUDIT_KEY=benchmark-audit-signing-key \
        "$root/.venv/bin/bastion" serve --workers "${WORKERS:-2}" \
        --config "$config" --port $BASTION_PORT > "$out/$target.log" 2>&1 &
      pids+=($!)
      if ! wait_ready "http://127.0.0.1:$BASTION_PORT/readyz" 60; then
        echo "$target did not become ready; see $out/$target.log"; continue
      fi
      ps -o rss=,args= --ppid "${pids[-1]}" > "$out/$target-rss-start.txt"
      measure "$target" "http://127.0.0.1:$BASTION_PORT/v1/chat/completions" "$BASTION_KEY" \
        "${pids[-1]}"
      ps -o rss=,args= --ppid "${pids[-1]}" > "$out/$target-rss-end.txt"
      ps -o rss=,args= -p "${pids[-1]}" >> "$out/$target-rss-end.txt"
      kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
      ;;
    litellm)
      LITELLM_LOG=ERROR LITELLM_MODE=PRODUCTION taskset -c 1 \
        "$root/benchmarks/.venv-litellm/bin/litellm" --config "$here/litellm.yaml" \
        --port $LITELLM_PORT --num_workers 1 > "$out/litellm.log" 2>&1 &
      pids+=($!)
      if ! wait_ready "http://127.0.0.1:$LITELLM_PORT/health/liveliness" 90; then
        echo "litellm did not become ready; see $out/litellm.log"; continue
      fi
      measure litellm "http://127.0.0.1:$LITELLM_PORT/v1/chat/completions" "$LITELLM_KEY" \
        "${pids[-1]}"
      kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
      ;;
  esac
done

"$PY" "$here/report.py" "$out" $targets
