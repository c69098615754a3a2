"""``bastion.yaml``: schema, loading, environment interpolation and precise errors."""

from bastion.config.errors import ConfigError, ConfigProblem
from bastion.config.loader import config_from_mapping, load_config, parse_config
from bastion.config.schema import (
    DEFAULT_DATABASE_URL,
    DEFAULT_PORT,
    WILDCARD,
    AdmissionConfig,
    BackendConfig,
    BastionConfig,
    ModelAlias,
    Timeouts,
)

__all__ = [
    "DEFAULT_DATABASE_URL",
    "DEFAULT_PORT",
    "WILDCARD",
    "AdmissionConfig",
    "BackendConfig",
    "BastionConfig",
    "ConfigError",
    "ConfigProblem",
    "ModelAlias",
    "Timeouts",
    "config_from_mapping",
    "load_config",
    "parse_config",
]
