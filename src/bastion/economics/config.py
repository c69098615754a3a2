"""The ``economics:`` section of ``bastion.yaml``, defined with the rest of the configuration in
``bastion.config.economics`` (configuration imports nothing above it); its names stay importable
from here.
"""

from bastion.config.economics import (
    HOURS_PER_MONTH,
    ChargebackConfig,
    EconomicsConfig,
    Fraction,
    NonNegativeMoney,
    Strict,
    TcoConfig,
)

__all__ = [
    "HOURS_PER_MONTH",
    "ChargebackConfig",
    "EconomicsConfig",
    "Fraction",
    "NonNegativeMoney",
    "Strict",
    "TcoConfig",
]
