"""Mini App initData for tests, signed as Telegram signs it: the data-check-string is
every field but `hash`, sorted by key, as `key=value` lines; the secret key is
HMAC-SHA256 of the bot token keyed by "WebAppData"; `hash` is the hex HMAC-SHA256 of the
data-check-string under that secret."""

import hashlib
import hmac
import json
from datetime import datetime
from urllib.parse import urlencode


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
