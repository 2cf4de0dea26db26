#!/usr/bin/env bash
# Runs the plain C reference loop (benchmarks/c/ref4x6.c) and the engine on the same model (ref4x6), one
# thread each, in the same sitting, and prints ns per machine-step for both and their ratio.
# usage: benchmarks/compare-with-c.sh [trials] [seed]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-2000000}
seed=${2:-1}

dotnet build "$root/src/NorthKoreaShadowWar.Cli" -c Release -v quiet -nologo >/dev/null
engine="$root/src/NorthKoreaShadowWar.Cli/bin/Release/net10.0/shadowwar"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

make -s -C "$root/benchmarks/c" BIN="$out" "$out/ref4x6"
c_ns=$("$out/ref4x6" "$trials" "$seed" | tail -n 1 | sed -E 's/.*ns\/machine-step ([0-9.]+).*/\1/')
"$engine" run "$root/scenarios/bench/ref4x6.yaml" --trials "$trials" --seed "$seed" --threads 1 --out "$out/r" >/dev/null 2>&1
engine_ns=$(grep -o '"nsPerMachineStep": [0-9.eE+-]*' "$out/r/summary.json" | awk '{print $2}')
awk -v c="$c_ns" -v e="$engine_ns" -v n="$trials" 'BEGIN {
  printf "ref4x6, %d trials, one thread\n", n
  printf "  C reference loop: %6.2f ns per machine-step\n", c
  printf "  engine (shadowwar): %6.2f ns per machine-step\n", e
  printf "  ratio engine / C: %6.2f\n", e / c
}'
