"""FastAPI webapp: Mini App pages and API, media proxy, webhooks, health and metrics."""
