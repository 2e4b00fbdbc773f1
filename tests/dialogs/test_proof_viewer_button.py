"""The proof review offers the Mini App media viewer as a Web App button that carries
the task, when the webapp is public over https."""

import pytest

from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from tests.dialogs.conftest import UserFactory
from tests.support.media import seed_done_proof, seed_media_cast
from tests.support.miniapp import web_app_url

VIEWER_BUTTON = "🖼 Открыть в приложении"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The webapp is public over https, as Telegram requires of Web App buttons."""
    return settings.model_copy(update={"webapp_base_url": "https://staff.example.com"})


async def test_the_proof_review_opens_the_media_viewer_of_the_task(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    task_id = await seed_done_proof(session_factory, cast, clock, [("file-1", "image/jpeg")])
    maria = make_user(cast.viewing_manager.telegram_id, first_name="Maria")

    await maria.send(f"/start task_{task_id}")

    assert web_app_url(maria, VIEWER_BUTTON) == (
        f"https://staff.example.com/app/proofs?lang=ru&task={task_id}"
    )
