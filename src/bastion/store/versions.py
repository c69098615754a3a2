"""Published endpoint versions: recorded on first start, compared on every later one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from bastion.store.db import Database
from bastion.store.errors import InvalidInputError
from bastion.store.models import PublishedVersionRow
from bastion.store.text import is_storable

# The widths of the endpoint and version columns.
NAME_MAX_LENGTH = 100


@dataclass(frozen=True, slots=True)
class PublishedVersion:
    endpoint: str
    version: str
    digest: str
    spec: str  # canonical JSON of the pinned settings
    published_at: datetime


class VersionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> dict[tuple[str, str], PublishedVersion]:
        async with self._db.read() as session:
            rows = (await session.scalars(select(PublishedVersionRow))).all()
        return {
            (row.endpoint, row.version): PublishedVersion(
                row.endpoint, row.version, row.digest, row.spec, row.published_at
            )
            for row in rows
        }

    async def publish(self, versions: list[tuple[str, str, str, str]]) -> None:
        """Records (endpoint, version, digest, spec) entries not published before."""
        if not versions:
            return
        for endpoint, version, _, _ in versions:
            for name in (endpoint, version):
                if len(name) > NAME_MAX_LENGTH or not is_storable(name):
                    raise InvalidInputError(
                        f"endpoint version {endpoint!r}@{version!r} cannot be published: names "
                        f"are at most {NAME_MAX_LENGTH} characters, without NUL",
                        "endpoints",
                    )
        now = datetime.now(UTC)
        async with self._db.write() as session:
            existing = {
                (row.endpoint, row.version)
                for row in (await session.scalars(select(PublishedVersionRow))).all()
            }
            for endpoint, version, digest, spec in versions:
                if (endpoint, version) not in existing:
                    row = PublishedVersionRow(
                        endpoint=endpoint,
                        version=version,
                        digest=digest,
                        spec=spec,
                        published_at=now,
                    )
                    session.add(row)
