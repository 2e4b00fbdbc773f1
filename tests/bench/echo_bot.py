"""The ceiling of `bench_clock_in`: a minimal aiogram bot that echoes text, served in
webhook mode exactly as the webapp serves the real bot (FastAPI under uvicorn, the
secret-token header checked, the update fed to a Dispatcher), with no storage, no
database and no middlewares.

    BOT_TOKEN=… TELEGRAM_API_BASE=http://… ECHO_PORT=… python -m tests.bench.echo_bot
"""

import hmac
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message, Update
from fastapi import FastAPI, HTTPException, Request

from webapp.routes.telegram_webhook import SECRET_HEADER

SECRET = "bench-echo-secret"


async def echo(message: Message) -> None:
    await message.answer(message.text or "")


def create_echo_app(token: str, api_base: str, port: int) -> FastAPI:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api_base)))
    dispatcher = Dispatcher()
    router = Router()
    router.message.register(echo)
    dispatcher.include_router(router)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await bot.set_webhook(f"http://127.0.0.1:{port}/webhooks/telegram", secret_token=SECRET)
        yield
        await bot.session.close()

    app = FastAPI(lifespan=lifespan)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/webhooks/telegram")
    async def webhook(request: Request) -> dict[str, bool]:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), SECRET.encode()):
            raise HTTPException(403)
        update = Update.model_validate(await request.json(), context={"bot": bot})
        await dispatcher.feed_update(bot, update)
        return {"ok": True}

    return app


if __name__ == "__main__":
    port = int(os.environ["ECHO_PORT"])
    app = create_echo_app(os.environ["BOT_TOKEN"], os.environ["TELEGRAM_API_BASE"], port)
    uvicorn.run(app, host="127.0.0.1", port=port, log_config=None)
