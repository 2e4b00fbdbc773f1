"""Mini App initData for tests, signed as Telegram signs it: the data-check-string is
every field but `hash`, sorted by key, as `key=value` lines; the secret key is
HMAC-SHA256 of the bot token keyed by "WebAppData"; `hash` is the hex HMAC-SHA256 of the
data-check-string under that secret. `MiniAppApi` calls the JSON API as a page of a user."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx

from services.platform.clock import Clock
from services.platform.db.models import User
from tests.conftest import TEST_BOT_TOKEN

API_PREFIX = "/api/miniapp"


def build_init_data(
    bot_token: str, *, telegram_id: int, auth_date: datetime, first_name: str = "Olga"
) -> str:
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(
            {"id": telegram_id, "first_name": first_name, "language_code": "ru"},
            separators=(",", ":"),
            ensure_ascii=False,
        ),
        "auth_date": str(int(auth_date.timestamp())),
    }
    data_check_string = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    secret_key = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret_key, data_check_string.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def tma_header(init_data: str) -> dict[str, str]:
    return {"Authorization": f"tma {init_data}"}


def signed_header(
    user: User,
    clock: Clock,
    *,
    age: timedelta = timedelta(minutes=1),
    bot_token: str = TEST_BOT_TOKEN,
) -> dict[str, str]:
    """The header a Mini App page sends for `user`, with initData signed `age` ago."""
    init_data = build_init_data(
        bot_token, telegram_id=user.telegram_id, auth_date=clock.now() - age
    )
    return tma_header(init_data)


@dataclass(frozen=True)
class MiniAppApi:
    """Calls `/api/miniapp/…` as a Mini App page of `user` does."""

    http: httpx.AsyncClient
    clock: Clock

    async def call(
        self, method: str, user: User, path: str, body: dict[str, Any] | None = None
    ) -> httpx.Response:
        return await self.http.request(
            method, f"{API_PREFIX}{path}", headers=signed_header(user, self.clock), json=body
        )

    async def get(self, user: User, path: str, **query: Any) -> httpx.Response:
        return await self.http.get(
            f"{API_PREFIX}{path}", params=query, headers=signed_header(user, self.clock)
        )

    async def post(self, user: User, path: str, **body: Any) -> httpx.Response:
        return await self.call("POST", user, path, body)


def besides_the_access_log(logs: list[dict[str, Any]]) -> list[str]:
    """The events of captured log entries (`structlog.testing.capture_logs`) other than
    the webapp's one `webapp.request` line per request."""
    return [entry["event"] for entry in logs if entry["event"] != "webapp.request"]
