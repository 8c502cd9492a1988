#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time and reports, per target, the
# executions, the crashes and the slowest unit; exits non-zero on any crash.
#
#   scripts/fuzz.sh [SECONDS]     each target for SECONDS (default 60)     → `make fuzz`
#   scripts/fuzz.sh --smoke       each target for 10 s (FUZZ_SMOKE_SECONDS) → `make test`
#
# Environment: FUZZ_TARGETS (default: every target of fuzz/Cargo.toml), FUZZ_MAX_LEN (default
# 8192 bytes), FUZZ_JOBS (parallel targets, default 1).
#
# Needs the nightly toolchain and cargo-fuzz (installed here with `cargo install` when missing).
# The committed seeds (fuzz/corpus/<target>/) are only read: what a run finds goes to
# fuzz/target/corpus/<target>/ (kept between runs, not committed), crashes to
# fuzz/artifacts/<target>/. Reproduce a crash with
#   cargo +nightly fuzz run -s none -a <target> fuzz/artifacts/<target>/crash-…
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"

case "${1:-}" in
  --smoke) SECONDS_PER_TARGET="${FUZZ_SMOKE_SECONDS:-10}" ;;
  "") SECONDS_PER_TARGET=60 ;;
  *[!0-9]* | 0) echo "usage: $0 [SECONDS | --smoke]" >&2; exit 2 ;;
  *) SECONDS_PER_TARGET="$1" ;;
esac
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
JOBS="${FUZZ_JOBS:-1}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz

cd "$FUZZ"
TARGETS="${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}"
# -s none: the crate is safe Rust (no sanitizer needed, ~3x faster); -a: overflow checks and
# debug assertions on, so an arithmetic overflow is a crash too.
FUZZ_FLAGS=(-s none -a)
echo "building fuzz targets (nightly, debug assertions) ..."
cargo +nightly fuzz build "${FUZZ_FLAGS[@]}" 2>&1 | grep -v '^\s*Compiling' || true

LOGS="$FUZZ/target/fuzz-logs"
mkdir -p "$LOGS"

run_target() {
  local t="$1" work="$FUZZ/target/corpus/$1" log="$LOGS/$1.log"
  mkdir -p "$work" "$FUZZ/artifacts/$t"
  # The first corpus folder is the writable one: the committed seeds stay as they are.
  cargo +nightly fuzz run "${FUZZ_FLAGS[@]}" "$t" "$work" "$FUZZ/corpus/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
    -report_slow_units=1 -print_final_stats=1 >"$log" 2>&1
}

declare -A STATUS
START="$LOGS/.start"
touch "$START"
pids=()
for t in $TARGETS; do
  echo "fuzzing $t for ${SECONDS_PER_TARGET}s (max_len $MAX_LEN) ..."
  rm -f "$LOGS/$t.log"
  if [ "$JOBS" -gt 1 ]; then
    run_target "$t" & pids+=("$!:$t")
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
  else
    if run_target "$t"; then STATUS[$t]=0; else STATUS[$t]=$?; fi
  fi
done
for p in "${pids[@]}"; do
  if wait "${p%%:*}"; then STATUS[${p#*:}]=0; else STATUS[${p#*:}]=$?; fi
done

stat() { grep -o "^stat::$2: *[0-9]*" "$1" | tail -1 | grep -o '[0-9]*$' || echo "?"; }

failed=0
echo
printf '%-12s %14s %10s %8s %8s %12s %8s\n' target executions exec/s crashes corpus slowest_s rss_mb
for t in $TARGETS; do
  log="$LOGS/$t.log"
  # Crashes = artifacts this run wrote (libFuzzer stops at the first one); a failed run
  # without an artifact still counts as one.
  crashes=$(find "$FUZZ/artifacts/$t" -type f -newer "$START" \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
  [ "${STATUS[$t]}" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes=1
  corpus=$(find "$FUZZ/target/corpus/$t" -type f | wc -l)
  printf '%-12s %14s %10s %8s %8s %12s %8s\n' "$t" "$(stat "$log" number_of_executed_units)" \
    "$(stat "$log" average_exec_per_sec)" "$crashes" "$corpus" "$(stat "$log" slowest_unit_time_sec)" \
    "$(stat "$log" peak_rss_mb)"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    echo "--- $t: crash (log $log) ---"
    grep -E 'panicked at|ERROR|Test unit written|Base64' "$log" | head -20
  fi
done

# libFuzzer times units in whole seconds; time every unit of each corpus precisely instead.
echo
echo "slowest units (release build, each unit timed over repeated calls):"
cargo run -q --release --example slowest -- $(for t in $TARGETS; do echo "$t:$FUZZ/target/corpus/$t:$FUZZ/corpus/$t"; done) || failed=1

exit "$failed"
