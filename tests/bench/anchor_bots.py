"""The anchors the benches measure the product against, each the bare frameworks doing the
same shape of work:

- `dialog` (bench_clock_in): a minimal aiogram-dialog bot served in webhook mode exactly as
  the webapp serves the real bot (FastAPI under uvicorn, the secret-token header checked,
  the update fed to a Dispatcher) with `RedisStorage` under the same settings (destiny
  keys, a namespace prefix). Two windows: /start shows a menu with "🟢 Открыть смену";
  pressing it shows a window with the shift's button (its label given) that also takes a
  location; the location answers "Смена открыта" and ends the dialog. No database,
  no middlewares of ours.
- `polling` (bench_startup): a bare aiogram bot polling with one echo handler.

    BOT_TOKEN=… TELEGRAM_API_BASE=http://… ANCHOR_PORT=… ANCHOR_SHIFT_LABEL=… REDIS_URL=…
        NAMESPACE=… [ANCHOR_DATABASE_URL=… ANCHOR_STATEMENTS=5,3,0,6] \
        python -m tests.bench.anchor_bots dialog
    BOT_TOKEN=… TELEGRAM_API_BASE=http://… python -m tests.bench.anchor_bots polling
"""

import asyncio
import hmac
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.filters import CommandStart
from aiogram.types import CallbackQuery, Message, Update

SECRET = "bench-anchor-secret"
# As webapp.routes.telegram_webhook, not imported: the anchors load nothing of ours.
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _bot() -> Bot:
    api = TelegramAPIServer.from_base(os.environ["TELEGRAM_API_BASE"])
    return Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api))


class Statements:
    """Trivial statements sent per update in one transaction (none without a database)."""

    def __init__(self, database_url: str | None, per_update: list[int]) -> None:
        self.database_url = database_url
        self.per_update = per_update
        self.pool: Any = None

    async def start(self) -> None:
        if self.database_url:
            import asyncpg

            url = self.database_url.replace("postgresql+asyncpg://", "postgresql://")
            self.pool = await asyncpg.create_pool(url, min_size=10, max_size=10)

    async def send(self, update_index: int) -> None:
        count = self.per_update[update_index] if self.pool else 0
        if count == 0:
            return
        async with self.pool.acquire() as connection, connection.transaction():
            for number in range(count):
                await connection.fetchval("SELECT $1::bigint", number)

    async def close(self) -> None:
        if self.pool:
            await self.pool.close()


def create_dialog_app(
    port: int, shift_label: str, redis_url: str, namespace: str, statements: Statements
) -> Any:
    # Imported here: the polling anchor loads no web server and no dialogs.
    from aiogram.fsm.state import State, StatesGroup
    from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage
    from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
    from aiogram_dialog.widgets.input import MessageInput
    from aiogram_dialog.widgets.kbd import Button, SwitchTo
    from aiogram_dialog.widgets.text import Const
    from fastapi import FastAPI, HTTPException, Request
    from redis.asyncio import Redis

    class ClockIn(StatesGroup):
        menu = State()
        shift = State()

    async def on_open(_callback: CallbackQuery, _button: Button, _manager: DialogManager) -> None:
        await statements.send(1)

    async def on_shift(callback: CallbackQuery, _button: Button, _manager: DialogManager) -> None:
        await statements.send(2)
        await callback.answer("Отправьте геопозицию")

    async def on_location(message: Message, _input: MessageInput, manager: DialogManager) -> None:
        await statements.send(3)
        await message.answer("Смена открыта")
        await manager.done()

    dialog = Dialog(
        Window(
            Const("Главное меню"),
            SwitchTo(Const("🟢 Открыть смену"), id="open", state=ClockIn.shift, on_click=on_open),
            state=ClockIn.menu,
        ),
        Window(
            Const("Выберите смену и отправьте геопозицию"),
            Button(Const(shift_label), id="shift", on_click=on_shift),
            MessageInput(on_location, content_types=["location"]),
            state=ClockIn.shift,
        ),
    )

    async def start(_message: Message, dialog_manager: DialogManager) -> None:
        await statements.send(0)
        await dialog_manager.start(ClockIn.menu, mode=StartMode.RESET_STACK)

    bot = _bot()
    redis = Redis.from_url(redis_url)
    key_builder = DefaultKeyBuilder(with_destiny=True, prefix=f"{namespace}:fsm")
    dispatcher = Dispatcher(storage=RedisStorage(redis, key_builder=key_builder))
    router = Router()
    router.message.register(start, CommandStart())
    dispatcher.include_router(router)
    dispatcher.include_router(dialog)
    setup_dialogs(dispatcher)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await statements.start()
        await bot.set_webhook(f"http://127.0.0.1:{port}/webhooks/telegram", secret_token=SECRET)
        yield
        await statements.close()
        await bot.session.close()
        await redis.aclose()

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


async def run_polling_anchor() -> None:
    bot = _bot()
    dispatcher = Dispatcher()

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    await dispatcher.start_polling(bot, handle_signals=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["polling"]:
        asyncio.run(run_polling_anchor())
    else:
        import uvicorn

        port = int(os.environ["ANCHOR_PORT"])
        app = create_dialog_app(
            port,
            os.environ["ANCHOR_SHIFT_LABEL"],
            os.environ["REDIS_URL"],
            os.environ["NAMESPACE"],
            Statements(
                os.environ.get("ANCHOR_DATABASE_URL"),
                [int(n) for n in os.environ.get("ANCHOR_STATEMENTS", "0,0,0,0").split(",")],
            ),
        )
        uvicorn.run(app, host="127.0.0.1", port=port, log_config=None)
