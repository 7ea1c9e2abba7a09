#!/usr/bin/env python3
"""A FinChat bot in Python: answers /reverse=TEXT with TEXT backwards.

Needs Python 3.8+ and the websockets package (Debian: python3-websockets; elsewhere:
pip install websockets). Give it a bot account's token: finchat-server bot add reverser
"""
import argparse
import asyncio
import itertools
import json
import ssl
import sys
import time

import websockets

COMMANDS = [{"name": "reverse", "usage": "/reverse=TEXT", "description": "Says TEXT backwards"}]


def answer(command):
    """The bot's own work: the text to post, or ValueError with why there is none.

    It runs on the event loop: keep it quick, or make it async and start it with
    asyncio.create_task(), so that one slow answer does not hold up the others."""
    text = command["argument"].strip()
    if not text:
        raise ValueError("say what: /reverse=TEXT")
    return text[::-1]


class Refused(Exception):
    """The server will not take this bot as it is (a wrong token, a command taken)."""


async def serve(server, token_file, context):
    with open(token_file) as file:  # read at every connection: a new token just replaces it
        token = file.read().strip()
    async with websockets.connect(server, ssl=context) as socket:
        ids = itertools.count(1)

        async def send(kind, **fields):
            await socket.send(json.dumps({"type": kind, "id": next(ids), **fields}))

        await send("bot.login", token=token)  # id 1; bot.announce is id 2
        async for text in socket:
            frame = json.loads(text)
            kind = frame.get("type")
            if kind == "bot.login.ok":  # announce only once logged in
                await send("bot.announce", commands=COMMANDS)
            elif kind == "bot.announce.ok":
                print("serving", server, flush=True)
            elif kind == "bot.command":
                try:
                    await send("bot.reply", request=frame["request"], body=answer(frame))
                except ValueError as why:
                    await send("bot.fail", request=frame["request"], reason=str(why))
            elif kind == "error" and frame.get("id") in (1, 2):  # login or announce refused
                if frame["code"] in ("invalid_token", "command_taken"):
                    raise Refused(frame["message"])
                raise ConnectionError(frame["message"])  # the server's trouble: try again


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="wss://localhost:7420")
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--server-certificate", help="trust this PEM file (a self-signed server's)")
    args = parser.parse_args()
    context = None
    if args.server.startswith("wss:"):
        context = ssl.create_default_context(cafile=args.server_certificate)
    delay = 0.5
    while True:  # reconnect, waiting longer after each failure
        began = time.monotonic()
        try:
            await serve(args.server, args.token_file, context)
        except Refused as why:
            sys.exit(f"refused: {why}")
        except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as why:
            print("lost the server:", why, flush=True)
        if time.monotonic() - began > 60:  # it served a while: start the waits over
            delay = 0.5
        await asyncio.sleep(delay)
        delay = min(delay * 2, 30)


if __name__ == "__main__":
    asyncio.run(main())
