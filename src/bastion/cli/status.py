"""``bastion status``: endpoints, backends and replicas of a running gateway, from its admin API."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
import click


@click.command("status")
@click.option(
    "--url",
    default="http://127.0.0.1:8800",
    show_default=True,
    envvar="BASTION_URL",
    help="The gateway's address (env BASTION_URL).",
)
@click.option(
    "--admin-key", envvar="BASTION_ADMIN_KEY", help="An admin key (env BASTION_ADMIN_KEY)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the raw JSON.")
def status_command(url: str, admin_key: str | None, as_json: bool) -> None:
    """Show endpoints and versions, backends, replicas with health, circuit, load and
    recent failures, and supervised engines."""
    try:
        status = asyncio.run(_fetch(url.rstrip("/") + "/admin/status", admin_key))
    except aiohttp.ClientResponseError as exc:
        raise click.ClickException(f"{url} answered HTTP {exc.status}: {exc.message}") from None
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise click.ClickException(f"cannot reach the gateway at {url}: {exc}") from None
    if as_json:
        click.echo(json.dumps(status, indent=2))
        return
    click.echo(render_status(status))


async def _fetch(url: str, admin_key: str | None) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {admin_key}"} if admin_key else {}
    timeout = aiohttp.ClientTimeout(total=10)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.get(url, headers=headers) as response,
    ):
        if response.status != 200:
            detail = (await response.text())[:300]
            raise aiohttp.ClientResponseError(
                response.request_info, (), status=response.status, message=detail
            )
        result: dict[str, Any] = await response.json()
        return result


def render_status(status: dict[str, Any]) -> str:
    lines: list[str] = []
    endpoints = status.get("endpoints") or []
    lines.append("Endpoints" if endpoints else "Endpoints: none configured")
    for endpoint in endpoints:
        notes = ["default"] if endpoint["default"] else []
        if endpoint.get("deprecated"):
            notes.append(f"deprecated {endpoint['deprecated'][:10]}")
        if endpoint.get("sunset"):
            notes.append(f"sunset {endpoint['sunset'][:10]}")
        if endpoint.get("fallbacks"):
            notes.append("fallbacks " + ", ".join(endpoint["fallbacks"]))
        lines.append(
            f"  {endpoint['name']:<24} {endpoint['backend']}/{endpoint['model']}"
            + (f"  ({'; '.join(notes)})" if notes else "")
        )
    lines.append("Backends")
    for backend in status.get("backends") or []:
        lines.append(
            f"  {backend['name']} ({backend['kind']}, {backend['location']}, "
            f"{backend['balancing']}, affinity {backend['affinity']})"
        )
        for replica in backend["replicas"]:
            lines.extend(_replica_lines(replica))
    gpu = status.get("gpu") or {}
    if gpu.get("available"):
        for card in gpu.get("gpus", []):
            used, total = card["memory_used_bytes"], card["memory_total_bytes"]
            lines.append(
                f"GPU {card['index']} {card['name']}: {used / 2**30:.1f} / {total / 2**30:.1f} GiB"
            )
    else:
        lines.append(f"GPU: {gpu.get('reason', 'unavailable')}")
    return "\n".join(lines)


def _replica_lines(replica: dict[str, Any]) -> list[str]:
    state = "eligible" if replica["eligible"] else "OUT"
    health = "healthy" if replica["healthy"] else f"UNHEALTHY ({replica['health_error']})"
    circuit = replica["circuit"]
    if circuit != "closed":
        circuit += f" ({replica['circuit_reason']}"
        if replica["circuit_retry_in_seconds"]:
            circuit += f", trial in {replica['circuit_retry_in_seconds']:.1f}s"
        circuit += ")"
    lines = [
        f"    {replica['name']:<12} {replica['base_url']}  {state}",
        f"      {'ready' if replica['ready'] else 'not ready'}, {health}, circuit {circuit}",
    ]
    load = f"      in flight {replica['in_flight']}, load {replica['load']:g}"
    engine = replica.get("engine")
    if engine is not None:
        load += (
            f", engine waiting {engine['waiting']:g} running {engine['running']:g} "
            f"KV {engine['kv_cache_usage'] * 100:.0f}% (age {engine['age_seconds']}s)"
        )
    if replica["saturated"]:
        load += ", SATURATED"
    lines.append(load)
    process = replica.get("process")
    if process is not None:
        gap = process["last_gap_seconds"]
        lines.append(
            f"      process {process['state']}, pid {process['pid']}, "
            f"restarts {process['restarts']}"
            + (f", last gap {gap:.1f}s" if gap is not None else "")
            + (f", last exit: {process['last_exit']}" if process["last_exit"] else "")
        )
    for failure in replica["recent_failures"][-5:]:
        when = time.strftime("%H:%M:%S", time.localtime(failure["at"]))
        lines.append(f"      {when}  {failure['reason']}")
    return lines
