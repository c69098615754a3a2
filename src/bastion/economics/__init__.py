"""Self-hosting versus API economics, from measured traffic.

Nothing is imported here: ``bastion.config.schema`` imports ``bastion.economics.config``, and
the modules that read the database or the price table must not load with the configuration.
"""
