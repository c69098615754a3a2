#!/usr/bin/env bash
# Chat completions against the Responses API on one gateway process, alternating:
# each round sends chat, then Responses (every other round the other way round) at each rate,
# so another job's load on this shared machine weighs on both alike. Same mock, pinning, CPU
# accounting and settings as run.sh's bastion-bare and bastion-responses.
#   benchmarks/overhead/alternate.sh            # ROUNDS=5 RATES="250 500" DURATION=10
#   STREAM=1 benchmarks/overhead/alternate.sh   # streamed answers (run.sh's *-stream targets)
# Prints one JSON line per measurement (as loadgen.py, with path, round and CPU per request),
# then the medians per path and rate and the median of each round's difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/benchmarks/out"
mkdir -p "$out"
cd "$root"

ROUNDS="${ROUNDS:-5}"
STREAM="${STREAM:-}"
chat_body=request.json responses_body=request-responses.json
if [ -n "$STREAM" ]; then
  chat_body=request-chat-stream.json responses_body=request-responses-stream.json
fi
RATES="${RATES:-250 500}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
BASTION_PORT=8811
BASTION_KEY="bst-benchmark-admin-key-0000000000000000"
PY="$root/.venv/bin/python"

source "$here/common.sh"
start_mock
config="$out/bastion-alternate.yaml"
cp "$here/bastion.yaml" "$config"
printf 'ledger: {enabled: false}\naudit: {enabled: false}\n' >> "$config"
rm -f "$out/bastion-bench.db"*
BASTION_ADMIN_KEY=$BASTION_KEY taskset -c 1 "$root/.venv/bin/bastion" serve \
  --config "$config" --port $BASTION_PORT > "$out/bastion-alternate.log" 2>&1 &
pids+=($!)
gateway=${pids[-1]}
wait_ready "http://127.0.0.1:$BASTION_PORT/readyz" 30 || true

results="$out/alternate.jsonl"
: > "$results"

one() {  # round path rate
  local url body
  if [ "$2" = chat ]; then url=/v1/chat/completions body="$here/$chat_body"
  else url=/v1/responses body="$here/$responses_body"; fi
  local before; before=$(ticks "$gateway")
  taskset -c 0 "$PY" "$here/loadgen.py" --url "http://127.0.0.1:$BASTION_PORT$url" \
    --rate "$3" --duration "$DURATION" --warmup "$WARMUP" --body "$body" \
    --header "Authorization: Bearer $BASTION_KEY" > "$out/last.json"
  "$PY" -c 'import json, sys
row = json.load(open(sys.argv[1]))
sent = float(sys.argv[2]) * (row["duration_s"] + float(sys.argv[3]))
row.update(path=sys.argv[5], round=int(sys.argv[6]))
row["cpu_us_per_request"] = round(int(sys.argv[4]) / float(sys.argv[7]) / sent * 1e6, 1)
print(json.dumps(row))' "$out/last.json" "$3" "$WARMUP" $(( $(ticks "$gateway") - before )) \
    "$2" "$1" "$HZ" | tee -a "$results"
}

for body in "$chat_body" "$responses_body"; do  # warm-up, not recorded
  url=/v1/chat/completions; [ "$body" = "$chat_body" ] || url=/v1/responses
  taskset -c 0 "$PY" "$here/loadgen.py" --url "http://127.0.0.1:$BASTION_PORT$url" --rate 250 \
    --duration 3 --warmup 0 --body "$here/$body" --header "Authorization: Bearer $BASTION_KEY" \
    > /dev/null
done
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  order="chat responses"; [ $((round % 2)) -eq 0 ] && order="responses chat"
  for rate in $RATES; do
    for path in $order; do one "$round" "$path" "$rate"; done
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$results" <<'EOF'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
for rate in sorted({row["offered_rps"] for row in rows}):
    cpu = {(row["path"], row["round"]): row["cpu_us_per_request"]
           for row in rows if row["offered_rps"] == rate}
    rounds = sorted({r for _, r in cpu})
    chat = [cpu["chat", r] for r in rounds]
    responses = [cpu["responses", r] for r in rounds]
    paired = statistics.median(b - a for a, b in zip(chat, responses, strict=True))
    print(f"{rate:g} req/s: CPU µs per request, median of {len(rounds)} rounds: "
          f"chat {statistics.median(chat):.0f}, Responses {statistics.median(responses):.0f}; "
          f"difference, median of rounds: {paired:+.0f} µs "
          f"({paired / statistics.median(chat) * 100:+.1f}%)")
EOF
