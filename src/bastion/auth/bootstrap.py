"""The first admin key, so a fresh installation can be administered at all."""

from __future__ import annotations

from bastion.store.errors import ConflictError, NotFoundError
from bastion.store.names import ADMIN_SCOPE
from bastion.store.records import TenantRecord
from bastion.store.store import Store

BOOTSTRAP_TENANT = "admin"
BOOTSTRAP_KEY_NAME = "bootstrap"


async def ensure_bootstrap_admin(store: Store) -> str | None:
    """Create the ``admin`` tenant and an admin key if no usable admin key exists.

    Returns the key's plaintext, which exists nowhere else: the caller must show it now.
    Returns None when an active admin key already exists, including when another process
    starting at the same moment created it (the unique active key name decides the race).
    """
    if await store.keys.has_active_admin():
        return None
    tenant = await _admin_tenant(store)
    if tenant is None:
        return None
    for _attempt in range(2):
        try:
            plaintext, _record = await store.keys.create(
                tenant.id, BOOTSTRAP_KEY_NAME, scopes={ADMIN_SCOPE}
            )
        except NotFoundError:
            return None  # The tenant was deleted under us; the next start tries again.
        except ConflictError:
            if await store.keys.has_active_admin():
                return None  # Another process won the race.
            # The name is held by an expired or non-admin key: retire it and try once more.
            for key in await store.keys.list(tenant.id):
                if key.name == BOOTSTRAP_KEY_NAME:
                    await store.keys.revoke(key.id)
            continue
        return plaintext
    return None


async def _admin_tenant(store: Store) -> TenantRecord | None:
    tenant = await store.tenants.get_by_name(BOOTSTRAP_TENANT)
    if tenant is not None:
        return tenant
    try:
        return await store.tenants.create(BOOTSTRAP_TENANT)
    except ConflictError:
        return await store.tenants.get_by_name(BOOTSTRAP_TENANT)
