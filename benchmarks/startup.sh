#!/usr/bin/env bash
# Start-up of the lambda-local command line against a bare JVM, measured side by side.
#
#   benchmarks/startup.sh [ROUNDS]        (default 20 rounds)
#
# Each round runs, one after the other and in this order, every command below once; a command's
# wall time is taken around the whole process, as a user waits for it. The commands alternate so
# that a slower minute of a shared machine slows all of them alike. It prints each command's
# median, minimum and maximum in milliseconds, and the ratio of each median to the bare JVM's.
#
#   hello    java -cp DIR Hello: a class that prints one line (the floor of any Java command)
#   run      ./lambda-local run on the bundled example, as the README's first command
#   run-jar  java -jar lambda-local-cli-….jar run …, the executable JAR with no option at all
#   help     ./lambda-local run --help
#
# ./lambda-local builds what it needs on first use: run it once before measuring (this script
# does, untimed). JAVA_HOME selects the JDK, as for ./lambda-local. Nothing here is a test: the
# numbers go to docs/performance.md by hand, with the machine they came from.
set -euo pipefail

rounds="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
"${java%java}javac" -d "$work" "$work/Hello.java" 2>/dev/null || javac -d "$work" "$work/Hello.java"

cd "$root"
example=(run --handler example.ExampleFunc --event examples/events/test.json
  --classpath examples/target/classes)
# First use: builds the JAR and records the class-data-sharing archive; not timed.
./lambda-local "${example[@]}" >/dev/null 2>&1
jar="$(ls lambda-local-cli/target/lambda-local-cli-*.jar | grep -v -e -sources -e -javadoc)"

names=(hello run run-jar help)
command_of() {
  case "$1" in
    hello) "$java" -cp "$work" Hello ;;
    run) ./lambda-local "${example[@]}" ;;
    run-jar) "$java" -jar "$jar" "${example[@]}" ;;
    help) ./lambda-local run --help ;;
  esac
}

for name in "${names[@]}"; do
  : >"$work/$name.ms"
done
for ((round = 1; round <= rounds; round++)); do
  for name in "${names[@]}"; do
    start="$(date +%s%N)"
    command_of "$name" >/dev/null 2>&1
    end="$(date +%s%N)"
    echo $(((end - start) / 1000000)) >>"$work/$name.ms"
  done
done

hello_median=""
printf '%-8s %8s %8s %8s %8s\n' command median min max "×hello"
for name in "${names[@]}"; do
  sort -n "$work/$name.ms" >"$work/$name.sorted"
  count="$(wc -l <"$work/$name.sorted")"
  median="$(awk -v n="$count" '{v[NR]=$1} END {print (n % 2) ? v[(n+1)/2] : (v[n/2]+v[n/2+1])/2}' \
    "$work/$name.sorted")"
  min="$(head -1 "$work/$name.sorted")"
  max="$(tail -1 "$work/$name.sorted")"
  if [[ -z "$hello_median" ]]; then
    hello_median="$median"
  fi
  ratio="$(awk -v a="$median" -v b="$hello_median" 'BEGIN {printf "%.2f", a / b}')"
  printf '%-8s %8s %8s %8s %8s\n' "$name" "$median" "$min" "$max" "$ratio"
done
echo "($rounds rounds; $("$java" -version 2>&1 | head -1); $(nproc) cores)"
