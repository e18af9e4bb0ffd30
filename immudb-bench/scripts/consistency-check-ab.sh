#!/usr/bin/env bash
# Write throughput with the consistency checker off and on: for each of PAIRS pairs, starts a
# fresh server (bin/immudb, default flags, empty data directory) with --consistency-check=false,
# then =true (the order alternates between pairs), and runs
#   bin/immudb-bench server --clients CLIENTS --seconds SECONDS --warmup-seconds WARMUP
# against it. Prints one line per run (tx/s, checker rounds and checker CPU from the server's
# debug log), then the median of each side and the median of the per-pair differences.
#
#   immudb-bench/scripts/consistency-check-ab.sh            # 10 pairs of 45 s runs, ~22 min
#   PAIRS=4 SECONDS_PER_RUN=20 immudb-bench/scripts/consistency-check-ab.sh
#
# Environment: PAIRS (10), SECONDS_PER_RUN (45), WARMUP (10), CLIENTS (10), PORT (3399),
# SERVER_FLAGS (extra flags for bin/immudb, e.g. "--synced=false"). Needs a quiet machine: the
# result is only as good as the spread between runs of the same side.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
PAIRS=${PAIRS:-10}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-45}
WARMUP=${WARMUP:-10}
CLIENTS=${CLIENTS:-10}
PORT=${PORT:-3399}
SERVER_FLAGS=${SERVER_FLAGS:-}

# Build both launchers once, before anything is timed.
bin/immudb version >/dev/null
bin/immudb-bench --version >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/immudb-ab.XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# run CHECK PAIR: one server, one bench run; prints "CHECK PAIR TX_PER_S ROUNDS CPU_MS".
run() {
  local check=$1 pair=$2 data="$work/data-$1-$2" log="$work/server-$1-$2.log"
  # shellcheck disable=SC2086
  IMMUDB_NO_BUILD=1 bin/immudb --dir "$data" --port "$PORT" --metrics-server=false --web-server=false \
    --consistency-check="$check" --log-level debug $SERVER_FLAGS >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.5
  done
  local out tx
  out=$(IMMUDB_NO_BUILD=1 bin/immudb-bench server --port "$PORT" --clients "$CLIENTS" \
    --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" 2>/dev/null | tail -n 1)
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  tx=$(printf '%s' "$out" | sed -n 's/.*"tx_per_s":\([0-9.]*\).*/\1/p')
  [ -n "$tx" ] || { echo "bench run failed: $out" >&2; exit 1; }
  awk -v c="$check" -v p="$pair" -v tx="$tx" '
    /consistency check round:/ { n++; for (i = 1; i <= NF; i++) if ($i == "µs") cpu += substr($(i-1), 2) }
    END { printf "%s %d %s %d %.0f\n", c, p, tx, n, cpu / 1000 }' "$log"
  rm -rf "$data" "$log"
}

echo "check pair tx_per_s checker_rounds checker_cpu_ms"
for pair in $(seq 1 "$PAIRS"); do
  if ((pair % 2)); then order="false true"; else order="true false"; fi
  for check in $order; do
    run "$check" "$pair" | tee -a "$work/results"
  done
done

awk '
  function median(a, n,    i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  $1 == "false" { off[$2] = $3 }
  $1 == "true" { on[$2] = $3 }
  END {
    for (p in off) { n++; o[n] = off[p]; c[n] = on[p]; d[n] = 100 * (on[p] / off[p] - 1) }
    mo = median(o, n); mc = median(c, n); md = median(d, n)
    printf "median tx/s: off %.1f, on %.1f (%+.1f%%); median per-pair difference %+.1f%%\n", mo, mc, 100 * (mc / mo - 1), md
  }' "$work/results"
