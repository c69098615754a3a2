"""Authentication: virtual API keys to principals, and the bootstrap admin key."""

from bastion.auth.authenticator import ENV_ADMIN_PRINCIPAL, KeyAuthenticator
from bastion.auth.bootstrap import BOOTSTRAP_KEY_NAME, BOOTSTRAP_TENANT, ensure_bootstrap_admin
from bastion.auth.headers import presented_key
from bastion.auth.principal import Principal
from bastion.store.keymaterial import display_prefix, generate_key, hash_key, is_well_formed
from bastion.store.names import ADMIN_SCOPE

__all__ = [
    "ADMIN_SCOPE",
    "BOOTSTRAP_KEY_NAME",
    "BOOTSTRAP_TENANT",
    "ENV_ADMIN_PRINCIPAL",
    "KeyAuthenticator",
    "Principal",
    "display_prefix",
    "ensure_bootstrap_admin",
    "generate_key",
    "hash_key",
    "is_well_formed",
    "presented_key",
]
