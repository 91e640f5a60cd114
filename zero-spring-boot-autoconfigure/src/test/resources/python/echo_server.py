"""A minimal Zero-protocol server on pyzmq (libzmq's ROUTER, as Python Zero's server uses): echoes each call's
msgpack argument and answers Zero's connect handshake. Usage: echo_server.py; prints "PORT <n>", stops when its
standard input closes."""
import sys
import threading

import msgpack
import zmq


def main():
    context = zmq.Context()
    socket = context.socket(zmq.ROUTER)
    socket.setsockopt(zmq.LINGER, 0)
    port = socket.bind_to_random_port("tcp://127.0.0.1")
    print("PORT %d" % port)
    sys.stdout.flush()
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    while not stop.is_set():
        if not socket.poll(100):
            continue
        identity, frame = socket.recv_multipart()
        rid, name = frame[:16], frame[16:96].strip().decode()
        body = msgpack.packb("connected") if name == "connect" else frame[96:] or msgpack.packb(None)
        socket.send_multipart([identity, rid + body])
    context.destroy(linger=0)


if __name__ == "__main__":
    main()
