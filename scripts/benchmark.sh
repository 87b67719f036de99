#!/usr/bin/env bash
# Measures how fast bulkcall validates a large file, in a small heap, apart from the test suite.
#   scripts/benchmark.sh [ROWS]        (default 1000000)
# Prints rows, seconds and rows per second for `bulkcall validate` run with -Xmx256m on generated
# numbers (1% of them invalid, 1% duplicated). Nothing is dialed: validate never calls Cartesia.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
[ -f target/bulkcall.jar ] || ./mvnw -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v rows="$rows" 'BEGIN {
    print "to_number,customer_id,first_name"
    for (i = 0; i < rows; i++) {
        if (i % 100 == 99) { n = "555-01" }                                  # invalid: too short
        else if (i % 100 == 98) { n = sprintf("+1 212 %03d %04d", 200 + int((i - 1) / 10000), (i - 1) % 10000) }  # duplicate
        else { n = sprintf("+1 212 %03d %04d", 200 + int(i / 10000), i % 10000) }
        printf "%s,cust-%d,Name%d\n", n, i, i
    }
}' > "$work/bench.csv"

start=$(date +%s.%N)
java -Xmx256m -jar target/bulkcall.jar validate "$work/bench.csv" \
    --bulkcall.agent-id=bench --bulkcall.from-number-id=bench --bulkcall.cartesia.api-key=unused \
    --bulkcall.output-dir="$work/output" --spring.datasource.url="jdbc:h2:file:$work/data/bench" \
    --logging.file.name="$work/bench.log" 2>&1 | tail -1
end=$(date +%s.%N)
awk -v rows="$rows" -v s="$start" -v e="$end" \
    'BEGIN { t = e - s; printf "validate: %d rows in %.1f s with -Xmx256m: %.0f rows/s (JVM start included)\n", rows, t, rows / t }'
