"""A Python Zero client (pyzmq DEALER, as zeroapi's ZeroClient uses) that idles across many server heartbeats.

Usage: heartbeat_client.py PORT IDLE_SECONDS. Calls "echo" before and after idling, watches the socket's monitor
for disconnections, and prints "disconnects=<n> before=<reply> after=<reply>".
"""
import sys
import time

import msgpack
import zmq
from zmq.utils.monitor import recv_monitor_message


def call(socket, n, function, argument):
    rid = n.to_bytes(16, "big")
    socket.send(rid + function.encode().ljust(80, b" ") + msgpack.packb(argument))
    if not socket.poll(10_000):
        raise SystemExit("no reply to " + function)
    frame = socket.recv()
    assert frame[:16] == rid, "reply to another call"
    return msgpack.unpackb(frame[16:])


def main():
    port, idle = int(sys.argv[1]), float(sys.argv[2])
    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    monitor = socket.get_monitor_socket(zmq.EVENT_DISCONNECTED)
    socket.connect("tcp://127.0.0.1:%d" % port)
    before = call(socket, 1, "echo", "before")
    time.sleep(idle)
    after = call(socket, 2, "echo", "after")
    disconnects = 0
    while monitor.poll(100):
        recv_monitor_message(monitor)
        disconnects += 1
    print("disconnects=%d before=%s after=%s" % (disconnects, before, after))
    sys.stdout.flush()
    socket.disable_monitor()
    context.destroy(linger=0)


if __name__ == "__main__":
    main()
