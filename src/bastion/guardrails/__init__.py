"""Guardrails: what sensitive data a request or an answer holds, found on-premises."""
