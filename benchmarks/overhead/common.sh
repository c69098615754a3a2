# Sourced by the overhead scripts (run.sh, alternate.sh, servers.sh) after they set `here`
# and `out`: the nginx mock on CPU 0, the processes to stop on exit, CPU ticks, readiness.

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
HZ=$(getconf CLK_TCK)

start_mock() {  # the mock upstream (nginx, port 9200), pinned to CPU 0 with the load generators
  sed "s#@OUT@#$out#g" "$here/nginx.conf.template" > "$out/nginx.conf"
  taskset -c 0 nginx -c "$out/nginx.conf" & pids+=($!)
}

wait_ready() {  # url seconds: true once the url answers 2xx
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}

ticks() {  # pid...: CPU clock ticks (user + system, every thread) the processes have used so far
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$total"
}
