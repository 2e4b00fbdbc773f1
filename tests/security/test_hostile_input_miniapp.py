"""HTML-looking names in the Mini App: the board shows an object's and an employee's
names as text, runs no markup from them, and the API returns them as stored."""

import httpx
from playwright.async_api import Browser

from services.platform.clock import ManualClock
from services.platform.db.models import User, WorkObject
from services.platform.db.session import SessionFactory
from tests.support.miniapp import MiniAppCast
from tests.support.webapp import MiniAppApi
from tests.webapp.test_miniapp_browser import LiveApp, open_page

XSS_OBJECT = '<img src=x onerror="window.__xss=1"> Кафе & \'; DROP TABLE work_objects; --'
XSS_NAME = "<script>window.__xss=2</script><b>Ivan</b>"


def strings_in(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(strings_in(item) for item in value))
    return set()


async def test_the_board_shows_hostile_names_as_text_and_runs_nothing(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session, session.begin():
        cafe = await session.get(WorkObject, cast.cafe_id)
        ivan = await session.get(User, cast.ivan.id)
        assert cafe is not None and ivan is not None
        cafe.name, ivan.first_name = XSS_OBJECT, XSS_NAME

    async with httpx.AsyncClient(base_url=live_app.base_url) as http:
        board = (await MiniAppApi(http, clock).get(cast.owner, "/board")).json()
    assert {XSS_OBJECT, XSS_NAME} <= strings_in(board)

    page = await open_page(browser, live_app, "/app/board", user=cast.owner, clock=clock)
    await page.wait_for_selector("table.board")
    tuesday = page.locator(f'button.slot[data-slot-id="{cast.tuesday_slot_id}"]')
    assert XSS_NAME in await tuesday.inner_text()
    assert XSS_OBJECT in await page.locator("body").inner_text()
    assert await page.evaluate("() => window.__xss") is None
    assert await page.locator("table.board img, table.board script, table.board b").count() == 0
