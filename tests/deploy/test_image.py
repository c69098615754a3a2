"""The container image recipe and its lock. hadolint lints the Containerfile in `make lint`;
these are the project's own rules, which no linter knows: a pinned Python 3.11 base, a
numeric non-root user (the chart's), hash-checked installs from the image's lock, a health
check on /healthz, the gateway's port; and a lock that is the runtime at the main lock's pins."""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import metadata

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bastion.config.schema import DEFAULT_PORT
from tests.deploy.chart import CHART, ROOT

CONTAINERFILE = ROOT / "deploy" / "Containerfile"
IMAGE_LOCK = ROOT / "deploy" / "requirements.lock"
IMAGE_INPUT = ROOT / "deploy" / "requirements.in"
MAIN_LOCK = ROOT / "requirements.lock"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments left out."""
    lines = [
        line for line in CONTAINERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    found = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            found.append((keyword.upper(), " ".join(arguments.split())))
    return found


def arguments(keyword: str) -> list[str]:
    return [args for key, args in instructions() if key == keyword]


def test_every_stage_starts_from_one_python_311_slim_image_pinned_by_version() -> None:
    bases = {args.split()[0] for args in arguments("FROM")}
    assert len(bases) == 1, bases
    (base,) = bases
    image, _, digest = base.partition("@")
    assert re.fullmatch(r"python:3\.11\.\d+-slim-[a-z]+", image), image
    assert digest == "" or re.fullmatch(r"sha256:[0-9a-f]{64}", digest)
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == "3.11"


def test_the_gateway_runs_as_the_numeric_non_root_user_the_chart_expects() -> None:
    users = arguments("USER")
    assert users, "no USER: the image would run as root"
    uid, _, gid = users[-1].partition(":")
    assert uid.isdigit() and int(uid) != 0
    assert gid.isdigit() and int(gid) != 0
    security = yaml.safe_load((CHART / "values.yaml").read_text())["podSecurityContext"]
    assert (security["runAsUser"], security["runAsGroup"]) == (int(uid), int(gid))


def test_packages_install_from_the_hashed_lock_and_leave_no_cache() -> None:
    installs = [args for args in arguments("RUN") if "pip install" in args]
    assert installs
    for args in installs:
        assert "--no-cache-dir" in args
        assert "--no-deps" in args
    (locked,) = (args for args in installs if "-r " in args)
    assert "--require-hashes" in locked
    assert "-r deploy/requirements.lock" in locked
    assert "deploy/requirements.lock deploy/requirements.lock" in arguments("COPY")
    # The project itself: from the copied source, without asking an index.
    (own,) = (args for args in installs if args is not locked)
    assert "--no-index" in own


def test_it_listens_on_the_gateway_port_and_checks_healthz() -> None:
    assert arguments("EXPOSE") == [str(DEFAULT_PORT)]
    env = " ".join(arguments("ENV"))
    assert f"BASTION_PORT={DEFAULT_PORT}" in env
    assert "BASTION_HOST=0.0.0.0" in env
    assert yaml.safe_load((CHART / "values.yaml").read_text())["containerPort"] == DEFAULT_PORT
    (check,) = arguments("HEALTHCHECK")
    assert "/healthz" in check
    assert arguments("ENTRYPOINT") == ['["bastion"]']


@dataclass
class Pin:
    version: str
    hashes: set[str] = field(default_factory=set)


def pins(text: str) -> dict[str, Pin]:
    found: dict[str, Pin] = {}
    current: Pin | None = None
    for line in text.splitlines():
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if head:
            current = found.setdefault(canonicalize_name(head[1]), Pin(head[2]))
        for digest in re.findall(r"--hash=(sha256:[0-9a-f]{64})", line):
            assert current is not None
            current.hashes.add(digest)
    return found


def test_the_image_lock_keeps_the_main_locks_pins_and_hashes() -> None:
    image, main = pins(IMAGE_LOCK.read_text()), pins(MAIN_LOCK.read_text())
    assert image
    for name, pin in image.items():
        assert name in main, f"{name} is in the image's lock but not in requirements.lock"
        assert pin.version == main[name].version, name
        assert pin.hashes and pin.hashes == main[name].hashes, name


def test_the_image_lock_is_the_runtime_with_otel_and_the_build_backend_only() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    roots = [Requirement(r) for r in project["dependencies"]]
    roots += [Requirement(r) for r in project["optional-dependencies"]["otel"]]
    roots += [
        Requirement(line.split("#")[0])
        for line in IMAGE_INPUT.read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    assert set(pins(IMAGE_LOCK.read_text())) == closure(roots)


def closure(roots: list[Requirement]) -> set[str]:
    """Every distribution ``roots`` need on this platform, from the installed metadata."""
    seen: set[tuple[str, frozenset[str]]] = set()
    names: set[str] = set()
    todo = list(roots)
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        extras = frozenset(requirement.extras)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        names.add(name)
        for line in metadata.requires(name) or []:
            dependency = Requirement(line)
            marker = dependency.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in extras | {""}):
                todo.append(dependency)
    return names
