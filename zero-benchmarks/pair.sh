#!/usr/bin/env bash
# Pairs the working tree's Zero server against an older commit's, in one benchmark run: builds both, starts both
# echo servers by hand and measures them with --external next to the benchmark's own server of the same kind,
# which calibrates the pair (two servers of the same code measured this way differ by this machine's noise only).
#
#   zero-benchmarks/pair.sh [-e sync|inline] [-p PATTERNS] [-r ROUNDS] COMMIT
#
# -e the echo handler (sync: the default worker path, compared with zero-sync; inline: nonBlocking, with zero),
# -p the patterns (default c1,w16,w128,s16), -r the rounds (default 5). Read the comparison table at the end:
# the ratios of `old` and of `new` to the benchmark's own server, paired per round.
set -euo pipefail
cd "$(dirname "$0")/.."

echo_mode=sync
patterns=c1,w16,w128,s16
rounds=5
while getopts "e:p:r:" option; do
    case "$option" in
        e) echo_mode="$OPTARG" ;;
        p) patterns="$OPTARG" ;;
        r) rounds="$OPTARG" ;;
        *) sed -n '5,9p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ $# -ne 1 ]; then
    sed -n '5,9p' "$0" >&2
    exit 2
fi
commit="$1"
case "$echo_mode" in
    sync) own_target=zero-sync ;;
    inline) own_target=zero ;;
    *) echo "pair.sh: -e must be sync or inline, got '$echo_mode'" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
cleanup() {
    # Closing the servers' standard input ends them (see ChildProcess); then the worktree can go.
    exec 3>&- 4>&-
    wait
    git worktree remove --force "$work/old" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "[pair] building the working tree and $commit" >&2
./mvnw -q -B -ntp -pl zero-benchmarks -am package -DskipTests
git worktree add --detach -q "$work/old" "$commit"
(cd "$work/old" && ./mvnw -q -B -ntp -pl zero-benchmarks -am package -DskipTests)

# Starts one echo server from a benchmark jar (name, jar, a free file descriptor number): its standard input is a
# fifo that this script holds open on that descriptor until it ends. Sets $port to the port the server announces.
start_server() {
    local name="$1" jar="$2" fd="$3"
    mkfifo "$work/$name.in"
    java -Xms256m -Xmx512m -cp "$jar" io.zeroapi.bench.server.zero.ZeroEchoApplication \
        --bench.echo="$echo_mode" --zero.server.address=127.0.0.1 --zero.server.port=0 \
        --zero.server.shutdown.grace-period=0 --spring.main.banner-mode=off --logging.level.root=WARN \
        < "$work/$name.in" > "$work/$name.log" 2>&1 &
    eval "exec $fd>\"\$work/\$name.in\""
    for _ in $(seq 150); do
        if grep -q ZERO-BENCH-PORT "$work/$name.log"; then
            port="$(grep ZERO-BENCH-PORT "$work/$name.log" | awk '{print $2}')"
            return
        fi
        sleep 0.2
    done
    echo "pair.sh: the $name server did not start; its log:" >&2
    cat "$work/$name.log" >&2
    exit 1
}

start_server old "$work/old/zero-benchmarks/target/zero-benchmarks.jar" 3
old_port="$port"
start_server new zero-benchmarks/target/zero-benchmarks.jar 4
new_port="$port"
echo "[pair] old ($commit) on port $old_port, new (working tree) on port $new_port" >&2
java -jar zero-benchmarks/target/zero-benchmarks.jar --targets "$own_target" \
    --external "old=tcp://127.0.0.1:$old_port" --external "new=tcp://127.0.0.1:$new_port" \
    --patterns "$patterns" --rounds "$rounds" --out "$work/pair.md"
