"""The floor: the least any Python ASGI proxy pays here (uvicorn + aiohttp, no gateway logic).

Run under the same pinning as the gateways, it separates the cost of the runtime (event loop
wake-ups, HTTP parsing on both sides) from the cost of the gateway's own work.
"""

from __future__ import annotations

import sys
from typing import Any

import aiohttp
import uvicorn

UPSTREAM = "http://127.0.0.1:9200/v1/chat/completions"


class FloorProxy:
    def __init__(self) -> None:
        self.session: aiohttp.ClientSession | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            if self.session is not None:
                await self.session.close()
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if self.session is None:
            self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512))
        async with self.session.post(UPSTREAM, data=body) as response:
            payload = await response.read()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(payload)),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


if __name__ == "__main__":
    port = int(sys.argv[1])
    uvicorn.run(
        FloorProxy(), host="127.0.0.1", port=port, loop="uvloop", http="httptools",
        log_level="warning", access_log=False, proxy_headers=False,
    )  # fmt: skip
