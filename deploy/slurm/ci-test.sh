#!/usr/bin/env bash
# The cluster check: starts a real one-node Slurm cluster on this machine (munged, slurmctld, slurmd, all as root,
# everything in a temporary folder), runs the baseline as a job array of shards plus a merge job through submit.sh,
# and checks that the merged results equal a plain single `shadowwar run` of the same trials and seed.
# Installs nothing: needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge), root, and a built shadowwar.
#   deploy/slurm/ci-test.sh             # uses $SHADOWWAR, else publishes the CLI into the temporary folder
#   SHADOWWAR="dotnet src/NorthKoreaShadowWar.Cli/bin/Release/net10.0/shadowwar.dll" deploy/slurm/ci-test.sh
# Exit 0 when the merged results match; 1 when anything fails (the daemons' and jobs' logs are printed);
# 3 when Slurm or munge is not installed or the user is not root.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shards=${SHARDS:-3}
trials=${TRIALS:-20000}
seed=${SEED:-11}
timeout_seconds=${TIMEOUT_SECONDS:-180}
started=$(date +%s)
say() { echo "slurm-ci [$(($(date +%s) - started))s]: $*"; }

export PATH="$PATH:/usr/sbin:/sbin"
for tool in munged slurmctld slurmd sbatch squeue sinfo scontrol; do
  if ! command -v "$tool" >/dev/null; then
    echo "slurm-ci: $tool is not installed (apt-get install slurm-wlm munge)"
    exit 3
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-ci: must run as root (munged, slurmctld and slurmd run as root here)"
  exit 3
fi

work=$(mktemp -d /tmp/shadowwar-slurm-ci.XXXXXX)
chmod 755 "$work"
pids=()
failed=0
show_logs() {
  for log in "$work"/*.log "$work"/*.out "$work"/runs/logs/*.out; do
    [ -f "$log" ] || continue
    echo "----- $log (last 40 lines)"
    tail -n 40 "$log"
  done
}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ "$failed" -ne 0 ]; then show_logs; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { say "FAILED: $*"; failed=1; exit 1; }

# A free TCP port: the daemons of another check on this machine must not collide with ours.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# The shadowwar command the jobs run.
if [ -n "${SHADOWWAR:-}" ]; then
  say "shadowwar: $SHADOWWAR"
else
  say "publishing shadowwar into $work/bin"
  dotnet publish "$repo/src/NorthKoreaShadowWar.Cli" -c Release -o "$work/bin" --nologo -v quiet >"$work/publish.log" 2>&1 \
    || fail "dotnet publish failed"
  export SHADOWWAR="$work/bin/shadowwar"
fi
read -r -a shadowwar <<< "$SHADOWWAR"

# munge: a fresh key and a daemon on our own socket.
mkdir -p "$work/munge"
chmod 711 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge/munged.seed" \
  || fail "munged did not start"
for _ in $(seq 50); do [ -s "$work/munge/munged.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/munge/munged.pid")")

# slurm.conf for one node, localhost, with no cgroups and no accounting.
mkdir -p "$work/state" "$work/spool"
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo) / 2 ))
cat > "$work/slurm.conf" <<CONF
ClusterName=shadowwar-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
SlurmdTimeout=30
MinJobAge=30
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"

say "starting slurmctld and slurmd ($cpus CPUs)"
slurmctld -D -i >"$work/slurmctld.out" 2>&1 &
pids+=("$!")
slurmd -D -N localhost >"$work/slurmd.out" 2>&1 &
pids+=("$!")
for _ in $(seq 300); do
  state=$(sinfo -h -N -n localhost -o %T 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "the node is not idle after 60 s (state: '${state:-no answer}')"
say "node idle; submitting $shards shards of $trials trials (seed $seed)"

cd "$work"
cp "$repo/scenarios/baseline.yaml" baseline.yaml
submitted=$("$repo/deploy/slurm/submit.sh" baseline.yaml "$shards" runs --trials "$trials" --seed "$seed") || fail "submit.sh failed"
echo "$submitted"
merge_id=$(echo "$submitted" | awk '/^merge job:/ { print $3 }')
[ -n "$merge_id" ] || fail "submit.sh printed no merge job id"

while squeue -h -j "$merge_id" 2>/dev/null | grep -q .; do
  [ $(($(date +%s) - started)) -lt "$timeout_seconds" ] || fail "the merge job has not finished after ${timeout_seconds} s"
  sleep 1
done
[ -f runs/merged/summary.json ] || fail "the merge job ended without writing runs/merged (did a shard fail?)"
say "merge job $merge_id done; running the same trials unsharded"

"${shadowwar[@]}" run baseline.yaml --trials "$trials" --seed "$seed" --out whole >whole.log 2>&1 || fail "the unsharded run failed"
without_performance() { awk '/^  "performance": \{/ { skip = 1 } !skip { print } skip && /^  \},?$/ { skip = 0 }' "$1"; }
cmp -s <(without_performance runs/merged/summary.json) <(without_performance whole/summary.json) \
  || { diff <(without_performance runs/merged/summary.json) <(without_performance whole/summary.json) | head -20; fail "summary.json differs"; }
for file in outcomes.csv categories.csv occupancy.csv; do
  cmp -s "runs/merged/$file" "whole/$file" || fail "$file differs"
done
for k in $(seq "$shards"); do
  grep -q "\"index\": $k" "runs/shard-$k/summary.json" || fail "runs/shard-$k is not shard $k"
done
say "PASSED: $shards Slurm shards merged equal the unsharded run (summary.json but for performance, outcomes.csv, categories.csv, occupancy.csv)"
