#!/usr/bin/env bash
# Submits a sharded shadowwar run to Slurm: a job array of N shards and a merge job that starts when all N succeed.
#   deploy/slurm/submit.sh FILE N OUTDIR [run options...]
# e.g. SHADOWWAR=/shared/shadowwar/shadowwar deploy/slurm/submit.sh scenarios/baseline.yaml 16 /shared/runs/baseline --trials 10000000 --seed 1
# Shard K is written to OUTDIR/shard-K, the merged results to OUTDIR/merged, the jobs' logs to OUTDIR/logs.
# SHADOWWAR_COMMAND=update shards an update instead of a run (the options then include --evidence E.yaml), e.g.
#   SHADOWWAR_COMMAND=update deploy/slurm/submit.sh scenarios/baseline.yaml 8 /shared/runs/updated --evidence scenarios/evidence/2024-12-31.yaml --trials 262144
# FILE and OUTDIR must be on a filesystem every node sees; jobs start in the current directory, as sbatch does.
# $SHADOWWAR names the shadowwar command (default: shadowwar on the PATH); sbatch passes the environment on to the jobs.
# $CPUS_PER_SHARD (default 1) CPUs are asked for each shard, and the shard runs that many threads.
# Other sbatch settings come from sbatch's own environment variables (SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT...).
# Prints the array job id and the merge job id.
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "usage: $0 FILE N OUTDIR [run options...]" >&2
  exit 2
fi
file=$1
count=$2
out=$3
shift 3
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "$0: N must be a whole number of shards, at least 1, got '$count'" >&2
  exit 2
fi
cpus=${CPUS_PER_SHARD:-1}
if ! [[ "$cpus" =~ ^[1-9][0-9]*$ ]]; then
  echo "$0: CPUS_PER_SHARD must be a whole number, at least 1, got '$cpus'" >&2
  exit 2
fi
if [ "${SHADOWWAR_COMMAND:-run}" != run ] && [ "${SHADOWWAR_COMMAND:-run}" != update ]; then
  echo "$0: SHADOWWAR_COMMAND must be run or update, got '${SHADOWWAR_COMMAND}'" >&2
  exit 2
fi
if [ ! -f "$file" ]; then
  echo "$0: $file: no such scenario file" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/logs"

array=$(sbatch --parsable --array="1-$count" --cpus-per-task="$cpus" --output="$out/logs/shard-%a.out" \
  "$here/shadowwar-array.sbatch" "$file" "$out" "$@")
array_id=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array_id" --kill-on-invalid-dep=yes --output="$out/logs/merge.out" \
  "$here/shadowwar-merge.sbatch" "$out" "$count")
merge_id=${merge%%;*}
echo "array job: $array_id ($count shards into $out/shard-1 .. $out/shard-$count)"
echo "merge job: $merge_id (into $out/merged, after every shard succeeds)"
