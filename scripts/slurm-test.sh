#!/usr/bin/env bash
# A real Slurm test of `ccsim sweep slurm`, on this machine (`make slurm-test`).
#
# Installs slurm-wlm and munge from Debian when missing, starts munged, slurmctld and slurmd
# as a one-node cluster (configuration and state in a temporary folder), submits the job array
# and merge job that `ccsim sweep slurm` writes for a small sweep, waits for them, and checks
# that the merged store holds exactly the runs of the same sweep run locally. It stops only
# the daemons it started. Needs root (daemons, apt) and a built ccsim (CCSIM=path to override).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ccsim=${CCSIM:-$root/.build/release/ccsim}
shards=${SHARDS:-3}
timeout=${SLURM_TEST_TIMEOUT:-180}
started=$(date +%s)

say() { echo "slurm-test: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
    # `make test` sets SLURM_TEST_OPTIONAL=1: a developer without root skips, CI (root) runs it.
    if [ "${SLURM_TEST_OPTIONAL:-0}" = 1 ]; then say "skipped: needs root"; exit 0; fi
    fail "run as root (it installs packages and starts daemons)"
fi
[ -x "$ccsim" ] || fail "no ccsim binary at $ccsim: run 'make build' first"

missing=()
for p in slurm-wlm munge; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/ccsim-slurm.XXXXXX)
pids=()
munged_pid=""
cleanup() {
    status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "$munged_pid" ]; then kill "$munged_pid" 2>/dev/null || true; fi
    if [ $status -ne 0 ]; then
        say "logs kept in $work"
        tail -n 20 "$work"/log/*.log "$work"/results/slurm/logs/*.out 2>/dev/null >&2 || true
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# munge: authentication between Slurm's daemons and commands.
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    say "munged already running; using it"
else
    mkdir -p /run/munge /var/log/munge /var/lib/munge /etc/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    chmod 0755 /run/munge
    if [ ! -s /etc/munge/munge.key ]; then
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
    fi
    chown -R munge:munge /etc/munge
    chmod 0700 /etc/munge
    chmod 0400 /etc/munge/munge.key
    runuser -u munge -- munged --pid-file=/run/munge/ccsim-test.pid
    for _ in $(seq 50); do [ -s /run/munge/ccsim-test.pid ] && break; sleep 0.1; done
    munged_pid=$(cat /run/munge/ccsim-test.pid)
    munge -n | unmunge >/dev/null || fail "munged does not answer"
fi

# A one-node cluster whose node is this machine.
host=$(hostname -s)
mkdir -p "$work/etc" "$work/state" "$work/spool" "$work/log"
export SLURM_CONF="$work/etc/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=ccsimtest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=ccsim Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
cat > "$work/etc/cgroup.conf" <<CONF
CgroupPlugin=autodetect
IgnoreSystemd=yes
CONF
slurmctld -D -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 & pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 60); do
    state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
    [ "$state" = "idle" ] && break
    sleep 0.5
done
[ "$state" = "idle" ] || fail "the node did not come up (state '$state')"
say "cluster up: node $host idle"

# A small sweep: 4 points × 6 replications of mmc-basic, short horizons.
cat > "$work/sweep.yaml" <<SWEEP
name: slurm-test
base: $root/scenarios/mmc-basic.yaml
seed: 5
replications: 6
parameters:
  - {path: team.agents, set: [46, 48, 50, 52]}
  - {path: run.horizon, set: [1h]}
metrics: [service_level, asa, occupancy]
SWEEP
"$ccsim" sweep slurm "$work/sweep.yaml" --shards "$shards" --time 10 --cpus 1 --out "$work/results" >&2
bash "$work/results/slurm/submit.sh" >&2
read -r array merge < "$work/results/slurm/job-ids"

deadline=$((started + timeout))
while [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "jobs still queued or running after ${timeout}s: $(squeue -h)"
    sleep 1
done
[ -f "$work/results/summary.csv" ] || fail "the merge job wrote no summary (see $work/results/slurm/logs)"
for k in $(seq "$shards"); do
    [ -f "$work/results/shards/$k-of-$shards/sweep.sqlite" ] || fail "shard $k wrote no store"
done

"$ccsim" sweep "$work/sweep.yaml" --out "$work/local" --quiet
# Every run, without the wall-time column, must be the same.
"$ccsim" sweep export "$work/results" --out - | sed 's/,[^,]*$//' > "$work/merged.csv"
"$ccsim" sweep export "$work/local" --out - | sed 's/,[^,]*$//' > "$work/local.csv"
[ "$(wc -l < "$work/merged.csv")" -eq 25 ] || fail "expected 24 runs in the merged store, got $(($(wc -l < "$work/merged.csv") - 1))"
diff -q "$work/merged.csv" "$work/local.csv" >/dev/null || { diff "$work/merged.csv" "$work/local.csv" | head >&2; fail "merged results differ from the local run"; }
say "merged store of $shards Slurm array tasks equals the local run (24 runs); $(($(date +%s) - started)) s"
echo "slurm-test: 1 passed, 0 failed"
