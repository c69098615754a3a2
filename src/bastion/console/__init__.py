"""The operator's console at ``/console``: pages rendered on the server from the gateway's own
state (its live traffic, replica pools, key store, ledger rollup, economics and audit chain),
behind a session of an admin key or, read-only, a tenant key. See docs/console.md."""
