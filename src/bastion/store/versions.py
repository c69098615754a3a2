"""Published endpoint versions: recorded on first start, compared on every later one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from bastion.store.db import Database
from bastion.store.models import PublishedVersionRow


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
