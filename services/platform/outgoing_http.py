"""Outgoing HTTP: the one TLS context every short-lived httpx client of the process uses.

Building a TLS context loads the whole CA bundle, about 100 ms of CPU on a busy server: a
client made with its own context for every Bot API file read cost the media proxy that
two or three times per request."""

import ssl
from functools import cache


@cache
def shared_tls_context() -> ssl.SSLContext:
    """httpx's default verification (certifi, or SSL_CERT_FILE / SSL_CERT_DIR), built once."""
    import httpx  # loaded by the first call: the bot's first update needs no httpx

    return httpx.create_ssl_context()
