"""Wire formats spoken by clients and upstreams: OpenAI and Anthropic."""
