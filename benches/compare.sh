#!/usr/bin/env bash
# The whole side-by-side comparison (benches/README.md): the real binary
# against serde_json, bean-check and cat, then the in-process suite.
#
#   benches/compare.sh            # the issue's sizes: a 48 MB plan, 5,000 files
#   benches/compare.sh --quick    # cargo bench's defaults: 2 MB, 1,000 files
#
# CAREPLAN_BENCH_MB, CAREPLAN_BENCH_FILES, CAREPLAN_BENCH_RUNS and
# CAREPLAN_BENCH_DIR override the sizes, the runs and where the corpus goes.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--quick" ]]; then
  export CAREPLAN_BENCH_MB="${CAREPLAN_BENCH_MB:-48}"
  export CAREPLAN_BENCH_FILES="${CAREPLAN_BENCH_FILES:-5000}"
fi

export CAREPLAN_BENCH_BEAN_CHECK=1
if ! command -v bean-check >/dev/null 2>&1; then
  echo "note: bean-check is not installed (apt-get install beancount); its column is skipped" >&2
fi
if ! command -v cat >/dev/null 2>&1; then
  echo "note: cat is not installed; its column is skipped" >&2
fi

# Processes: one thread and two, peak memory, the other tools.
cargo bench --bench compare
# In-process and single-threaded: MB/s of each part, the export, the REPL.
cargo bench --bench check
