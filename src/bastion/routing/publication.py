"""Immutability of published endpoint versions, checked against the database at start-up."""

from __future__ import annotations

import logging
from typing import Any

import orjson

from bastion.config import ConfigError, ConfigProblem
from bastion.routing.endpoints import PINNED_FIELDS, EndpointRegistry
from bastion.store.errors import ConflictError
from bastion.store.versions import VersionRepository

log = logging.getLogger(__name__)


async def check_and_publish(registry: EndpointRegistry, repository: VersionRepository) -> int:
    """Refuses a configuration that changes a published version; records new versions.

    Returns how many versions were published now. Raises ConfigError naming the endpoint,
    version and field of every change found.
    """
    for attempt in range(2):
        published = await repository.all()
        problems: list[ConfigProblem] = []
        new: list[tuple[str, str, str, str]] = []
        for version in registry.versions:
            before = published.get((version.endpoint, version.version))
            if before is None:
                new.append((version.endpoint, version.version, version.digest, version.spec_json))
            elif before.digest != version.digest:
                problems.extend(
                    _changes(version.endpoint, version.version, orjson.loads(before.spec),
                             version.pinned, before.published_at.date().isoformat())
                )  # fmt: skip
        if problems:
            raise ConfigError("configuration", problems)
        try:
            await repository.publish(new)
        except ConflictError:
            if attempt == 0:
                continue  # another gateway published the same versions at the same moment
            raise
        for endpoint, number, digest, _ in new:
            log.info(
                "endpoint version published",
                extra={"endpoint": f"{endpoint}@{number}", "digest": digest},
            )
        return len(new)
    return 0


def _changes(
    endpoint: str, version: str, before: dict[str, Any], now: dict[str, Any], published: str
) -> list[ConfigProblem]:
    problems = []
    for field in PINNED_FIELDS:
        if before.get(field) != now.get(field):
            problems.append(
                ConfigProblem(
                    f"endpoints.{endpoint}.versions.{version}.{field}",
                    f"endpoint {endpoint}@{version} was published on {published} and is "
                    f"immutable: {field} was {_show(before.get(field))}, the configuration now "
                    f"says {_show(now.get(field))}. Publish the change as a new version.",
                )
            )
    return problems


def _show(value: Any) -> str:
    text = orjson.dumps(value).decode()
    return text if len(text) <= 120 else text[:117] + "..."
