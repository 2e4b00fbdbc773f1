# One image for the bot, the webapp, the worker and the migrations.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# The locked versions, checked against their hashes (`make lock` writes the file).
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY webapp ./webapp
COPY services ./services
RUN pip install --no-deps .

COPY alembic.ini ./
COPY migrations ./migrations
COPY locales ./locales
# The catalogues parsed once here, not at every start (services/platform/parsed_catalogues.py).
RUN python -m services.platform.i18n
COPY doc ./doc

RUN useradd --system --uid 10001 staffprobot
USER staffprobot
EXPOSE 8080 9101 9102
CMD ["python", "-m", "webapp"]
