"""``bastion bench``: an open-loop load generator for OpenAI-compatible and Anthropic endpoints.

Load shapes and their schedules (``shapes``), prompt sources (``prompts``, ``replay``), the
request and answer shapes of each API (``apis``), the sender (``sender``), vLLM's metric
definitions (``metrics``, ``slo``), sweeps and the knee (``sweep``), the result document
(``result``), the measured capacity it yields (``capacity``) and its renderings (``table``,
``html``). See docs/benchmarking.md.
"""
