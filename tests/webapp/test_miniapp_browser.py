"""The Mini App pages in headless Chromium (Debian's `chromium`, driven by Playwright;
never a downloaded browser). The webapp runs under uvicorn on a loopback port; each page
gets a test `window.Telegram.WebApp` with valid initData; Telegram's and Yandex's
scripts are unreachable, as offline. Any uncaught error or unhandled promise rejection of
a page, or an error it logs to the console, fails the test (failed network requests are
the browser's own log lines and are allowed). Screenshots at phone size go to
tests/artifacts/; each page's transfer size and render times are printed and written to
tests/artifacts/miniapp_metrics.json (reported, not asserted)."""

import asyncio
import json
import socket
import struct
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.async_api import Browser, ConsoleMessage, Locator, Page, Route, async_playwright
from sqlalchemy import select

from services.exchange.offers import offer_shift
from services.payroll.adjustments import add_manual_adjustment
from services.planning.bookings import assign_employee
from services.planning.work_rules import week_of
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import OutboxMessage, PlannedShift, PlannedShiftStatus, User
from services.platform.db.session import SessionFactory
from services.scheduling.drafts import fill_week
from tests.conftest import TEST_BOT_TOKEN, make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.media import seed_done_proof, seed_media_cast
from tests.support.miniapp import TUESDAY, MiniAppCast, seed_miniapp_cast
from tests.support.reports import AFTER_THE_WEEK, build_report_week
from tests.support.webapp import build_init_data
from webapp.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
METRICS_FILE = ARTIFACTS / "miniapp_metrics.json"
OFFLINE_HOSTS = ("https://telegram.org/**", "https://api-maps.yandex.ru/**")
SLOT_FULL = "Мест на эту смену больше нет (1/1)."

TELEGRAM_STUB = """
(() => {
  const seed = %s;
  window.__haptics = [];
  window.Telegram = { WebApp: {
    initData: seed.initData,
    initDataUnsafe: { user: seed.user, start_param: seed.startParam || undefined },
    version: "7.0", platform: "tdesktop", colorScheme: seed.theme ? "dark" : "light",
    themeParams: seed.theme || {},
    ready() {}, expand() {},
    BackButton: {
      isVisible: false, show() { this.isVisible = true; }, hide() {},
      onClick(callback) { this.pressed = callback; },
    },
    HapticFeedback: {
      impactOccurred(style) { window.__haptics.push("impact:" + style); },
      notificationOccurred(type) { window.__haptics.push(type); },
      selectionChanged() {},
    },
  } };
  // As Telegram's own script does (it runs in the head): the theme as CSS variables on
  // the root element, which does not exist yet when this stub runs.
  document.addEventListener("readystatechange", () => {
    Object.entries(seed.theme || {}).forEach(([name, value]) => document.documentElement.style
      .setProperty("--tg-theme-" + name.replace(/_/g, "-"), value));
  }, { once: true });
})();
"""

PAGE_METRICS = """
() => {
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  const own = entries.filter((e) => e.entryType === "navigation"
    || e.initiatorType === "script" || e.initiatorType === "link");
  const api = entries.filter((e) => e.initiatorType === "fetch");
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    html_received_ms: Math.round(navigation.responseEnd),
    dom_content_loaded_ms: Math.round(navigation.domContentLoadedEventEnd),
    assets_bytes: own.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0),
    assets: own.map((e) => e.name.replace(location.origin, "")),
    api_bytes: api.reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0),
    first_contentful_paint_ms: paint ? Math.round(paint.startTime) : null,
  };
}
"""


@dataclass
class LiveApp:
    base_url: str
    settings: Settings
    # Uncaught errors and console errors of every page opened on this app.
    page_errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.page_errors.append(f"pageerror: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        # "Failed to load resource" is the browser's own line for a refused request.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.page_errors.append(f"console: {message.text}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the Mini App browser tests need Debian's chromium "
            "(apt-get install -y chromium); they never download a browser."
        )
    return CHROMIUM


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MiniAppCast:
    return await seed_miniapp_cast(session_factory, clock)


@pytest.fixture
async def live_app(
    database_url: str, namespace: str, telegram: FakeTelegramServer, clock: ManualClock
) -> AsyncIterator[LiveApp]:
    settings = make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
        yandex={"maps_js_key": "test-maps-key"},
    )
    app = create_app(settings)
    app.state.clock = clock
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    live = LiveApp(f"http://127.0.0.1:{port}", settings)
    yield live
    server.should_exit = True
    await task
    assert live.page_errors == [], "the pages raised or logged errors"


@pytest.fixture(scope="session")
async def chromium_browser(chromium: Path) -> AsyncIterator[Browser]:
    """One Chromium for the session: starting it took most of a second per test."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS
        )
        yield browser
        await browser.close()


@pytest.fixture
async def browser(chromium_browser: Browser) -> AsyncIterator[Browser]:
    """The session's Chromium; the contexts a test opened (with their pages, cookies and
    storage) are closed after it."""
    yield chromium_browser
    for context in chromium_browser.contexts:
        await context.close()


async def _offline(route: Route) -> None:
    await route.abort("internetdisconnected")


async def open_page(
    browser: Browser,
    live_app: LiveApp,
    path: str,
    *,
    user: User | None,
    clock: ManualClock,
    start_param: str = "",
    theme: dict[str, str] | None = None,
    init_data_age: timedelta = timedelta(minutes=1),
    viewport: dict[str, int] = PHONE,
) -> Page:
    context = await browser.new_context(
        viewport=viewport, is_mobile=True, has_touch=True, locale="ru-RU"
    )
    for pattern in OFFLINE_HOSTS:
        await context.route(pattern, _offline)
    if user is not None:
        init_data = build_init_data(
            TEST_BOT_TOKEN,
            telegram_id=user.telegram_id,
            auth_date=clock.now() - init_data_age,
            first_name=user.first_name,
        )
        seed = {
            "initData": init_data,
            "user": {"id": user.telegram_id, "first_name": user.first_name},
            "startParam": start_param,
            "theme": theme,
        }
        await context.add_init_script(TELEGRAM_STUB % json.dumps(seed))
    page = await context.new_page()
    live_app.watch(page)
    await page.goto(f"{live_app.base_url}{path}")
    return page


async def measure(page: Page, name: str, ready_selector: str) -> dict[str, Any]:
    """Waits for the page's data, then records its size and times and a screenshot."""
    await page.wait_for_selector(ready_selector)
    rendered_ms = await page.evaluate("() => Math.round(performance.now())")
    metrics = await page.evaluate(PAGE_METRICS)
    metrics["data_rendered_ms"] = rendered_ms
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"miniapp-{name}.png"))
    recorded = json.loads(METRICS_FILE.read_text()) if METRICS_FILE.exists() else {}
    recorded[name] = metrics
    METRICS_FILE.write_text(json.dumps(recorded, indent=2, ensure_ascii=False))
    print(
        f"\n[miniapp] {name}: HTML+JS+CSS {metrics['assets_bytes'] / 1024:.1f} KB "
        f"({len(metrics['assets'])} files), API JSON {metrics['api_bytes'] / 1024:.1f} KB, "
        f"HTML received {metrics['html_received_ms']} ms, "
        f"DOMContentLoaded {metrics['dom_content_loaded_ms']} ms, "
        f"first contentful paint {metrics['first_contentful_paint_ms']} ms, "
        f"data rendered {rendered_ms} ms"
    )
    return metrics


def candidate_button(page: Page, membership_id: int) -> Locator:
    return page.locator(f'#sheet-candidates button[data-membership-id="{membership_id}"]')


def plain(text: str) -> str:
    """Money as Babel writes it, with ordinary spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


async def planned_on(session_factory: SessionFactory, slot_id: int) -> list[int]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(PlannedShift.membership_id).where(
                    PlannedShift.slot_id == slot_id,
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                )
            )
        )


async def manager_fills_wednesday(
    session_factory: SessionFactory, clock: ManualClock, cast: MiniAppCast, membership_id: int
) -> None:
    """Petr, another planner, takes Wednesday's only place behind the board's back."""
    async with session_factory() as session:
        await assign_employee(
            session,
            clock,
            user_id=cast.manager.id,
            slot_id=cast.wednesday_slot_id,
            membership_id=membership_id,
        )
        await session.commit()


async def test_the_board_renders_the_seeded_week_and_an_assignment_by_click_persists(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/board", user=cast.owner, clock=clock)
    metrics = await measure(page, "board", "table.board")

    assert metrics["assets_bytes"] < 300 * 1024
    tuesday = page.locator(f'button.slot[data-slot-id="{cast.tuesday_slot_id}"]')
    assert plain(await tuesday.inner_text()) == "1/2\n09:00–18:00\nIvan\n3 600,00 ₽"
    assert await page.locator("#week-title").inner_text() == "2 мар. – 8 мар. 2026"
    wednesday = page.locator(f'button.slot[data-slot-id="{cast.wednesday_slot_id}"]')
    await wednesday.click()
    await page.locator(
        f'#sheet-candidates button[data-membership-id="{cast.maria_membership_id}"]'
    ).click()

    await page.wait_for_selector("#toast:has-text('Назначено: Maria')")
    await page.wait_for_function(
        f"""() => document.querySelector('button.slot[data-slot-id="{cast.wednesday_slot_id}"]')
              .innerText.startsWith('1/1')"""
    )
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    assert "success" in await page.evaluate("() => window.__haptics")
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-assigned.png"))
    await page.reload()
    await measure(page, "board-warm", "table.board")  # the first visit above was cold


async def test_a_refused_assignment_shows_the_error_in_the_sheet(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/board", user=cast.owner, clock=clock)
    await page.wait_for_selector("table.board")
    # Another planner takes Wednesday's only place after the board was drawn.
    await manager_fills_wednesday(session_factory, clock, cast, cast.ivan_membership_id)

    await page.locator(f'button.slot[data-slot-id="{cast.wednesday_slot_id}"]').click()
    await page.locator(
        f'#sheet-candidates button[data-membership-id="{cast.maria_membership_id}"]'
    ).click()

    error = page.locator("#sheet-error")
    await error.wait_for(state="visible")
    assert await error.inner_text() == SLOT_FULL
    # The sheet was redrawn from fresh data: the place is Ivan's now.
    assert await page.locator("#sheet-occupancy").inner_text() == "1/1"
    assert await page.locator("#sheet-people").inner_text() == "Ivan\nПеренести\nСнять"
    assert not await page.locator("#sheet-candidates-title").is_visible()
    assert "error" in await page.evaluate("() => window.__haptics")
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-refused.png"))
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.ivan_membership_id]


def slot_button(page: Page, slot_id: int) -> Locator:
    return page.locator(f'button.slot[data-slot-id="{slot_id}"]')


async def start_moving_ivan(page: Page, cast: MiniAppCast) -> None:
    """Opens Tuesday's slot and chooses "move" for Ivan: the board waits for a target."""
    await page.wait_for_selector("table.board")
    await slot_button(page, cast.tuesday_slot_id).click()
    await page.locator(
        f'#sheet-people button[data-move-planned-shift-id="{cast.ivan_tuesday_shift_id}"]'
    ).click()
    await page.locator("#move-bar").wait_for(state="visible")
    assert not await page.locator("#sheet").is_visible()


async def test_moving_an_employee_by_clicks_persists_and_tells_them(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/board", user=cast.manager, clock=clock)
    await start_moving_ivan(page, cast)

    assert await page.locator("#move-title").inner_text() == "Переносим: Ivan"
    assert await page.locator("#move-from").inner_text() == "Кофейня · вт 3 мар. · 09:00–18:00"
    assert "target" in (
        await slot_button(page, cast.wednesday_slot_id).get_attribute("class") or ""
    )
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-moving.png"))
    # Its own slot is no target: the reason shows in the bar, nothing changes.
    await slot_button(page, cast.tuesday_slot_id).click()
    assert await page.locator("#move-error").inner_text() == (
        "Сотрудник уже на этой смене — выберите другую."
    )
    await slot_button(page, cast.wednesday_slot_id).click()

    await page.wait_for_selector("#toast:has-text('Перенесено: Ivan')")
    await page.wait_for_function(
        f"""() => document.querySelector('button.slot[data-slot-id="{cast.wednesday_slot_id}"]')
              .innerText.startsWith('1/1')"""
    )
    assert not await page.locator("#move-bar").is_visible()
    assert (await slot_button(page, cast.tuesday_slot_id).inner_text()).startswith("0/2")
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.ivan_membership_id]
    assert await planned_on(session_factory, cast.tuesday_slot_id) == []
    assert await page.evaluate("() => window.__haptics.slice(-1)") == ["success"]
    async with session_factory() as session:
        told = await session.scalar(
            select(OutboxMessage.recipient_user_id).where(OutboxMessage.kind == "shift-moved")
        )
    assert told == cast.ivan.id
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-moved.png"))


async def test_a_refused_move_shows_the_error_and_keeps_the_employee_in_place(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/board", user=cast.owner, clock=clock)
    await start_moving_ivan(page, cast)
    # Another planner gives Wednesday's only place to Maria while Olga picks it.
    await manager_fills_wednesday(session_factory, clock, cast, cast.maria_membership_id)

    await slot_button(page, cast.wednesday_slot_id).click()

    error = page.locator("#move-error")
    await error.wait_for(state="visible")
    assert await error.inner_text() == SLOT_FULL
    # Still moving, on a board redrawn from fresh data.
    assert await page.locator("#move-bar").is_visible()
    await page.wait_for_function(
        f"""() => document.querySelector('button.slot[data-slot-id="{cast.wednesday_slot_id}"]')
              .innerText.includes('Maria')"""
    )
    assert await page.evaluate("() => window.__haptics.slice(-1)") == ["error"]
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-move-refused.png"))
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.ivan_membership_id]
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]

    await page.locator("#move-cancel").click()
    assert not await page.locator("#move-bar").is_visible()
    assert await page.locator("table.board.picking").count() == 0


async def test_the_board_opens_on_today_and_its_plus_plans_a_shift_that_day(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    clock.advance(timedelta(days=5))  # Saturday 7 March, 12:00 in Moscow
    page = await open_page(browser, live_app, "/app/board", user=cast.owner, clock=clock)
    await page.wait_for_selector("table.board")

    assert await page.locator("#week-title").inner_text() == "2 мар. – 8 мар. 2026"
    today = page.locator("thead th.today")
    assert await today.get_attribute("data-date") == "2026-03-07"
    box = await today.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert await page.locator("#board").evaluate("(node) => node.scrollLeft") > 0
    cafe_row = page.locator(f'tr[data-object-id="{cast.cafe_id}"]')
    assert await cafe_row.locator('td.today[data-date="2026-03-07"]').count() == 1
    # Days gone by get no "＋"; today and later do.
    assert await cafe_row.locator('button.add-shift[data-add-date="2026-03-06"]').count() == 0
    assert await cafe_row.locator('button.add-shift[data-add-date="2026-03-07"]').count() == 1
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-today.png"))

    await cafe_row.locator('button.add-shift[data-add-date="2026-03-08"]').click()
    assert await page.locator("#add-hours").input_value() == "09:00-18:00"
    await page.locator("#add-hours").fill("10:00-16:00")
    await page.locator(
        f'#add-candidates button[data-add-membership-id="{cast.maria_membership_id}"]'
    ).click()

    await page.wait_for_selector("#toast:has-text('Назначено: Maria')")
    sunday = cafe_row.locator('td[data-date="2026-03-08"] button.slot')
    await sunday.wait_for()
    assert plain(await sunday.inner_text()).startswith("1/1\n10:00–16:00\nMaria")
    async with session_factory() as session:
        planned = await session.scalar(
            select(PlannedShift).where(PlannedShift.membership_id == cast.maria_membership_id)
        )
    assert planned is not None
    assert planned.starts_at.isoformat() == "2026-03-08T07:00:00+00:00"


async def test_the_today_page_shows_who_is_not_in_yet_with_a_link_to_write_to_them(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    clock.advance(timedelta(days=1, hours=1))  # Tuesday 3 March, 13:00 in Moscow
    page = await open_page(browser, live_app, "/app/today", user=cast.owner, clock=clock)
    row = page.locator(f'section[data-object-id="{cast.cafe_id}"] li[data-state="not_in_yet"]')
    await row.wait_for()

    assert "Ivan · 09:00–18:00 · ещё не пришёл(ла)" in plain(await row.inner_text())
    link = row.locator("a")
    assert await link.get_attribute("href") == f"tg://user?id={cast.ivan.telegram_id}"
    await page.screenshot(path=str(ARTIFACTS / "miniapp-today.png"))


async def test_a_lost_connection_is_explained_and_retried(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    page = await open_page(browser, live_app, "/app/schedule", user=cast.ivan, clock=clock)
    await page.wait_for_selector("#shifts li")
    await page.context.route("**/api/miniapp/**", _offline)

    await page.locator("#next-month").click()

    fatal = page.locator("#fatal")
    await fatal.wait_for(state="visible")
    assert await fatal.locator("span").inner_text() == (
        "Нет связи с сервером. Проверьте интернет и попробуйте ещё раз."
    )
    assert await page.locator("#retry").inner_text() == "Повторить"
    assert await page.evaluate("() => window.__haptics.slice(-1)") == ["error"]
    await page.screenshot(path=str(ARTIFACTS / "miniapp-offline.png"))
    await page.context.unroute("**/api/miniapp/**", _offline)
    await page.locator("#retry").click()

    await page.wait_for_selector("#month-title:has-text('Апрель 2026')")
    assert not await fatal.is_visible()
    assert await page.locator("#schedule-empty").is_visible()


@pytest.mark.parametrize("path", ["/app/schedule", "/app/proofs?task=1"])
async def test_a_page_opened_hours_ago_asks_to_be_opened_again_from_the_bot(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock, path: str
) -> None:
    page = await open_page(
        browser, live_app, path, user=cast.ivan, clock=clock, init_data_age=timedelta(hours=2)
    )

    fatal = page.locator("#fatal")
    await fatal.wait_for(state="visible")
    assert await fatal.inner_text() == (
        "Сессия устарела. Закройте приложение и откройте его снова из бота."
    )
    assert await page.locator("#retry").count() == 0, "trying again cannot help"


async def test_the_employee_schedule_shows_the_seeded_month(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    page = await open_page(browser, live_app, "/app/schedule", user=cast.ivan, clock=clock)
    await measure(page, "schedule", "#shifts li")

    assert await page.locator("#month-title").inner_text() == "Март 2026"
    tuesday = page.locator('.calendar .day.has-shift[data-date="2026-03-03"]')
    assert await tuesday.inner_text() == "3\n09:00–18:00"
    assert await page.locator(".calendar .day.has-shift").count() == 1
    assert "Кофейня" in await page.locator("#shifts").inner_text()

    await page.locator("#next-month").click()
    await page.wait_for_selector("#month-title:has-text('Апрель 2026')")
    assert await page.locator("#schedule-empty").is_visible()


def tiny_png(rgb: tuple[int, int, int], width: int = 4, height: int = 3) -> bytes:
    """A real PNG of one colour, so that the browser has something to decode."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


IMAGES_DECODED = """
(count) => {
  const images = [...document.querySelectorAll('#files img')];
  return images.length === count && images.every((img) => img.complete && img.naturalWidth === 4);
}
"""


async def test_the_media_viewer_shows_the_seeded_proof_images(
    browser: Browser,
    live_app: LiveApp,
    clock: ManualClock,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
) -> None:
    media = await seed_media_cast(session_factory, clock)
    files = [
        (telegram.add_file(tiny_png(colour)), "image/png")
        for colour in ((200, 30, 30), (30, 30, 200))
    ]
    task_id = await seed_done_proof(session_factory, media, clock, files)

    page = await open_page(
        browser, live_app, f"/app/proofs?task={task_id}", user=media.viewing_manager, clock=clock
    )
    await measure(page, "proofs", "#files img")
    await page.wait_for_function(IMAGES_DECODED, arg=2)
    assert await page.locator("#proof-task").inner_text() == "Витрина"
    assert "Ivan" in await page.locator("#proof-meta").inner_text()
    assert await page.locator("#proof-comment").inner_text() == "Всё протёрто"

    # Opened by a `task_<id>` start parameter, as from a t.me link with startapp.
    by_start_param = await open_page(
        browser,
        live_app,
        "/app/proofs",
        user=media.owner,
        clock=clock,
        start_param=f"task_{task_id}",
    )
    await by_start_param.wait_for_function(IMAGES_DECODED, arg=2)

    stranger = await open_page(
        browser, live_app, f"/app/proofs?task={task_id}", user=media.stranger_owner, clock=clock
    )
    await stranger.wait_for_selector("#fatal", state="visible")
    assert await stranger.locator("#files img").count() == 0


async def test_the_map_falls_back_to_the_list_offline(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    page = await open_page(browser, live_app, "/app/map", user=cast.owner, clock=clock)
    await measure(page, "map", "#objects li")

    await page.wait_for_selector("#map-fallback", state="visible")
    assert await page.evaluate("() => document.body.dataset.mapMode") == "list"
    cafe = await page.locator("#objects li", has_text="Кофейня").inner_text()
    assert "55.781000, 37.633000" in cafe
    assert "радиус 200 м" in cafe
    assert (
        "Координаты не заданы" in await page.locator("#objects li", has_text="Склад").inner_text()
    )
    await page.screenshot(path=str(ARTIFACTS / "miniapp-map.png"))


async def test_the_payslip_shows_the_seeded_bonus(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        await add_manual_adjustment(
            session,
            clock,
            user_id=cast.owner.id,
            organization_id=cast.organization_id,
            employee_user_id=cast.ivan.id,
            amount=Decimal("500.00"),
            is_bonus=True,
            reason="Отличная неделя",
            request_key="browser-test-bonus",
        )
        await session.commit()

    page = await open_page(browser, live_app, "/app/payslip", user=cast.ivan, clock=clock)
    await measure(page, "payslip", "#lines li")

    line = await page.locator('#lines li[data-type="manual_bonus"]').inner_text()
    assert "Отличная неделя" in line
    assert "+500,00" in line
    assert "500,00" in await page.locator('#totals dd[data-total="bonuses"]').inner_text()


@pytest.mark.parametrize(
    ("who", "start_param", "page_path", "query", "ready"),
    [
        ("ivan", "schedule_2026-03", "schedule", "month=2026-03", "#shifts li"),
        ("owner", "board_2026-03-09", "board", "week=2026-03-09", "table.board"),
        ("ivan", "payslip", "payslip", "lang=ru", "#payslip:not([hidden])"),
        ("ivan", "open-shifts", "open-shifts", "lang=ru", "#open-shifts li"),
    ],
)
async def test_a_start_parameter_opens_its_page_from_home(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    who: str,
    start_param: str,
    page_path: str,
    query: str,
    ready: str,
) -> None:
    user = cast.owner if who == "owner" else cast.ivan
    page = await open_page(
        browser, live_app, "/app/", user=user, clock=clock, start_param=start_param
    )

    await page.wait_for_url(f"**/app/{page_path}?*")
    await page.wait_for_selector(ready)
    assert query in page.url


async def test_pages_follow_the_telegram_theme_and_back_button(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    dark = {"bg_color": "#17212b", "text_color": "#f5f5f5", "secondary_bg_color": "#232e3c"}
    page = await open_page(
        browser, live_app, "/app/board", user=cast.owner, clock=clock, theme=dark
    )
    await page.wait_for_selector("table.board")

    colours = await page.evaluate(
        """() => [getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.body).color]"""
    )
    assert colours == ["rgb(23, 33, 43)", "rgb(245, 245, 245)"]
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-dark.png"))
    assert await page.evaluate("() => window.Telegram.WebApp.BackButton.isVisible")

    await page.evaluate("() => window.Telegram.WebApp.BackButton.pressed()")

    await page.wait_for_url("**/app/?lang=ru")
    await page.wait_for_selector("#pages a")


async def test_the_home_page_lists_the_pages_of_the_role(
    browser: Browser, live_app: LiveApp, cast: MiniAppCast, clock: ManualClock
) -> None:
    page = await open_page(browser, live_app, "/app/", user=cast.owner, clock=clock)
    await measure(page, "home", "#pages a")

    assert await page.locator("#pages a").all_inner_texts() == [
        "📋 Сегодня",
        "🗓 Доска планирования",
        "📊 Отчёт",
        "🗺 Карта объектов",
        "📅 Мой график",
        "💰 Расчётный листок",
    ]
    assert await page.locator("#who").inner_text() == "Кофейни Ольги · владелец"


async def test_a_page_opened_outside_telegram_says_to_open_it_from_the_bot(
    browser: Browser, live_app: LiveApp, clock: ManualClock
) -> None:
    page = await open_page(browser, live_app, "/app/board", user=None, clock=clock)

    notice = page.locator("#outside")
    await notice.wait_for(state="visible")
    assert "Откройте её кнопкой в боте" in await notice.inner_text()
    assert not await page.locator("#loading").is_visible()
    await page.screenshot(path=str(ARTIFACTS / "miniapp-outside-telegram.png"))


async def test_the_reports_dashboard_draws_its_charts_and_table(
    browser: Browser, live_app: LiveApp, clock: ManualClock, session_factory: SessionFactory
) -> None:
    async with session_factory() as session:
        world = await build_report_week(session, owner_telegram_id=7100)
        await session.commit()
    clock.set(AFTER_THE_WEEK)

    page = await open_page(
        browser, live_app, "/app/reports?period=last_week", user=world.owner, clock=clock
    )
    await measure(page, "reports", "#chart-cost svg rect.bar")

    assert await page.locator("#chart-hours svg rect.bar").count() == 7
    assert await page.locator("#chart-cost svg rect.bar").count() == 7
    heights = [
        float(await bar.get_attribute("height") or 0)
        for bar in await page.locator("#chart-hours svg rect.bar").all()
    ]
    assert heights[0] == max(heights) > 0  # Monday: 19.8 h, the busiest day
    assert heights[2] == 0  # Wednesday: nobody worked
    assert plain(await page.locator('#figures dd[data-figure="cost"]').inner_text()) == (
        "17 365,00 ₽"
    )
    assert await page.locator("#employees tbody tr").count() == 4

    await page.locator('#chart-hours rect.bar[data-date="2026-03-02"]').click()
    assert await page.locator("#chart-hours-caption").inner_text() == "пн 2: 19,8"

    await page.locator("#scope").select_option(f"object:{world.mira.id}")
    await page.locator("#show").click()
    await page.wait_for_selector("#report-title:has-text('Мира')")
    assert await page.locator("#employees tbody tr").count() == 2
    await page.screenshot(path=str(ARTIFACTS / "miniapp-reports-object.png"))


SMALL_PHONE = {"width": 360, "height": 740}


async def test_the_reports_money_is_whole_on_a_360_px_phone(
    browser: Browser, live_app: LiveApp, clock: ManualClock, session_factory: SessionFactory
) -> None:
    """Every amount (the figures and the employees' cost, fines and bonuses) is shown
    whole within the screen's width: no page-wide scrolling, no cut-off money cell."""
    async with session_factory() as session:
        world = await build_report_week(session, owner_telegram_id=7100)
        await session.commit()
    clock.set(AFTER_THE_WEEK)
    page = await open_page(
        browser,
        live_app,
        "/app/reports?period=last_week",
        user=world.owner,
        clock=clock,
        viewport=SMALL_PHONE,
    )
    await page.wait_for_selector("#employees tbody tr")

    assert await page.evaluate("document.documentElement.scrollWidth") <= 360
    money = page.locator(
        '#figures dd, #employees td[data-column="cost"], #employees td[data-column="fines"],'
        ' #employees td[data-column="bonuses"]'
    )
    assert await money.count() > 10
    for cell in await money.all():
        box = await cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, (
            await cell.inner_text()
        )
        assert await cell.evaluate("node => node.scrollWidth <= node.clientWidth")
    await page.screenshot(path=str(ARTIFACTS / "miniapp-reports-360px.png"), full_page=True)


async def test_a_one_day_report_draws_an_ordinary_bar(
    browser: Browser, live_app: LiveApp, clock: ManualClock, session_factory: SessionFactory
) -> None:
    async with session_factory() as session:
        world = await build_report_week(session, owner_telegram_id=7100)
        await session.commit()
    clock.set(AFTER_THE_WEEK)
    page = await open_page(
        browser, live_app, "/app/reports?period=yesterday", user=world.owner, clock=clock
    )
    await page.wait_for_selector("#chart-hours svg rect.bar")

    [bar] = await page.locator("#chart-hours svg rect.bar").all()
    # The chart is 320 units wide: a day gets at most a seventh of it, 70 % of that drawn.
    assert float(await bar.get_attribute("width") or 0) <= 320 / 7


# ------------------------------------------------------------------ open shifts


def take_button(page: Page, kind: str, item_id: int) -> Locator:
    return page.locator(f'button[data-take="{kind}:{item_id}"]')


async def test_the_open_shifts_page_lists_a_place_and_taking_it_by_click_persists(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/open-shifts", user=cast.maria, clock=clock)
    metrics = await measure(page, "open-shifts", "#open-shifts li")

    assert metrics["assets_bytes"] < 300 * 1024
    assert await page.locator("#open-shifts li").all_inner_texts() == [
        "вт, 3 мар. · 09:00–18:00\nКофейня · 1/2\nВзять",
        "ср, 4 мар. · 10:00–16:00\nКофейня · 0/1\nВзять",
    ]
    await take_button(page, "slot", cast.wednesday_slot_id).click()

    await page.wait_for_selector("#toast:has-text('Вы записаны: ср, 4 мар. 10:00–16:00')")
    await take_button(page, "slot", cast.wednesday_slot_id).wait_for(state="detached")
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.maria_membership_id]
    assert await page.evaluate("() => window.__haptics") == ["impact:light", "success"]
    assert not await page.locator("#take-error").is_visible()
    await page.screenshot(path=str(ARTIFACTS / "miniapp-open-shifts-taken.png"))


async def test_a_refused_take_shows_the_reason_above_the_fresh_list(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/open-shifts", user=cast.maria, clock=clock)
    await page.wait_for_selector("#open-shifts li")
    # A planner gives Wednesday's only place to Ivan while Maria looks at the list.
    await manager_fills_wednesday(session_factory, clock, cast, cast.ivan_membership_id)

    await take_button(page, "slot", cast.wednesday_slot_id).click()

    error = page.locator("#take-error")
    await error.wait_for(state="visible")
    assert await error.inner_text() == SLOT_FULL
    await take_button(page, "slot", cast.wednesday_slot_id).wait_for(state="detached")
    assert await page.locator("#open-shifts li").count() == 1
    assert await page.evaluate("() => window.__haptics.slice(-1)") == ["error"]
    await page.screenshot(path=str(ARTIFACTS / "miniapp-open-shifts-refused.png"))
    assert await planned_on(session_factory, cast.wednesday_slot_id) == [cast.ivan_membership_id]


async def test_a_take_without_connection_is_explained_and_retried(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    page = await open_page(browser, live_app, "/app/open-shifts", user=cast.maria, clock=clock)
    await page.wait_for_selector("#open-shifts li")
    await page.context.route("**/api/miniapp/**", _offline)

    await take_button(page, "slot", cast.tuesday_slot_id).click()

    error = page.locator("#take-error")
    await error.wait_for(state="visible")
    assert await error.locator("span").inner_text() == (
        "Нет связи с сервером. Проверьте интернет и попробуйте ещё раз."
    )
    assert await planned_on(session_factory, cast.tuesday_slot_id) == [cast.ivan_membership_id]
    await page.context.unroute("**/api/miniapp/**", _offline)
    await page.locator("#take-retry").click()

    await page.wait_for_selector("#toast:has-text('Вы записаны: вт, 3 мар.')")
    assert not await error.is_visible()
    assert set(await planned_on(session_factory, cast.tuesday_slot_id)) == {
        cast.ivan_membership_id,
        cast.maria_membership_id,
    }


async def test_the_board_marks_a_pending_give_away_and_lists_it_in_the_slot_sheet(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        await offer_shift(
            session, clock, user_id=cast.ivan.id, planned_shift_id=cast.ivan_tuesday_shift_id
        )
        await session.commit()

    page = await open_page(browser, live_app, "/app/board", user=cast.manager, clock=clock)
    await measure(page, "board-pending", "button.slot.has-pending")

    tuesday = slot_button(page, cast.tuesday_slot_id)
    assert await tuesday.locator(".pending").inner_text() == "🤝"
    assert await slot_button(page, cast.wednesday_slot_id).locator(".pending").count() == 0
    await tuesday.click()

    await page.locator("#sheet-pending-section").wait_for(state="visible")
    assert await page.locator("#sheet-pending li").all_inner_texts() == ["🤝 Ivan отдаёт смену"]
    assert not await page.locator("#sheet-pending-hint").is_visible()  # nothing to approve yet
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-pending.png"))


async def test_the_board_marks_the_places_a_draft_fills(
    browser: Browser,
    live_app: LiveApp,
    cast: MiniAppCast,
    clock: ManualClock,
    session_factory: SessionFactory,
) -> None:
    async with session_factory() as session:
        await fill_week(
            session,
            clock,
            user_id=cast.manager.id,
            organization_id=cast.organization_id,
            week=week_of(TUESDAY),
            object_id=cast.cafe_id,
        )
        await session.commit()

    page = await open_page(browser, live_app, "/app/board", user=cast.manager, clock=clock)
    await measure(page, "board-drafted", "button.slot .drafted")

    tuesday = slot_button(page, cast.tuesday_slot_id)
    # Ivan is planned on Tuesday; the draft puts Maria on its second place.
    assert await tuesday.locator(".names").inner_text() == "Ivan"
    assert await tuesday.locator(".drafted").inner_text() == "✨ Maria"
    assert await slot_button(page, cast.wednesday_slot_id).locator(".drafted").count() == 1
    await page.screenshot(path=str(ARTIFACTS / "miniapp-board-drafted.png"))
