#!/usr/bin/env python3
"""Sends live comments to the Danmu Radar trial page ("接入实时弹幕 / Live feed" tab).

The page connects to ws://127.0.0.1:PORT; this script is that WebSocket server. It reads JSON lines
(one comment per line: {"text": "…", "user": "…", "ts": 1733000000000, "kind": "comment"}; only
"text" is needed) from a file or from standard input and sends each line to every connected page.
Python 3.8+, standard library only, listens on 127.0.0.1 only.

    python3 ws_sender.py --port 8765 comments.jsonl          # a saved log, at --rate lines a second
    my_danmaku_script.py | python3 ws_sender.py --port 8765 -  # a live source: print one JSON line per comment

With blivedm (Bilibili) or DouyinLiveWebFetcher (Douyin), print one line in your message handler, e.g.
    print(json.dumps({"text": message.msg, "user": message.uname, "kind": "comment"}, ensure_ascii=False), flush=True)
and pipe that script into this one. Nothing leaves this computer.
"""

import argparse
import asyncio
import base64
import hashlib
import sys

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455
clients = set()


def frame(text):
    """A single unmasked text frame (servers never mask)."""
    data = text.encode("utf-8")
    n = len(data)
    if n < 126:
        head = bytes([0x81, n])
    elif n < 65536:
        head = bytes([0x81, 126]) + n.to_bytes(2, "big")
    else:
        head = bytes([0x81, 127]) + n.to_bytes(8, "big")
    return head + data


async def handshake(reader, writer):
    request = await reader.readuntil(b"\r\n\r\n")
    headers = {}
    for line in request.decode("latin-1").split("\r\n")[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    key = headers.get("sec-websocket-key")
    if not key or headers.get("upgrade", "").lower() != "websocket":
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        return False
    accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
    writer.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode()
    )
    await writer.drain()
    return True


async def serve_client(reader, writer):
    try:
        if not await handshake(reader, writer):
            return
        clients.add(writer)
        print(f"page connected ({len(clients)} open)", file=sys.stderr, flush=True)
        # The page sends nothing but a close frame; reading until EOF notices it leaving.
        while await reader.read(1024):
            pass
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        clients.discard(writer)
        writer.close()


async def broadcast(line):
    for w in list(clients):
        try:
            w.write(frame(line))
            await w.drain()
        except ConnectionError:
            clients.discard(w)


async def pump(source, rate, wait):
    loop = asyncio.get_running_loop()
    while wait and not clients:  # a saved log waits for the page, so nothing is sent to no one
        await asyncio.sleep(0.1)
    sent = 0
    while True:
        line = await loop.run_in_executor(None, source.readline)
        if not line:
            break
        line = line.strip()
        if line:
            await broadcast(line)
            sent += 1
            if rate:
                await asyncio.sleep(1 / rate)
    print(f"sent {sent} comments", file=sys.stderr, flush=True)


async def main():
    ap = argparse.ArgumentParser(description="Send JSONL comments to the Danmu Radar trial page over a local WebSocket.")
    ap.add_argument("file", help="a JSONL file, or - for standard input")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--rate", type=float, default=2.0, help="lines per second when reading a file (0: as fast as possible)")
    ap.add_argument("--linger", action="store_true", help="keep serving after the file ends")
    args = ap.parse_args()
    server = await asyncio.start_server(serve_client, "127.0.0.1", args.port)
    print(f"ws://127.0.0.1:{args.port} ready: open the trial page, tab 接入实时弹幕, and connect", file=sys.stderr, flush=True)
    from_file = args.file != "-"
    source = open(args.file, encoding="utf-8") if from_file else sys.stdin
    async with server:
        await pump(source, args.rate if from_file else 0, wait=from_file)
        if args.linger or not from_file:
            await server.serve_forever()
        await asyncio.sleep(0.5)  # let the last frames reach the page


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
