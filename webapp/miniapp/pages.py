"""The Mini App's pages (`/app/…`): server-rendered shells in the user's language with a
small script each; the data comes from `/api/miniapp` with the Telegram initData, which
only the page running inside Telegram has. Opened elsewhere, a page says so.

The language is `?lang=` (the bot's buttons carry the user's), else the browser's
`Accept-Language`, else Russian; the home page switches to the language the user chose in
the bot when it differs."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from services.platform.i18n import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    catalogue_keys,
    translator_for,
)
from webapp.security_headers import MAP_CONTENT_SECURITY_POLICY, TELEGRAM_WEB_APP_SCRIPT

WEBAPP_DIR = Path(__file__).resolve().parent.parent
templates = Jinja2Templates(directory=WEBAPP_DIR / "templates")
static_files = StaticFiles(directory=WEBAPP_DIR / "static")

router = APIRouter(prefix="/app", tags=["miniapp"])

PAGES = (
    *("home", "board", "reports", "schedule", "map", "payslip", "open-shifts", "proofs"),
    "availability",
)
# Texts the scripts place themselves; their variables stay as `{name}` for the script.
_SCRIPT_TEXT_PREFIX = "miniapp-"
_SCRIPT_VARIABLES = {name: f"{{{name}}}" for name in ("name", "amount", "radius", "hours")}


def page_language(lang: str | None, accept_language: str | None) -> str:
    if lang in SUPPORTED_LANGUAGES:
        return lang
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().split("-")[0].lower()
        if tag in SUPPORTED_LANGUAGES:
            return tag
    return DEFAULT_LANGUAGE


@lru_cache
def _script_texts(language: str) -> dict[str, str]:
    translator = translator_for(language)
    return {
        key: translator.get(key, **_SCRIPT_VARIABLES)
        for key in sorted(catalogue_keys(language))
        if key.startswith(_SCRIPT_TEXT_PREFIX)
    }


def _render(
    request: Request, page: str, lang: str | None, accept_language: str | None
) -> HTMLResponse:
    language = page_language(lang, accept_language)
    translator = translator_for(language)
    return templates.TemplateResponse(
        request,
        f"miniapp/{page}.html",
        {
            "page": page,
            "lang": language,
            "t": translator.get,
            "texts": _script_texts(language),
            "telegram_script_url": TELEGRAM_WEB_APP_SCRIPT,
        },
        headers={"Cache-Control": "no-cache", **_page_policy(page)},
    )


def _page_policy(page: str) -> dict[str, str]:
    """The map loads Yandex Maps; every other page keeps the webapp's own policy."""
    return {"Content-Security-Policy": MAP_CONTENT_SECURITY_POLICY} if page == "map" else {}


LangQuery = Annotated[str | None, Query()]
AcceptLanguage = Annotated[str | None, Header()]


@router.get("/", response_class=HTMLResponse)
async def home(
    request: Request, lang: LangQuery = None, accept_language: AcceptLanguage = None
) -> HTMLResponse:
    return _render(request, "home", lang, accept_language)


@router.get("/{page}", response_class=HTMLResponse)
async def page(
    request: Request, page: str, lang: LangQuery = None, accept_language: AcceptLanguage = None
) -> HTMLResponse:
    if page not in PAGES or page == "home":
        return HTMLResponse(status_code=404)
    return _render(request, page, lang, accept_language)
