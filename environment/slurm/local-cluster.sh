#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for netgauss's Slurm integration test and for trying job scripts.
#   local-cluster.sh start DIR   writes DIR/slurm.conf, starts munged (unless one answers), slurmctld, slurmd;
#                                prints 'export SLURM_CONF=DIR/slurm.conf' once the node is idle
#   local-cluster.sh stop DIR    stops the daemons this script started (by the pids it recorded) and removes DIR
# Needs root and Debian's slurmctld, slurmd, munge (apt-get install slurmctld slurmd munge slurm-client).
# No cgroups: ProctrackType=proctrack/linuxproc, TaskPlugin=task/none, no accounting database.
set -euo pipefail
die() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: local-cluster.sh start|stop DIR"

stop() {
  for d in slurmd slurmctld munged; do
    if [ -f "$dir/$d.ours" ]; then
      pid=$(cat "$dir/$d.ours")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$dir"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() {
  [ "$(id -u)" = 0 ] || die "needs root (slurmd runs jobs as their users)"
  for b in slurmctld slurmd munged sbatch sinfo; do
    command -v "$b" >/dev/null || die "$b is missing: apt-get install slurmctld slurmd munge slurm-client"
  done
  mkdir -p "$dir"/state "$dir"/spool
  dir=$(cd "$dir" && pwd)
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ {print int($2/1024/2)}' /proc/meminfo)
  cat > "$dir/slurm.conf" <<CONF
ClusterName=netgauss-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  if ! munge -n >/dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    [ -f /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
    munged --force >/dev/null 2>&1 || die "munged did not start (see /var/log/munge/munged.log)"
    cat /run/munge/munged.pid > "$dir/munged.ours"
    munge -n >/dev/null || die "munged does not answer"
  fi
  slurmctld -D -f "$SLURM_CONF" >"$dir/slurmctld.out" 2>&1 &
  echo $! > "$dir/slurmctld.ours"
  slurmd -D -f "$SLURM_CONF" >"$dir/slurmd.out" 2>&1 &
  echo $! > "$dir/slurmd.ours"
  for _ in $(seq 120); do
    state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)
    case "$state" in idle*|mixed*) echo "export SLURM_CONF=$SLURM_CONF"; return 0 ;; esac
    sleep 0.5
  done
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  stop
  die "the node did not become idle within 60 s (state '${state:-none}')"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) die "unknown command '$cmd' (start, stop)" ;;
esac
