"""Security headers on every answer of the webapp, whatever proxy is in front of it:
`X-Content-Type-Options: nosniff`, a Content Security Policy that lets pages load
scripts, styles, images and requests from the webapp itself and only Telegram's Web App
script from elsewhere (the object map adds Yandex Maps, the one page that shows it), and
HSTS when the webapp is served over HTTPS. An answer that set a header keeps its own.
Nginx (deploy/nginx/) adds the same headers to the answers it makes itself."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TELEGRAM_WEB_APP_SCRIPT = "https://telegram.org/js/telegram-web-app.js"
HSTS = "max-age=31536000"


def _policy(**directives: str) -> str:
    return "; ".join(f"{name.replace('_', '-')} {sources}" for name, sources in directives.items())


_OWN = {
    "default_src": "'self'",
    "script_src": f"'self' {TELEGRAM_WEB_APP_SCRIPT}",
    "object_src": "'none'",
    "base_uri": "'none'",
    "form_action": "'self'",
    # Telegram Web opens Mini Apps in a frame; the apps for phones and desktops do not.
    "frame_ancestors": "https://web.telegram.org",
}
CONTENT_SECURITY_POLICY = _policy(**_OWN)
# The object map: what the Yandex Maps JS API 2.1 loads (scripts, tiles, styles it adds).
_YANDEX_MAPS = "https://api-maps.yandex.ru https://*.maps.yandex.net https://yandex.ru"
MAP_CONTENT_SECURITY_POLICY = _policy(
    **{
        **_OWN,
        "script_src": f"'self' {TELEGRAM_WEB_APP_SCRIPT} {_YANDEX_MAPS} https://yastatic.net "
        "'unsafe-eval'",
        "img_src": f"'self' data: {_YANDEX_MAPS}",
        "style_src": "'self' 'unsafe-inline' blob:",
        "connect_src": f"'self' {_YANDEX_MAPS}",
        "frame_src": "https://api-maps.yandex.ru",
        "worker_src": "blob:",
    }
)


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers to the start of every HTTP answer."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                if self.https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
