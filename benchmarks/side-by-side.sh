#!/usr/bin/env bash
# The engine beside the plain C reference loops (benchmarks/c), in one sitting, one thread each:
#   ref4x6:   the C loop, the engine's kernel (the scenario loaded from scenarios/bench/ref4x6.yaml through the loader
#             and compiler) and the same scenario through the Stateless reference simulator;
#   baseline: the C loop (benchmarks/c/baseline.c, the baseline written by hand) and the engine's kernel.
# Prints ns per machine-step for each and the ratios engine / C (and Stateless / engine). Then, unless RUNS=0: whole
# runs (threads, blocks, merging) of ref4x6 and the baseline on 1 and 2 threads, with the bytes allocated per trial,
# each whole run on one thread against its C loop, and a summary table of everything.
# usage: benchmarks/side-by-side.sh [trials] [stateless-trials]
#   trials is for ref4x6 (default 2,000,000); the baseline, about 4 times as many machine-steps per trial and about
#   10 times the cost per machine-step, runs trials / 8.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-2000000}
stateless_trials=${2:-20000}
baseline_trials=$((trials / 8))
[ "$baseline_trials" -ge 1 ] || baseline_trials=1

dotnet build "$root/benchmarks/NorthKoreaShadowWar.Benchmarks" -c Release -v quiet -nologo >/dev/null
bench="$root/benchmarks/NorthKoreaShadowWar.Benchmarks/bin/Release/net10.0/NorthKoreaShadowWar.Benchmarks"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
make -s -C "$root/benchmarks/c" BIN="$bin" "$bin/ref4x6" "$bin/baseline"

# The figure of the last line: "ns/machine-step X" (C) or "X ns per machine-step" (engine; the kernel prints the
# compile time of the generated code on a line before it).
ns() { tail -n 1 | sed -E 's/.*ns\/machine-step ([0-9.]+).*/\1/; s/.* ([0-9.]+) ns per machine-step.*/\1/'; }
bytes() { sed -E 's/.* ([0-9.]+) bytes allocated per trial.*/\1/'; }

c_ref=$("$bin/ref4x6" "$trials" 1 | tail -n 1)
kernel_ref=$("$bench" kernel bench/ref4x6.yaml "$trials")
stateless_ref=$("$bench" stateless bench/ref4x6.yaml "$stateless_trials")
c_base=$("$bin/baseline" "$baseline_trials" 1 | tail -n 1)
kernel_base=$("$bench" kernel baseline.yaml "$baseline_trials")
printf '%s\n' "$c_ref" "$kernel_ref" "$stateless_ref" "$c_base" "$kernel_base"

awk -v c="$(echo "$c_ref" | ns)" -v e="$(echo "$kernel_ref" | ns)" -v s="$(echo "$stateless_ref" | ns)" \
    -v cb="$(echo "$c_base" | ns)" -v eb="$(echo "$kernel_base" | ns)" -v n="$trials" -v m="$stateless_trials" -v nb="$baseline_trials" 'BEGIN {
  printf "\nref4x6, one thread (C and engine: %d trials; Stateless: %d trials)\n", n, m
  printf "  %-34s %8.2f ns per machine-step\n", "C reference loop", c
  printf "  %-34s %8.2f ns per machine-step\n", "engine kernel", e
  printf "  %-34s %8.2f ns per machine-step\n", "Stateless reference simulator", s
  printf "  engine / C:         %8.2f\n", e / c
  printf "  Stateless / engine: %8.2f\n", s / e
  printf "\nbaseline, one thread (%d trials each)\n", nb
  printf "  %-34s %8.2f ns per machine-step\n", "C reference loop", cb
  printf "  %-34s %8.2f ns per machine-step\n", "engine kernel", eb
  printf "  engine / C:         %8.2f\n", eb / cb
}'

[ "${RUNS:-1}" = 0 ] && exit 0
echo
summary=""
for scenario in bench/ref4x6.yaml baseline.yaml; do
  n=$trials
  c=$(echo "$c_ref" | ns)
  kernel=$(echo "$kernel_ref" | ns)
  if [ "$scenario" = baseline.yaml ]; then
    n=$baseline_trials
    c=$(echo "$c_base" | ns)
    kernel=$(echo "$kernel_base" | ns)
  fi
  one=$("$bench" runner "$scenario" "$n" 1)
  two=$("$bench" runner "$scenario" "$n" 2)
  echo "$one"
  echo "$two"
  awk -v a="$(echo "$one" | ns)" -v b="$(echo "$two" | ns)" -v c="$c" -v s="$scenario" 'BEGIN {
    printf "  %s: whole run on 1 thread / C: %.2f; 2 threads / 1 thread: %.2fx faster\n", s, a / c, a / b }'
  summary+=$(printf '%s %s %s %s %s %s %s' "$scenario" "$c" "$kernel" "$(echo "$one" | ns)" "$(echo "$two" | ns)" "$(echo "$one" | bytes)" "$(echo "$two" | bytes)")$'\n'
done

echo
echo "ns per machine-step, one sitting (engine / C in brackets); bytes allocated per trial of the whole runs"
printf '%-20s %8s %17s %18s %10s %s\n' scenario C kernel "whole run, 1" "2 threads" " B/trial 1 / 2"
printf '%s' "$summary" | awk '{
  printf "%-20s %8.2f %8.2f (%5.2fx) %9.2f (%5.2fx) %10.2f %7.2f / %.2f\n", $1, $2, $3, $3 / $2, $4, $4 / $2, $5, $6, $7 }'
