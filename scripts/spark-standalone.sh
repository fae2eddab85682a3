#!/usr/bin/env bash
# A Spark standalone cluster on this machine, one master and one worker, from the Spark jars Maven downloaded for
# chaoslab-spark (no Spark distribution needed): for trying --engine spark against a real cluster master.
#   scripts/spark-standalone.sh start     starts both (building chaoslab-spark first if needed), prints the master URL
#   scripts/spark-standalone.sh status    says what runs, with the URLs
#   scripts/spark-standalone.sh stop      stops both
# Then: ./chaoslab sweep SPEC.yaml --out DIR --engine spark --master spark://127.0.0.1:7077
# Environment (all optional): SPARK_MASTER_HOST (127.0.0.1), SPARK_MASTER_PORT (7077), SPARK_MASTER_WEBUI_PORT (8080),
# SPARK_WORKER_WEBUI_PORT (8081), SPARK_WORKER_CORES (all cores), SPARK_WORKER_MEMORY (Spark's default: the machine's
# memory less 1 GB), CHAOSLAB_SPARK_STANDALONE_DIR (target/spark-standalone: logs, pid files, the worker's directory).
# The master and the worker run in the background with their logs in that directory; executors log in work/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/jdk.sh
source "$ROOT/scripts/jdk.sh"
STATE=${CHAOSLAB_SPARK_STANDALONE_DIR:-$ROOT/target/spark-standalone}
HOST=${SPARK_MASTER_HOST:-127.0.0.1}
PORT=${SPARK_MASTER_PORT:-7077}
MASTER_UI=${SPARK_MASTER_WEBUI_PORT:-8080}
WORKER_UI=${SPARK_WORKER_WEBUI_PORT:-8081}
URL="spark://$HOST:$PORT"
TARGET="$ROOT/chaoslab-spark/target"

usage() {
  echo "usage: scripts/spark-standalone.sh start|stop|status" >&2
  exit 2
}

# pid of a daemon we started, when it still runs (the pid file names the process; a stale file is ignored)
running() {
  local pid
  [ -f "$STATE/$1.pid" ] || return 1
  pid=$(<"$STATE/$1.pid")
  ps -p "$pid" -o args= 2>/dev/null | grep -q "org.apache.spark.deploy" && echo "$pid"
}

# Spark's jars as a Spark home (jars/ and conf/): the worker builds its executors' class path from SPARK_HOME/jars,
# as in a Spark distribution; here they are links into the local Maven repository (target/spark.classpath)
spark_home() {
  local jars jar
  if [ ! -f "$TARGET/spark.classpath" ] || [ ! -f "$TARGET/spark-jvm.options" ] || [ ! -f "$TARGET/chaoslab-spark.jar" ]; then
    echo "spark-standalone: building chaoslab-spark (needs Maven and Maven Central)..." >&2
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl chaoslab-spark -am package) >"$STATE/build.log" 2>&1 || {
      tail -n 25 "$STATE/build.log" >&2
      echo "spark-standalone: the build failed (log: $STATE/build.log)" >&2
      exit 1
    }
  fi
  rm -rf "$STATE/spark-home"
  mkdir -p "$STATE/spark-home/jars" "$STATE/spark-home/conf"
  IFS=: read -r -a jars <"$TARGET/spark.classpath" || true   # one line, no newline at its end
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || { echo "spark-standalone: $jar is missing; rebuild: mvn -pl chaoslab-spark -am -DskipTests package" >&2; exit 1; }
    ln -s "$jar" "$STATE/spark-home/jars/"
  done
}

start_daemon() {
  local name=$1 pid
  shift
  if pid=$(running "$name"); then
    echo "spark-standalone: the $name already runs (pid $pid)"
    return 0
  fi
  # SPARK_LOCAL_IP: the daemons listen on the master's address (the loopback one by default), not on every interface
  SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP="$HOST" \
    nohup "$JAVA_HOME/bin/java" @"$TARGET/spark-jvm.options" -Xmx1g -cp "$STATE/spark-home/jars/*" "$@" \
    >"$STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

# waits until the log says the daemon is up (or it died, or 60 s passed)
wait_for() {
  local name=$1 pattern=$2 i
  for i in $(seq 1 120); do
    grep -q "$pattern" "$STATE/$name.log" 2>/dev/null && return 0
    running "$name" >/dev/null || break
    sleep 0.5
  done
  echo "spark-standalone: the $name did not start; its log ($STATE/$name.log) ends with:" >&2
  tail -n 15 "$STATE/$name.log" >&2
  return 1
}

case "${1:-}" in
  start)
    mkdir -p "$STATE/work"
    if ! running master >/dev/null && ! running worker >/dev/null; then
      spark_home
    fi
    start_daemon master org.apache.spark.deploy.master.Master --host "$HOST" --port "$PORT" --webui-port "$MASTER_UI"
    wait_for master "Starting Spark master at\|I have been elected leader"
    WORKER_ARGS=(--host "$HOST" --webui-port "$WORKER_UI" --work-dir "$STATE/work")
    [ -n "${SPARK_WORKER_CORES:-}" ] && WORKER_ARGS+=(--cores "$SPARK_WORKER_CORES")
    [ -n "${SPARK_WORKER_MEMORY:-}" ] && WORKER_ARGS+=(--memory "$SPARK_WORKER_MEMORY")
    start_daemon worker org.apache.spark.deploy.worker.Worker "${WORKER_ARGS[@]}" "$URL"
    wait_for worker "Successfully registered with master"
    echo "spark-standalone: master $URL (web UI http://$HOST:$MASTER_UI), one worker (web UI http://$HOST:$WORKER_UI); logs in $STATE"
    echo "$URL"
    ;;
  stop)
    for name in worker master; do
      if pid=$(running "$name"); then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "spark-standalone: stopped the $name (pid $pid)"
      fi
      rm -f "$STATE/$name.pid"
    done
    ;;
  status)
    status=0
    for name in master worker; do
      if pid=$(running "$name"); then
        echo "spark-standalone: the $name runs (pid $pid)"
      else
        echo "spark-standalone: the $name does not run"
        status=3
      fi
    done
    [ "$status" = 0 ] && echo "$URL"
    exit "$status"
    ;;
  *)
    usage
    ;;
esac
