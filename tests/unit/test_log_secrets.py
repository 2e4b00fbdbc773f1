"""No secret in a log line: whoever logs it (a library's request line, an error message,
a traceback), the configured secrets come out blanked, in both log formats."""

import logging
import sys
from urllib.parse import quote

import pytest

from services.platform.observability.logging import REDACTED, line_formatter
from tests.conftest import make_settings

BOT_TOKEN = "7012345678:AAHfakeTokenOfTheLogTest_x1"
GEOCODER_KEY = "c0ffee00-1234-5678-9abc-def012345678"


def rendered(log_format: str, message: str, *args: object, failure: Exception | None = None) -> str:
    settings = make_settings(
        bot_token=BOT_TOKEN, yandex={"geocoder_key": GEOCODER_KEY}, log_format=log_format
    )
    exc_info = None
    if failure is not None:
        try:
            raise failure
        except Exception:
            exc_info = sys.exc_info()
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, message, args, exc_info)
    return line_formatter(settings).format(record)


@pytest.mark.parametrize("log_format", ["json", "console"])
@pytest.mark.parametrize(
    ("message", "args", "failure"),
    [
        pytest.param(
            "HTTP Request: GET %s",
            (f"https://api.telegram.org/file/bot{BOT_TOKEN}/photos/file_1.jpg",),
            None,
            id="a request line",
        ),
        pytest.param(
            "retrying %s",
            (f"https://api.telegram.org/bot{quote(BOT_TOKEN, safe='')}/getFile",),
            None,
            id="a percent-encoded token",
        ),
        pytest.param(
            "geocoder failed",
            (),
            ValueError(f"Server error for url '/1.x/?apikey={GEOCODER_KEY}&geocode=x'"),
            id="a traceback",
        ),
    ],
)
def test_configured_secrets_never_reach_a_log_line(
    log_format: str, message: str, args: tuple[object, ...], failure: Exception | None
) -> None:
    line = rendered(log_format, message, *args, failure=failure)

    assert BOT_TOKEN not in line
    assert quote(BOT_TOKEN, safe="") not in line
    assert GEOCODER_KEY not in line
    assert REDACTED in line
