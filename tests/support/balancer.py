"""A round-robin HTTP load balancer on loopback, standing in for Nginx in front of
several webapp replicas: each request goes to the next replica in turn, and the answer
comes back unchanged."""

import itertools
from collections import Counter
from types import TracebackType
from typing import Self

import aiohttp
from aiohttp import web

# Headers of one hop that must not be forwarded.
_HOP_HEADERS = frozenset({"host", "content-length", "connection", "transfer-encoding"})


class RoundRobinBalancer:
    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = upstreams
        self.served = Counter[str]()
        self.base_url = ""
        self._next = itertools.cycle(upstreams)
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Self:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base_url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        upstream = next(self._next)
        self.served[upstream] += 1
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        url = f"{upstream}{request.path_qs}"
        body = await request.read()
        async with self._http.request(request.method, url, headers=headers, data=body) as answer:
            return web.Response(
                status=answer.status, body=await answer.read(), content_type=answer.content_type
            )
