"""``bastion eval``: replays prompts against candidate and current targets through the gateway,
checks and judges the answers, and says whether moving traffic pays (docs/evaluation.md)."""
