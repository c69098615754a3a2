"""The audit journal: hash-chained, write-ahead records of every request, sealed by checkpoints."""
