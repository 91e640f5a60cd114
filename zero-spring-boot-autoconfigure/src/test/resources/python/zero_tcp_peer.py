"""A Zero 1.0 TCP-protocol peer on asyncio and msgpack, written from the protocol description (zeroapi 1.0's
TCPServer / AsyncTCPClient, "TCP-v2" framing): every message is [u32 BE length = 5 + payload][u32 BE request id]
[u8 error flag][msgpack payload]; requests are {"fn": name, "data": argument}, replies the bare value, flag 1 for a
__zerror__ map.

Usage:
  zero_tcp_peer.py server          serves echo, add, hello_world, fail and sleep as Zero's TCP worker does (one request
                                   at a time per connection); prints "PORT <n>", stops when standard input closes
  zero_tcp_peer.py client PORT     calls a server as Zero's AsyncTCPClient does (ids from 1 per connection, one call at
                                   a time per connection, a pool for concurrent calls) and prints one JSON line of results
"""
import asyncio
import json
import struct
import sys

import msgpack

ERROR_PREFIX = "__zerror__"


def frame(request_id, value, error=False):
    payload = msgpack.packb(value, use_bin_type=True)
    return struct.pack(">IIB", 5 + len(payload), request_id, 1 if error else 0) + payload


async def read_frame(reader):
    length, = struct.unpack(">I", await reader.readexactly(4))
    if length < 5:
        raise ValueError("length %d below 5" % length)
    rest = await reader.readexactly(length)
    request_id, flag = struct.unpack(">IB", rest[:5])
    return request_id, flag, rest[5:]


def is_error(value):
    return isinstance(value, dict) and any(isinstance(k, str) and k.startswith(ERROR_PREFIX) for k in value)


async def handle(fn, data):
    if fn == "connect":
        return "connected"
    if fn == "echo":
        return data
    if fn == "add":
        return sum(data)
    if fn == "hello_world":
        return "hello world"
    if fn == "sleep":
        await asyncio.sleep(data / 1000)
        return data
    if fn == "fail":
        return {"__zerror__server_exception": repr(ValueError(data))}
    return {"__zerror__function_not_found": "Function `%s` not found!" % fn}


async def serve_connection(reader, writer):
    try:
        while True:
            request_id, _, payload = await read_frame(reader)
            try:
                request = msgpack.unpackb(payload, raw=False)
            except Exception:
                break
            if not isinstance(request, dict):
                reply = {"__zerror__server_exception": "Request must be a dict"}
            elif not request.get("fn"):
                reply = {"__zerror__server_exception": "Missing function name"}
            else:
                reply = await handle(request["fn"], request.get("data"))
            writer.write(frame(request_id, reply, is_error(reply)))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def server():
    listener = await asyncio.start_server(serve_connection, "127.0.0.1", 0)
    print("PORT %d" % listener.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    listener.close()


class Connection:
    """One pooled connection of Zero's client: its own id counter, one call at a time."""

    def __init__(self, reader, writer):
        self.reader, self.writer, self.next_id = reader, writer, 0
        self.lock = asyncio.Lock()

    async def call(self, fn, data):
        async with self.lock:
            self.next_id = (self.next_id + 1) & 0xFFFFFFFF
            request_id = self.next_id
            payload = msgpack.packb({"fn": fn, "data": data}, use_bin_type=True)
            self.writer.write(struct.pack(">IIB", 5 + len(payload), request_id, 0) + payload)
            await self.writer.drain()
            while True:
                reply_id, flag, body = await read_frame(self.reader)
                if reply_id == request_id:
                    return flag, msgpack.unpackb(body, raw=False)


async def client(port):
    pool = [Connection(*await asyncio.open_connection("127.0.0.1", port)) for _ in range(4)]
    first = pool[0]
    results = {}
    for name, fn, data in [("echo", "echo", "Hi"), ("add", "add", [1, 2, 3]), ("hello", "hello_world", None),
                           ("connect", "connect", None), ("user", "save_user",
                                                          {"id": 1, "name": "John Doe", "email": "john@example.com"}),
                           ("nope", "nope", 1), ("fail", "fail", "boom"), ("invalid", "echo", 123)]:
        flag, value = await first.call(fn, data)
        results[name] = {"flag": flag, "value": value}
    replies = await asyncio.gather(*(pool[i % len(pool)].call("echo", "m%d" % i) for i in range(200)))
    results["concurrent"] = sum(1 for i, (flag, value) in enumerate(replies) if flag == 0 and value == "m%d" % i)
    results["ids"] = [connection.next_id for connection in pool]
    for connection in pool:
        connection.writer.close()
    print(json.dumps(results, sort_keys=True), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "server":
        asyncio.run(server())
    else:
        asyncio.run(client(int(sys.argv[2])))
