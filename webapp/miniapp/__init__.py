"""The Telegram Mini App (C11): pages under `/app/`, their JSON API under `/api/miniapp/`,
static files under `/app/static/`."""
