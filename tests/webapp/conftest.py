from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI

from services.platform.clock import ManualClock
from services.platform.config import Settings
from tests.support.webapp import MiniAppApi
from webapp.app import create_app


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The webapp with its lifespan (start-up and shutdown) and an HTTP client to it."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://webapp") as client:
            yield app, client


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    """The settings the `app` fixture runs with (a test module may override it)."""
    return settings


@pytest.fixture
async def app(app_settings: Settings, clock: ManualClock) -> AsyncIterator[FastAPI]:
    """The webapp on the test clock."""
    app = create_app(app_settings)
    async with app.router.lifespan_context(app):
        app.state.clock = clock
        yield app


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://webapp") as client:
        yield client


@pytest.fixture
def api(http: httpx.AsyncClient, clock: ManualClock) -> MiniAppApi:
    return MiniAppApi(http, clock)
