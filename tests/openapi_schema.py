"""Validators for components of the published OpenAI API description (``openapi.yaml``).

The description is OpenAPI 3.1 but still marks optional-null values with the OpenAPI 3.0
keyword ``nullable: true``, which JSON Schema ignores; it is rewritten here into a union with
``null`` so that such values validate as the API intends.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

# A copy vendored with the tests (licence and source beside it), so a clone anywhere has it.
OPENAI_OPENAPI = Path(__file__).resolve().parent / "data" / "openai-openapi" / "openapi.yaml"

# The base URI the document is registered under; its ``#/components/...`` refs resolve in it.
DOCUMENT_URI = "urn:openai-openapi"

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def spec_path() -> Path:
    return OPENAI_OPENAPI.resolve()


def missing_spec_reason() -> str | None:
    """Why the description cannot be used here, or ``None`` when it is available."""
    path = spec_path()
    if path.is_file():
        return None
    return f"OpenAI API description not found at {path} (it is vendored in tests/data/)"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _null_union(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``nullable: true`` turned into an explicit union with ``null``."""
    nullable = schema.pop("nullable", False)
    if nullable is not True:
        return schema
    kind = schema.get("type")
    if isinstance(kind, str | list) and not {"$ref", "allOf", "anyOf", "oneOf"} & schema.keys():
        kinds = [kind] if isinstance(kind, str) else list(kind)
        schema["type"] = [*kinds, "null"] if "null" not in kinds else kinds
        if "enum" in schema and None not in schema["enum"]:
            schema["enum"] = [*schema["enum"], None]
        if "const" in schema:
            schema["anyOf"] = [{"const": schema.pop("const")}, {"type": "null"}]
        return schema
    # No plain type to widen (a $ref, a combination, or nothing at all): allow null beside it.
    return {"anyOf": [schema, {"type": "null"}]}


def _rewrite_nullable(node: Any) -> Any:
    if isinstance(node, list):
        return [_rewrite_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    rewritten = {key: _rewrite_nullable(value) for key, value in node.items()}
    # A bool, not a schema: a property that happened to be called "nullable" stays as it is.
    return _null_union(rewritten) if isinstance(rewritten.get("nullable"), bool) else rewritten


@functools.cache
def load_document(path: Path | None = None) -> dict[str, Any]:
    """The parsed, null-rewritten description; parsed once per process (it is ~3 MB)."""
    with (path or spec_path()).open("rb") as handle:
        document = yaml.load(handle, Loader=_Loader)
    rewritten: dict[str, Any] = _rewrite_nullable(document)
    return rewritten


@functools.cache
def _registry(path: Path | None = None) -> Registry[Any]:
    resource = DRAFT202012.create_resource(load_document(path))
    registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)
    return registry


@functools.cache
def validator(component: str, path: Path | None = None) -> Draft202012Validator:
    """A Draft 2020-12 validator for ``#/components/schemas/<component>``."""
    schemas = load_document(path)["components"]["schemas"]
    if component not in schemas:
        raise KeyError(f"no schema component named {component!r}")
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/{component}"}
    return Draft202012Validator(schema, registry=_registry(path))


def schema_errors(component: str, instance: Any) -> list[str]:
    """Every way ``instance`` breaks ``component``, one readable line each (empty when valid)."""
    errors = sorted(validator(component).iter_errors(instance), key=lambda e: _where(e.path))
    return [f"{_where(e.path) or '<root>'}: {_describe(e)}" for e in errors]


def _where(path: Any) -> str:
    return "/".join(str(part) for part in path)


def _describe(error: Any) -> str:
    # For anyOf/oneOf failures the nested reasons are what explain the mismatch.
    if error.context:
        reasons = sorted(
            f"{_where(sub.relative_path)}: {_describe(sub)}"
            if sub.relative_path
            else _describe(sub)
            for sub in error.context
        )
        return f"{error.message[:200]} [{'; '.join(dict.fromkeys(reasons))[:600]}]"
    return str(error.message[:300])
