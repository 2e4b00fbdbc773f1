"""A thin adapter over the `openai` SDK's chat completions, for any OpenAI-compatible
server (`OPENAI_BASE_URL`, `OPENAI_API_KEY`, `OPENAI_MODEL`, `OPENAI_TIMEOUT_SECONDS`).

Every failure becomes `AIUnavailable` with a reason the user can read: `missing-key`,
`timeout`, `unreachable`, `failed` (an HTTP error, with its status) or `empty`. No
retries: the user is waiting in chat and may press the button again."""

from dataclasses import dataclass
from typing import Any

from services.platform.config import OpenAISettings
from services.platform.errors import DomainError


class AIUnavailable(DomainError):
    """Params: reason (missing-key, timeout, unreachable, failed, empty), status."""

    code = "ai-unavailable"


@dataclass(frozen=True)
class ChatMessage:
    role: str
    content: str


class ChatCompletionClient:
    def __init__(self, settings: OpenAISettings) -> None:
        self.settings = settings

    @property
    def is_configured(self) -> bool:
        return bool(self.settings.api_key.get_secret_value())

    async def complete(self, messages: list[ChatMessage], *, temperature: float = 0.3) -> str:
        """The assistant's answer to `messages`."""
        if not self.is_configured:
            raise AIUnavailable(reason="missing-key")
        # Loaded on the first question: the SDK costs every process a second of start-up
        # and tens of MiB, and most never ask one.
        import openai

        client = openai.AsyncOpenAI(
            api_key=self.settings.api_key.get_secret_value(),
            base_url=self.settings.base_url,
            timeout=self.settings.timeout_seconds,
            max_retries=0,
        )
        payload: list[Any] = [{"role": m.role, "content": m.content} for m in messages]
        try:
            async with client:
                response = await client.chat.completions.create(
                    model=self.settings.model, messages=payload, temperature=temperature
                )
        except openai.APITimeoutError as error:
            raise AIUnavailable(reason="timeout") from error
        except openai.APIStatusError as error:
            raise AIUnavailable(reason="failed", status=error.status_code) from error
        except openai.APIConnectionError as error:
            raise AIUnavailable(reason="unreachable") from error
        content = response.choices[0].message.content if response.choices else None
        if not content or not content.strip():
            raise AIUnavailable(reason="empty")
        return content
