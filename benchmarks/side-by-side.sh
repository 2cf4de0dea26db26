#!/usr/bin/env bash
# ref4x6 three ways in one sitting, one thread each: the plain C reference loop, the engine's kernel (the scenario
# loaded from scenarios/bench/ref4x6.yaml through the loader and compiler), and the same scenario through the
# Stateless reference simulator. Prints ns per machine-step for each and the ratios engine / C and Stateless / engine.
# Then, unless RUNS=0: the baseline's kernel, and whole runs (threads, blocks, merging) of ref4x6 and the baseline on
# 1 and 2 threads, with the bytes allocated per trial.
# usage: benchmarks/side-by-side.sh [trials] [stateless-trials]
#   The C reference is looked for in $ANCHORS (default: ../shared/anchors beside the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-2000000}
stateless_trials=${2:-20000}
anchors=${ANCHORS:-$root/../shared/anchors}
[ -f "$anchors/ref4x6.c" ] || { echo "the C reference is expected at $anchors/ref4x6.c (set ANCHORS)" >&2; exit 2; }

dotnet build "$root/benchmarks/NorthKoreaShadowWar.Benchmarks" -c Release -v quiet -nologo >/dev/null
bench="$root/benchmarks/NorthKoreaShadowWar.Benchmarks/bin/Release/net10.0/NorthKoreaShadowWar.Benchmarks"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
gcc -O3 -march=native -o "$bin/ref4x6" "$anchors/ref4x6.c"

ns() { sed -E 's/.*ns\/machine-step ([0-9.]+).*/\1/; s/.* ([0-9.]+) ns per machine-step.*/\1/'; }
c_line=$("$bin/ref4x6" "$trials" 1 | tail -n 1)
engine_line=$("$bench" kernel bench/ref4x6.yaml "$trials")
stateless_line=$("$bench" stateless bench/ref4x6.yaml "$stateless_trials")
echo "$c_line"
echo "$engine_line"
echo "$stateless_line"
awk -v c="$(echo "$c_line" | ns)" -v e="$(echo "$engine_line" | ns)" -v s="$(echo "$stateless_line" | ns)" -v n="$trials" -v m="$stateless_trials" 'BEGIN {
  printf "\nref4x6, one thread (C and engine: %d trials; Stateless: %d trials)\n", n, m
  printf "  %-34s %8.2f ns per machine-step\n", "C reference loop", c
  printf "  %-34s %8.2f ns per machine-step\n", "engine kernel", e
  printf "  %-34s %8.2f ns per machine-step\n", "Stateless reference simulator", s
  printf "  engine / C:         %8.2f\n", e / c
  printf "  Stateless / engine: %8.2f\n", s / e
}'

[ "${RUNS:-1}" = 0 ] && exit 0
echo
"$bench" kernel baseline.yaml $((trials / 8))
for scenario in bench/ref4x6.yaml baseline.yaml; do
  n=$trials
  [ "$scenario" = baseline.yaml ] && n=$((trials / 8))
  one=$("$bench" runner "$scenario" "$n" 1)
  two=$("$bench" runner "$scenario" "$n" 2)
  echo "$one"
  echo "$two"
  awk -v a="$(echo "$one" | ns)" -v b="$(echo "$two" | ns)" -v s="$scenario" 'BEGIN { printf "  %s: 2 threads / 1 thread: %.2fx\n", s, a / b }'
done
