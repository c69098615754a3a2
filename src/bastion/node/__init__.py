"""State the worker processes of one node share through their supervisor.

With ``bastion serve --workers N`` and no Redis, what must be one per node (tenant limits and
budgets, the response cache, which workers are up, key revocations on SQLite) lives in the
supervisor (``NodeStateServer``) and the workers reach it over a Unix socket (``NodeClient``).
"""
