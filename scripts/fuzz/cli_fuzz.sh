#!/usr/bin/env bash
# Runs many malformed or extreme invocations of ./chaoslab and counts what a user must never see: a stack trace,
# a hang (over LIMIT seconds), an exit code other than 0/2/3, or more than one line on stderr for exit 2.
#   scripts/fuzz/cli_fuzz.sh [LIMIT_SECONDS]      (default 60; prints one line per case and a summary)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LIMIT=${1:-60}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
touch "$WORK/file"
CASES=(
  "simulate rate --n 0" "simulate rate --n -3" "simulate rate --n 46341"
  "simulate rate --g 1e300" "simulate rate --g -0" "simulate rate --dt 1e-300 --t 1"
  "simulate rate --replicas 1000000" "simulate rate --acf-max-lag 1e6 --t 1" "simulate rate --acf-max-lag 1e9"
  "simulate rate --threads 1000" "simulate rate --threads 100000" "simulate rate --threads -1"
  "simulate rate --phi linear --g 3 --t 400" "simulate rate --phi relu --g 5 --t 100"
  "simulate rate --out $WORK/file" "simulate rate --out /dev/null" "simulate rate --out $WORK/file/sub" "simulate rate --out ''"
  "simulate rate --noise white:1e300" "simulate rate --noise ou:1:0" "simulate rate --noise quenched:-1"
  "simulate rate --phi custom:tanh:0:0" "simulate rate --phi custom:foo:1:1" "simulate rate --phi threshold-linear:x"
  "simulate rate --input NaN" "simulate rate --j0 Infinity" "simulate rate --eta 2" "simulate rate --seed x"
  "dmft scs --g 1e300" "dmft scs --tau-max 0.01 --dtau 0.1" "dmft scs --noise white:1e4" "dmft scs --g 1000 --phi tanh"
  "dmft scs --eta 0.5" "dmft scs --phi relu --g 3" "dmft transition --phi linear" "dmft transition --noise ou:1:-1"
  "compare scs --realizations 0" "compare scs --n 1 --realizations 2" "compare scs --phi linear --g 3 --n 50 --realizations 2 --t 200"
  "lyapunov --n 60000" "lyapunov --k 0" "lyapunov --k 5000 --n 100" "lyapunov --ons 0" "lyapunov --t -1"
  "lyapunov-sweep --g-values ''" "lyapunov-sweep --g-values 1,x" "lyapunov-sweep --g-values -1"
  "correlations theory --g 1.5 --phi linear --noise white:1" "correlations theory --noise ou:1:1 --phi linear"
  "compare correlations --realizations 1" "compare correlations --n 1"
  "meanfield balanced --k 0" "meanfield balanced --m0 -1" "meanfield balanced --m0 2" "simulate balanced --ne 5000000 --ni 5000000"
  "simulate balanced --t 5" "simulate balanced --k 0" "simulate balanced --fano-window 0"
  "meanfield glauber --noise -1" "simulate glauber --n 1" "compare glauber --realizations 1" "compare glauber --rate-dt 1"
  "deepnet maps --c0 2" "deepnet maps --q0 0" "deepnet maps --circle-points 5" "deepnet maps --sigma-w2 -1"
  "deepnet compare --width 100000" "deepnet compare --depth 0" "deepnet simulate --sigma-w2 1e300 --depth 50"
  "deepnet phase-diagram --threads 500" "deepnet boundary --phi nope"
  "kernel theory --delta-values 7" "kernel theory --model rate --phi relu --g 3 --dynamics async"
  "kernel theory --g 1e300" "kernel theory --s 1e300" "kernel theory --theta 1e300"
  "kernel simulate --stimuli circle:0" "kernel simulate --stimuli circle:100000000" "kernel simulate --n 46341"
  "kernel simulate --stimuli torus:5:3" "kernel simulate --stimuli sphere:2:0" "kernel simulate --stimuli $WORK/file"
  "kernel simulate --model rate-sync --g 100 --phi linear --transient 500" "kernel simulate --times 3,2,1 --protocol transient"
  "kernel spectrum $WORK/file" "kernel spectrum /nonexistent.npy" "kernel learning-curve $WORK/file"
  "compare kernel --realizations 1" "compare kernel --stimuli circle:9" "compare kernel --model matched-rate"
  "kernel regularization --stimuli circle:4" "kernel regularization --draws 0"
  "bogus" "simulate bogus" "--version" "help simulate rate"
)
traces=0; hangs=0; badexit=0; multiline=0
i=0
for c in "${CASES[@]}"; do
  i=$((i + 1))
  out="$WORK/out$i"
  case "$c" in *--out*) args="$c" ;; --version|help*|bogus|"simulate bogus") args="$c" ;; *) args="$c --out $out" ;; esac
  eval "set -- $args"
  timeout "$LIMIT" "$ROOT/chaoslab" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  rc=$?
  verdict=ok
  if [ $rc = 124 ]; then hangs=$((hangs + 1)); verdict=HANG
  elif grep -qE '^\s+at [a-z]+\.|Exception in thread|\.java:[0-9]+\)' "$WORK/stderr"; then traces=$((traces + 1)); verdict=TRACE
  elif [ $rc != 0 ] && [ $rc != 2 ] && [ $rc != 3 ]; then badexit=$((badexit + 1)); verdict="EXIT $rc"
  elif [ $rc = 2 ] && [ "$(grep -c . "$WORK/stderr")" != 1 ]; then multiline=$((multiline + 1)); verdict=MULTILINE
  fi
  printf '%-10s rc=%-3s %s | %s\n' "$verdict" "$rc" "$c" "$(head -c 160 "$WORK/stderr" | tr '\n' ' ')"
done
echo "cases: ${#CASES[@]}, stack traces: $traces, hangs (> ${LIMIT}s): $hangs, exit codes other than 0/2/3: $badexit, multi-line errors: $multiline"
