"""The ASGI application: client APIs, admin API, health and metrics."""
