#!/usr/bin/env bash
# Outflow's local demo, in one command: builds the connectors and their plugin archives, starts a Kafka broker and a
# Connect worker (from Maven jars, the archives on plugin.path), local sandboxes of HubSpot, Zendesk and Braze, and an
# embedded DuckDB warehouse whose customer model is published to Kafka and delivered; then a day passes and only the
# changed rows are published. Needs JDK 17+ and Maven 3.8+ with access to Maven Central, nothing else.
#
#   ./demo.sh                     interactive: pauses between phases (Enter), Ctrl-C stops everything
#   ./demo.sh --non-interactive   no pauses; exits 1 if a destination does not hold what the model computed (CI)
#   ./demo.sh --skip-build        reuse the last build
#
# Each run writes to a fresh .demo/run-<time>/ (logs, Kafka data, the DuckDB file); the last three are kept.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

build=true
demo_args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=false ;;
    --non-interactive) demo_args+=("$arg") ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

for tool in java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "The demo needs $tool (JDK 17+ and Maven 3.8+) on the PATH." >&2; exit 2; }
done

if [[ "$build" == true ]]; then
  echo "Building the connectors, their plugin archives and the demo (mvn install -DskipTests)..."
  started=$SECONDS
  mvn -q -B -ntp install -DskipTests -pl demo -am
  echo "Built in $((SECONDS - started)) s."
fi
if [[ ! -f demo/target/classpath.txt || ! -d assembly/target/plugin-path ]]; then
  echo "Nothing built yet: run ./demo.sh without --skip-build." >&2
  exit 2
fi

# A fresh run directory; older runs beyond the last two are removed.
mkdir -p .demo
shopt -s nullglob
runs=(.demo/run-*)
shopt -u nullglob
for ((i = 0; i < ${#runs[@]} - 2; i++)); do
  rm -rf "${runs[i]}"
done
work="$ROOT/.demo/run-$(date +%Y%m%d-%H%M%S)"
[[ -e "$work" ]] && work="$work-$$"
mkdir -p "$work"

# The demo stops the worker and the broker itself, on Ctrl-C too. This catches only a demo JVM that was killed
# outright: any process it started (listed in processes, with this run's directory on its command line) is stopped.
stop_leftovers() {
  [[ -f "$work/processes" ]] || return 0
  # Last started first: the worker before the broker.
  awk '{ line[NR] = $0 } END { for (i = NR; i > 0; i--) print line[i] }' "$work/processes" | while read -r pid name; do
    if kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" 2>/dev/null | grep -qF "$work"; then
      echo "Stopping the leftover $name (pid $pid)"
      kill "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap stop_leftovers EXIT

# Plain java (not exec:java): Ctrl-C reaches the demo's shutdown hook, which stops what it started.
set +e
java -Xmx768m -cp "demo/target/classes:$(cat demo/target/classpath.txt)" io.outflow.demo.Main \
  --project-root "$ROOT" --work-dir "$work" ${demo_args[@]+"${demo_args[@]}"}
code=$?
set -e
exit "$code"
