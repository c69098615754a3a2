"""The stages of the request path, one module each."""
