#!/usr/bin/env bash
# Builds the benchmark (and the modules it needs) and runs it; options are passed to the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl zero-benchmarks -am package -DskipTests
exec java -jar zero-benchmarks/target/zero-benchmarks.jar "$@"
