"""Bastion: a hardened gateway for self-hosted and hybrid LLM inference."""

__version__ = "0.1.0"
