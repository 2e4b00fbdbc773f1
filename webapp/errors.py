"""How a domain error becomes an HTTP answer, in one exception handler: not found → 404,
permission denied → 403, any other refused rule → 409, with `{"detail": {"code",
"message"}}` in the language of the caller (recorded by the initData check)."""

from typing import Any

from fastapi import Request, status
from fastapi.responses import JSONResponse

from services.platform.errors import DomainError, NotFound, PermissionDenied
from services.platform.i18n import Translator, translator_for


def answer_in_language(request: Request, language: str) -> None:
    """Domain errors of this request are answered in `language`."""
    request.state.caller_language = language


def error_message(translator: Translator, error: DomainError) -> str:
    """`error-<code>-<reason>` when the catalogue has it, else `error-<code>`."""
    params = {k: v for k, v in error.params.items() if not isinstance(v, bool)}
    reason = error.params.get("reason")
    if reason:
        specific = f"error-{error.code}-{reason}"
        text = translator.get(specific, **params)
        if text != specific:
            return text
    return translator.get(f"error-{error.code}", **params)


def status_of(error: DomainError) -> int:
    if isinstance(error, NotFound):
        return status.HTTP_404_NOT_FOUND
    if isinstance(error, PermissionDenied):
        return status.HTTP_403_FORBIDDEN
    return status.HTTP_409_CONFLICT


def error_detail(error: DomainError, language: str | None) -> dict[str, Any]:
    return {"code": error.code, "message": error_message(translator_for(language), error)}


async def domain_error_answer(request: Request, error: Exception) -> JSONResponse:
    """The handler registered for `DomainError`. The session dependency has already seen
    the error pass and rolled the request's transaction back."""
    assert isinstance(error, DomainError)
    language = getattr(request.state, "caller_language", None)
    return JSONResponse({"detail": error_detail(error, language)}, status_code=status_of(error))
