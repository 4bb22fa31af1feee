#!/usr/bin/env bash
# The Outflow benchmark harness (issue 8). One command builds what it needs and runs every measurement:
#
#   benchmarks/run.sh             the full benchmark (about 30 minutes on 2 cores); writes docs/benchmarks.md
#   benchmarks/run.sh --quick     a tiny version of each measurement (3-4 minutes): proves the harness works
#   benchmarks/run.sh --help      options (--only=..., --vendors=..., --no-jfr, --out=..., --backlog=N, --rebuild)
#   benchmarks/run.sh --jmh [JMH options]   JMH microbenchmarks of the per-record hot path (no Kafka needed)
#
# It starts a Kafka broker and a Connect worker as processes (Kafka's jars from assembly/runtimes, the plugin archives
# unpacked in assembly/target/plugin-path), runs the destination fakes in its own JVM, prints a table and writes the
# report. Needs Linux (/proc), JDK 17+ and Maven 3.8+. Run it on a quiet machine: other work skews every figure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

REBUILD=false
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--rebuild" ]]; then
    REBUILD=true
  else
    ARGS+=("$arg")
  fi
done

KAFKA_VERSION=4.3.1
for arg in "${ARGS[@]+"${ARGS[@]}"}"; do
  [[ "$arg" == --kafka=* ]] && KAFKA_VERSION="${arg#--kafka=}"
done

prerequisites_missing() {
  [[ -s "assembly/runtimes/kafka-$KAFKA_VERSION/target/classpath.txt" ]] || return 0
  for connector in hubspot zendesk braze; do
    compgen -G "assembly/target/plugin-path/outflow-$connector-*" > /dev/null || return 0
  done
  return 1
}

MVN=(mvn -B -q -DskipTests)
if [[ "$REBUILD" == true ]] || prerequisites_missing; then
  # A fresh clone: build the connectors' plugin archives (unpacked into assembly/target/plugin-path by the assembly
  # module), the Kafka runtime classpath and the harness, in one reactor build (nothing is installed).
  echo "Building the plugin archives, the Kafka runtime classpath and the harness..."
  "${MVN[@]}" package -pl benchmarks -am
else
  # Plugins and runtime are there: compile only the harness, against the installed testkit if there is one,
  # else build its dependencies in the reactor too.
  if ! output="$("${MVN[@]}" package -pl benchmarks 2>&1)"; then
    if grep -q "Could not resolve dependencies\|Could not find artifact" <<< "$output"; then
      echo "The testkit is not installed; building the harness with its dependencies..."
      "${MVN[@]}" package -pl benchmarks -am
    else
      echo "$output"
      exit 1
    fi
  fi
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLASSPATH_FILE=benchmarks/target/classpath.txt
CLASSPATH="benchmarks/target/classes:$(cat "$CLASSPATH_FILE")"

if [[ "${ARGS[0]:-}" == "--jmh" ]]; then
  # JMH microbenchmarks of the per-record hot path; the rest of the arguments go to JMH (e.g. -f 1 -wi 3 -i 5).
  exec "$JAVA" -cp "$CLASSPATH" org.openjdk.jmh.Main "${ARGS[@]:1}"
fi
# Kafka's test jars on the classpath carry their own log4j2.yaml; the harness's config is named explicitly.
exec "$JAVA" -Xmx1g -XX:+UseG1GC \
  -Dlog4j2.configurationFile="$ROOT/benchmarks/src/main/resources/log4j2-bench.xml" \
  -Doutflow.project.root="$ROOT" \
  -Doutflow.bench.command="benchmarks/run.sh${*:+ $*}" \
  -cp "$CLASSPATH" \
  io.outflow.connect.benchmarks.Benchmarks "${ARGS[@]+"${ARGS[@]}"}"
