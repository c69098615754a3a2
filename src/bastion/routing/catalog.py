"""Model names clients may call, resolved once at start-up into a dictionary lookup.

Names follow LiteLLM's habit: ``backend/model`` always works; a bare model id works when exactly
one backend serves it; aliases from ``bastion.yaml`` map any name to a ``backend/model`` target.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bastion.providers.base import Provider


@dataclass(frozen=True, slots=True)
class Deployment:
    """A concrete place to send a request: a backend and the model id it knows."""

    name: str
    backend: Provider
    upstream_model: str


@dataclass(frozen=True, slots=True)
class ListedModel:
    id: str
    backend: str
    location: str
    upstream_model: str
    simulated: bool


class ModelCatalog:
    def __init__(self) -> None:
        self._exact: dict[str, Deployment] = {}
        self._wildcard: dict[str, Provider] = {}
        self._listed: list[ListedModel] = []
        self._simulated: set[str] = set()

    def add_backend(self, provider: Provider, models: list[str] | None, *, simulated: bool) -> None:
        """Registers a backend; ``models=None`` accepts any ``backend/<model>`` name."""
        if simulated:
            self._simulated.add(provider.name)
        if models is None:
            self._wildcard[provider.name] = provider
            return
        for model in models:
            self._add(f"{provider.name}/{model}", provider, model)

    def add_alias(self, name: str, target: str) -> None:
        deployment = self.resolve(target)
        if deployment is None:
            raise ValueError(f"alias {name!r} points to {target!r}, which no backend serves")
        self._add(name, deployment.backend, deployment.upstream_model)

    def finalize(self) -> None:
        """Adds bare model ids that exactly one backend serves."""
        owners = Counter(d.upstream_model for d in self._exact.values() if "/" in d.name)
        for deployment in list(self._exact.values()):
            bare = deployment.upstream_model
            qualified = f"{deployment.backend.name}/{bare}"
            if deployment.name == qualified and owners[bare] == 1 and bare not in self._exact:
                self._add(bare, deployment.backend, bare)

    def _add(self, name: str, provider: Provider, model: str) -> None:
        if name in self._exact:
            return  # listed twice in the config or by the engine: the first entry stands
        self._exact[name] = Deployment(name, provider, model)
        self._listed.append(
            ListedModel(
                name, provider.name, provider.location, model, provider.name in self._simulated
            )
        )

    def resolve(self, name: str) -> Deployment | None:
        deployment = self._exact.get(name)
        if deployment is not None:
            return deployment
        backend, slash, model = name.partition("/")
        provider = self._wildcard.get(backend) if slash and model else None
        return Deployment(name, provider, model) if provider is not None else None

    def serves(self, backend: str, model: str) -> bool:
        """Whether ``backend`` is known to serve ``model`` (any model, if it passes names on)."""
        if backend in self._wildcard:
            return True
        deployment = self._exact.get(f"{backend}/{model}")
        return deployment is not None and deployment.backend.name == backend

    def listing(self) -> list[ListedModel]:
        return list(self._listed)

    @property
    def wildcard_backends(self) -> list[str]:
        return sorted(self._wildcard)

    def __len__(self) -> int:
        return len(self._exact) + len(self._wildcard)
