"""Immutability of published endpoint versions, checked against the database at start-up."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from bastion.config import ConfigError, ConfigProblem
from bastion.routing.endpoints import PINNED_FIELDS, EndpointRegistry, EndpointVersion
from bastion.store.errors import ConflictError
from bastion.store.versions import VersionRepository

log = logging.getLogger(__name__)


async def check_and_publish(
    registry: EndpointRegistry,
    repository: VersionRepository,
    *,
    hold: Callable[[EndpointVersion], bool] | None = None,
    held: list[EndpointVersion] | None = None,
) -> int:
    """Refuses a configuration that changes a published version; records new versions, but
    those ``hold`` holds back (a contract to check first), which go into ``held`` for
    ``publish`` to record later.

    Returns how many versions were published now. Raises ConfigError naming the endpoint,
    version and field of every change found.
    """
    for attempt in range(2):
        published = await repository.all()
        problems: list[ConfigProblem] = []
        new: list[tuple[str, str, str, str]] = []
        waiting: list[EndpointVersion] = []
        for version in registry.versions:
            before = published.get((version.endpoint, version.version))
            if before is None and hold is not None and hold(version):
                waiting.append(version)
            elif before is None:
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
        if held is not None:
            held.extend(waiting)
        return len(new)
    return 0


async def publish(versions: Sequence[EndpointVersion], repository: VersionRepository) -> None:
    """Records versions held back by ``check_and_publish`` once their contracts are met; one
    another gateway published meanwhile (with the same digest) is left as it is."""
    rows = [(v.endpoint, v.version, v.digest, v.spec_json) for v in versions]
    try:
        await repository.publish(rows)
    except ConflictError:
        published = await repository.all()
        rest = [row for row in rows if (row[0], row[1]) not in published]
        await repository.publish(rest)
    for version in versions:
        log.info(
            "endpoint version published",
            extra={"endpoint": version.name, "digest": version.digest, "contract": "met"},
        )


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
