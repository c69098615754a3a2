"""Admission control: per-tenant and per-key rate limits and concurrency, decided before routing."""
