"""Versioned endpoints: ``name@version`` contracts pinned to a model, its settings and a pool."""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.utils import format_datetime
from typing import Any

import orjson

from bastion.config.schema import EndpointConfig, EndpointVersionConfig
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation

# Fields that shape a version's outputs; the digest covers exactly these.
PINNED_FIELDS = ("backend", "model", "params", "system_prompt", "prompt_template", "fallbacks")
# Sampling defaults by their chat completions names, as the Responses API names them.
_RESPONSES_PARAMS = {
    "max_tokens": "max_output_tokens",
    "max_completion_tokens": "max_output_tokens",
}
# Sampling settings Anthropic clients share with OpenAI's names, and their Messages names.
_MESSAGES_PARAMS = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "max_tokens": "max_tokens",
    "stop": "stop_sequences",
}


class EndpointVersion:
    def __init__(self, endpoint: str, version: str, spec: EndpointVersionConfig) -> None:
        self.endpoint = endpoint
        self.version = version
        self.spec = spec
        self.name = f"{endpoint}@{version}"
        self.pinned = pinned_settings(spec)
        self.spec_json = orjson.dumps(self.pinned, option=orjson.OPT_SORT_KEYS).decode()
        self.digest = hashlib.sha256(self.spec_json.encode()).hexdigest()
        self.headers = _lifecycle_headers(spec, self.name)
        self.fallbacks = tuple((f.backend, f.model) for f in spec.fallbacks)
        self.successor: str | None = None
        if spec.successor is not None:
            self.successor = (
                spec.successor if "@" in spec.successor else (f"{endpoint}@{spec.successor}")
            )

    def sunset_error(self, now: datetime) -> GatewayError | None:
        sunset = self.spec.sunset
        if sunset is None or now < sunset:
            return None
        hint = f" Use '{self.successor}' instead." if self.successor else ""
        return GatewayError(
            410,
            f"Endpoint version '{self.name}' was retired on {sunset.date().isoformat()}.{hint}",
            code="endpoint_sunset",
            param="model",
        )

    def apply(self, body: dict[str, Any], operation: Operation) -> None:
        """Puts the version's prompt and sampling defaults into a client's request body."""
        spec = self.spec
        if operation is Operation.CHAT:
            if spec.system_prompt is not None:
                messages = body.get("messages")
                if isinstance(messages, list):
                    body["messages"] = [
                        {"role": "system", "content": spec.system_prompt},
                        *messages,
                    ]
            for key, value in spec.params.items():
                body.setdefault(key, value)
        elif operation is Operation.MESSAGES:
            if spec.system_prompt is not None:
                body["system"] = _with_system(body.get("system"), spec.system_prompt)
            for key, value in spec.params.items():
                name = _MESSAGES_PARAMS.get(key)
                if name is not None:
                    body.setdefault(name, value)
        elif operation is Operation.RESPONSES:
            if spec.system_prompt is not None:
                instructions = body.get("instructions")
                body["instructions"] = (
                    f"{spec.system_prompt}\n\n{instructions}"
                    if isinstance(instructions, str) and instructions
                    else spec.system_prompt
                )
            for key, value in spec.params.items():
                body.setdefault(_RESPONSES_PARAMS.get(key, key), value)
        elif operation is Operation.COMPLETIONS:
            template = spec.prompt_template
            prompt = body.get("prompt")
            if template is not None:
                if isinstance(prompt, str):
                    body["prompt"] = template.replace("{prompt}", prompt)
                elif isinstance(prompt, list) and all(isinstance(p, str) for p in prompt):
                    body["prompt"] = [template.replace("{prompt}", p) for p in prompt]
            for key, value in spec.params.items():
                body.setdefault(key, value)

    def listing(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "deprecated": spec.deprecated.isoformat() if spec.deprecated else None,
            "sunset": spec.sunset.isoformat() if spec.sunset else None,
            "successor": self.successor,
            "digest": self.digest,
        }


def pinned_settings(spec: EndpointVersionConfig) -> dict[str, Any]:
    dumped = spec.model_dump(mode="json")
    return {name: dumped[name] for name in PINNED_FIELDS}


def _with_system(existing: Any, prompt: str) -> Any:
    if existing is None or existing == "":
        return prompt
    if isinstance(existing, str):
        return f"{prompt}\n\n{existing}"
    if isinstance(existing, list):
        return [{"type": "text", "text": prompt}, *existing]
    return existing  # malformed; the translation reports it


def _lifecycle_headers(spec: EndpointVersionConfig, name: str) -> dict[str, str]:
    headers = {"x-bastion-endpoint": name}
    if spec.deprecated is not None:
        # RFC 9745: a structured-field date, seconds since the epoch.
        headers["deprecation"] = f"@{int(spec.deprecated.timestamp())}"
    if spec.sunset is not None:
        # RFC 8594: an HTTP-date.
        headers["sunset"] = format_datetime(spec.sunset, usegmt=True)
    return headers


class EndpointRegistry:
    """Every configured version, and which one a bare endpoint name means."""

    def __init__(self, endpoints: dict[str, EndpointConfig]) -> None:
        self._by_name: dict[str, EndpointVersion] = {}
        self.versions: list[EndpointVersion] = []
        self.defaults: dict[str, EndpointVersion] = {}
        for endpoint, config in endpoints.items():
            for version, spec in config.versions.items():
                entry = EndpointVersion(endpoint, version, spec)
                self.versions.append(entry)
                self._by_name[entry.name] = entry
            default = self._by_name[f"{endpoint}@{config.default_version}"]
            self.defaults[endpoint] = default
            self._by_name[endpoint] = default

    def resolve(self, name: str) -> EndpointVersion | None:
        return self._by_name.get(name)

    def __len__(self) -> int:
        return len(self.versions)
