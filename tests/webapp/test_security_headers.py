"""Every answer of the webapp carries the security headers, whatever is in front of it:
nosniff, a Content Security Policy under which a page loads nothing foreign but
Telegram's Web App script (the object map adds Yandex Maps, on that page only), and HSTS
when the webapp is served over HTTPS. Each request is one access-log line at INFO."""

import pytest
import structlog

from services.platform.config import Settings
from tests.webapp.conftest import running_app
from webapp.security_headers import TELEGRAM_WEB_APP_SCRIPT

# A page, a static file, an API answer refused without initData, health, an unknown path.
ANSWERS = {
    "/app/": 200,
    "/app/board": 200,
    "/app/static/miniapp/miniapp.css": 200,
    "/api/miniapp/objects": 401,
    "/healthz": 200,
    "/wp-login.php": 404,
}
OWN_SOURCES = {"'self'", "'none'"}


def policy(header: str) -> dict[str, set[str]]:
    directives = (part.split() for part in header.split(";"))
    return {name: set(sources) for name, *sources in directives}


def foreign_sources(header: str) -> set[str]:
    return {
        source
        for name, sources in policy(header).items()
        if name != "frame-ancestors"
        for source in sources - OWN_SOURCES
    }


@pytest.fixture
def https_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"webapp_base_url": "https://staff.example.com"})


async def test_every_answer_carries_the_security_headers(https_settings: Settings) -> None:
    async with running_app(https_settings) as (_, client):
        for path, status in ANSWERS.items():
            response = await client.get(path)
            assert response.status_code == status, path
            assert response.headers["X-Content-Type-Options"] == "nosniff", path
            assert response.headers["Strict-Transport-Security"] == "max-age=31536000", path
            csp = response.headers["Content-Security-Policy"]
            assert foreign_sources(csp) == {TELEGRAM_WEB_APP_SCRIPT}, path
            assert policy(csp)["default-src"] == {"'self'"}, path
            assert policy(csp)["frame-ancestors"] == {"https://web.telegram.org"}, path


async def test_the_object_map_alone_may_load_yandex_maps(https_settings: Settings) -> None:
    async with running_app(https_settings) as (_, client):
        map_page = await client.get("/app/map")
        board = await client.get("/app/board")
    [map_policy] = map_page.headers.get_list("Content-Security-Policy")
    assert "https://api-maps.yandex.ru" in policy(map_policy)["script-src"]
    hosts = {source.split("/")[2] for source in foreign_sources(map_policy) if "//" in source}
    assert hosts == {
        "telegram.org",
        "api-maps.yandex.ru",
        "*.maps.yandex.net",
        "yandex.ru",
        "yastatic.net",
    }
    assert "yandex" not in board.headers["Content-Security-Policy"]


async def test_plain_http_gets_no_hsts(settings: Settings) -> None:
    async with running_app(settings) as (_, client):
        response = await client.get("/app/")
    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_each_request_is_one_access_log_line_at_info(settings: Settings) -> None:
    async with running_app(settings) as (_, client):
        with structlog.testing.capture_logs() as logs:
            for path in ANSWERS:
                await client.get(path)
    lines = [line for line in logs if line["event"] == "webapp.request"]
    assert [(line["route"], line["status"]) for line in lines] == [
        ("/app/", 200),
        ("/app/{page}", 200),
        ("unmatched", 200),
        ("/api/miniapp/objects", 401),
        ("/healthz", 200),
        ("unmatched", 404),
    ]
    assert all(line["log_level"] == "info" and line["method"] == "GET" for line in lines)
    assert all(line["duration_ms"] >= 0 for line in lines)
