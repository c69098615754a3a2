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
# Sampling defaults the Responses API has a field for, by their chat completions names.
_RESPONSES_PARAMS = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_logprobs": "top_logprobs",
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
# A client of these protocols states its own output limit (Messages requires one): a pinned
# chat limit beside it would conflict, so it is not carried to the upstream either.
_TOKEN_LIMITS = frozenset({"max_tokens", "max_completion_tokens"})


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
        # Where it may run, first choice first: routing rules may pick among these only.
        self.targets = ((spec.backend, spec.model), *self.fallbacks)
        # The params as a Messages request names them, worked out once.
        self._messages_params = _messages_params(spec.params)
        self._messages_format = _messages_format(spec.params.get("response_format"))
        # Params a Messages or Responses request has no field for (seed, the penalties,
        # logit_bias, n, a json_object format, engine extensions): carried to the upstream's
        # chat completions body instead, so the version samples alike for every client.
        self.upstream_params: dict[Operation, tuple[tuple[str, Any], ...]] = {
            Operation.MESSAGES: _left_over(
                spec.params,
                {*_MESSAGES_PARAMS, *(("response_format",) if self._messages_format else ())},
            ),
            Operation.RESPONSES: _left_over(spec.params, set(_RESPONSES_PARAMS)),
        }
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
            for name, value in self._messages_params:
                body.setdefault(name, value)
            if self._messages_format is not None:
                _with_output_format(body, self._messages_format)
        elif operation is Operation.RESPONSES:
            if spec.system_prompt is not None:
                instructions = body.get("instructions")
                body["instructions"] = (
                    f"{spec.system_prompt}\n\n{instructions}"
                    if isinstance(instructions, str) and instructions
                    else spec.system_prompt
                )
            for key, value in spec.params.items():
                field = _RESPONSES_PARAMS.get(key)
                if field is not None:
                    body.setdefault(field, value)
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


def _left_over(params: dict[str, Any], expressed: set[str]) -> tuple[tuple[str, Any], ...]:
    return tuple(
        (key, value)
        for key, value in params.items()
        if key not in expressed and key not in _TOKEN_LIMITS
    )


def _messages_params(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    named: list[tuple[str, Any]] = []
    for key, value in params.items():
        name = _MESSAGES_PARAMS.get(key)
        if name is None:
            continue
        # OpenAI's stop may be one string; Messages' stop_sequences is always a list.
        named.append((name, [value] if key == "stop" and isinstance(value, str) else value))
    return tuple(named)


def _messages_format(response_format: Any) -> dict[str, Any] | None:
    """A pinned ``response_format`` as Messages' ``output_config.format``: a JSON schema has
    one (the translation to an OpenAI backend turns it back into a strict ``json_schema``);
    ``json_object`` and ``text`` have none."""
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return None
    spec = response_format.get("json_schema")
    schema = spec.get("schema") if isinstance(spec, dict) else None
    if not isinstance(schema, dict):
        return None
    return {"type": "json_schema", "schema": schema}


def _with_output_format(body: dict[str, Any], fmt: dict[str, Any]) -> None:
    """The pinned format into the client's ``output_config``, unless it names one itself."""
    config = body.get("output_config")
    if config is None:
        body["output_config"] = {"format": fmt}
    elif isinstance(config, dict) and config.get("format") is None:
        body["output_config"] = {**config, "format": fmt}
    # Otherwise the client's own format wins (a malformed one is the translation's to report).


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
