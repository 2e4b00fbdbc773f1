"""A fake OpenAI-compatible chat completions API for tests: aiohttp on 127.0.0.1, a random
port, `POST /v1/chat/completions` answering in the real response shape
(`choices[0].message.content`, `usage`, …). Every request body is recorded.

Modes: `normal` answers `answer` at once; `slow` sleeps `slow_seconds` first (past the
client's timeout); `error` answers HTTP 500 with an OpenAI-style error body. A request
without a bearer token gets 401, like the real service.
"""

import asyncio
import itertools
import json
from enum import StrEnum
from typing import Any

from aiohttp import web

COMPLETIONS_PATH = "/v1/chat/completions"


class Mode(StrEnum):
    NORMAL = "normal"
    SLOW = "slow"
    ERROR = "error"


DEFAULT_ANSWER = json.dumps(
    {
        "summary": "E1 отработал больше всех; на O1 есть опоздания.",
        "recommendations": [
            "Поговорите с E2 об опозданиях на O1.",
            "Поставьте E1 наставником для новичков.",
            "Проверьте неявку E2 и уточните причину.",
        ],
    },
    ensure_ascii=False,
)


class FakeOpenAIServer:
    def __init__(self, *, slow_seconds: float = 3.0) -> None:
        self.mode = Mode.NORMAL
        self.answer = DEFAULT_ANSWER
        self.slow_seconds = slow_seconds
        self.requests: list[dict[str, Any]] = []
        self.raw_bodies: list[str] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(COMPLETIONS_PATH, self._completions)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _completions(self, request: web.Request) -> web.Response:
        raw = await request.text()
        self.raw_bodies.append(raw)
        body = json.loads(raw)
        self.requests.append(body)
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return _error(401, "invalid_api_key", "Incorrect API key provided.")
        if self.mode == Mode.SLOW:
            await asyncio.sleep(self.slow_seconds)
        if self.mode == Mode.ERROR:
            return _error(500, "server_error", "The server had an error.")
        number = next(self._ids)
        return web.json_response(
            {
                "id": f"chatcmpl-fake{number}",
                "object": "chat.completion",
                "created": 1_772_000_000 + number,
                "model": body.get("model", ""),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": self.answer, "refusal": None},
                        "logprobs": None,
                        "finish_reason": "stop",
                    }
                ],
                "usage": {
                    "prompt_tokens": len(raw) // 4,
                    "completion_tokens": 120,
                    "total_tokens": len(raw) // 4 + 120,
                },
                "system_fingerprint": "fp_fake",
            }
        )


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response(
        {"error": {"message": message, "type": code, "param": None, "code": code}},
        status=status,
    )
