#!/bin/sh
# Soak run of Zero for Spring: server and client in one Spring Boot application, full speed.
# Usage: zero-spring-boot-autoconfigure/soak.sh [seconds]   (default 60; the README figure uses 300)
set -e
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
./mvnw -q -B -ntp -pl zero-spring-boot-autoconfigure test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/soak-classpath.txt" -Dmdep.includeScope=test
exec java -Xmx512m -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/soak-classpath.txt")" \
    io.zeroapi.soak.ZeroSoak "${1:-60}"
