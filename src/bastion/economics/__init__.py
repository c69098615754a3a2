"""Self-hosting versus API economics, from measured traffic.

Nothing is imported here, so that importing one module of the package loads neither the
database code nor the price table. The ``economics:`` section of ``bastion.yaml`` is
``bastion.config.economics``.
"""
