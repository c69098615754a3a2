"""Which backend serves a requested model name."""
