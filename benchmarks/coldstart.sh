#!/usr/bin/env bash
# Cold start of one test class in a fresh JVM, three ways, measured side by side (issue 11, item 17).
#
#   benchmarks/coldstart.sh [ROUNDS]        (default 15 rounds)
#
# Each round starts, one after the other and in this order, a fresh JVM per variant that runs one
# test class with the JUnit Platform launcher (dev.lambdalocal.benchmarks.ColdStart; no Surefire)
# and exits. The three classes test the same handler with the same API Gateway event
# (benchmarks/src/main/resources/events/apigateway-rest.json; see ColdStartFixtures):
#
#   plain       plain JUnit, the event built by hand, the handler called as a method (the floor)
#   aws-tests   aws-lambda-java-tests' @Event reads the file, the handler called as a method
#   lambdatest  @LambdaTest injects the function, lambda-local's @Event reads the file, one invoke
#
# What is measured is the CPU time of the whole process (user + system, bash's `time`), which a
# shared machine disturbs less than wall time; wall time is printed too. The variants alternate so
# that a busier minute slows all of them alike. It prints each variant's median, minimum and
# maximum in milliseconds and the ratio of each median to aws-tests' and to plain's. The target of
# issue 11: lambdatest <= 1.10 x aws-tests (CPU, median).
#
# Build first: mvn -B -q package -DskipTests -pl benchmarks -am. JAVA_HOME selects the JDK. Every
# JVM gets the same flags, --add-opens java.base/java.util=ALL-UNNAMED included (lambda-local needs
# it; the others ignore it). Nothing here is a test: the numbers go to docs/performance.md by hand.
set -euo pipefail

rounds="${1:-15}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
fi
jar="$root/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "No $jar: run mvn -B -q package -DskipTests -pl benchmarks -am first" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

names=(plain aws-tests lambdatest)
fixture_of() {
  case "$1" in
    plain) echo plain ;;
    aws-tests) echo aws-lambda-java-tests ;;
    lambdatest) echo lambdatest ;;
  esac
}

run_once() {
  "$java" --add-opens=java.base/java.util=ALL-UNNAMED -cp "$jar" \
    dev.lambdalocal.benchmarks.ColdStart "$(fixture_of "$1")"
}

# One untimed run each: fills the page cache and checks that every class passes.
for name in "${names[@]}"; do
  if ! run_once "$name" >/dev/null 2>"$work/err"; then
    echo "$name failed:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  : >"$work/$name.cpu"
  : >"$work/$name.wall"
done

TIMEFORMAT='%3R %3U %3S'
for ((round = 1; round <= rounds; round++)); do
  for name in "${names[@]}"; do
    { time run_once "$name" >/dev/null 2>"$work/err"; } 2>"$work/time" || {
      echo "$name failed in round $round:" >&2
      cat "$work/err" >&2
      exit 1
    }
    read -r real user sys <"$work/time"
    awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d\n", (u + s) * 1000}' >>"$work/$name.cpu"
    awk -v r="$real" 'BEGIN {printf "%d\n", r * 1000}' >>"$work/$name.wall"
  done
done

median_of() {
  sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

declare -A cpu
for name in "${names[@]}"; do
  cpu[$name]="$(median_of "$work/$name.cpu")"
done
printf '%-11s %9s %9s %9s %10s %9s %9s\n' variant "cpu ms" min max "wall ms" "×aws" "×plain"
for name in "${names[@]}"; do
  min="$(sort -n "$work/$name.cpu" | head -1)"
  max="$(sort -n "$work/$name.cpu" | tail -1)"
  wall="$(median_of "$work/$name.wall")"
  printf '%-11s %9s %9s %9s %10s %9s %9s\n' "$name" "${cpu[$name]}" "$min" "$max" "$wall" \
    "$(awk -v a="${cpu[$name]}" -v b="${cpu[aws-tests]}" 'BEGIN {printf "%.3f", a / b}')" \
    "$(awk -v a="${cpu[$name]}" -v b="${cpu[plain]}" 'BEGIN {printf "%.3f", a / b}')"
done
echo "(median of $rounds alternating rounds; $("$java" -version 2>&1 | head -1); $(nproc) cores;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg))"
