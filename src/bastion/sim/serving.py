"""What every inference endpoint shares: model names, fault gates, errors and disconnects."""

from __future__ import annotations

import os
import time
import uuid
from types import MappingProxyType
from typing import Generic, TypeVar

from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bastion.sim.asgi import (
    SIMULATED_HEADER,
    ClientDisconnected,
    cancel_on_disconnect,
    drop_connection,
    encode_headers,
    read_body,
    send_json,
)
from bastion.sim.config import SimConfig
from bastion.sim.engine import ContextLengthError, SimEngine
from bastion.sim.errors import SimHTTPError, model_not_found
from bastion.sim.faults import FaultState, SimulatedCrash
from bastion.sim.protocol import parse

_INJECTED_MESSAGES = MappingProxyType(
    {
        400: "Injected fault: the simulated engine rejected the request.",
        429: "Injected fault: the simulated engine is rate limiting.",
        500: "Injected fault: the simulated engine failed.",
        503: "Injected fault: the simulated engine is unavailable.",
    }
)

_Request = TypeVar("_Request", bound=BaseModel)


class SimContext:
    """The running simulator: its config, engine and fault state."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.engine = SimEngine(config)
        self.clock = self.engine.clock
        self.faults = FaultState(config.faults, config.seed, self.engine, self.clock)
        self.model_names = config.model_names
        self._known = frozenset(self.model_names)
        self.created = int(time.time())

    def resolve_model(self, name: str | None) -> str:
        """The name to answer with: the one asked for, or the first served name."""
        if name is None:
            return self.model_names[0]
        if name not in self._known:
            raise model_not_found(name)
        return name


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


class SimFront:
    """Outermost middleware: marks every response as simulated and enacts a crash."""

    def __init__(self, app: ASGIApp, context: SimContext) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers") or []
                message["headers"] = [*headers, SIMULATED_HEADER]
            await send(message)

        faults = self.context.faults
        if faults.crashed and not scope["path"].startswith("/sim/"):
            if faults.config.crash_mode == "exit":
                os._exit(1)
            await drop_connection(marked)
            return
        await self.app(scope, receive, marked)


class InferenceEndpoint(Generic[_Request]):
    """Parse, pass the fault gates, then serve; errors come back in OpenAI's shape."""

    request_model: type[_Request]

    def __init__(self, context: SimContext) -> None:
        self.context = context
        self.engine = context.engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = await read_body(receive)
            faults = self.context.faults
            if faults.starting:
                retry = max(1, round(self.context.clock.to_real(faults.start_remaining)))
                raise SimHTTPError(
                    503,
                    "The simulated engine is still starting up.",
                    headers={"retry-after": str(retry)},
                )
            request = parse(self.request_model, body)
            model = self.context.resolve_model(getattr(request, "model", None))
            admission = faults.admit()
            if admission.error_status is not None:
                status = admission.error_status
                raise SimHTTPError(status, _INJECTED_MESSAGES[status], code="injected_fault")
            async with cancel_on_disconnect(receive):
                if admission.extra_latency:
                    await self.context.clock.sleep(admission.extra_latency)
                await self.serve(request, model, send)
        except SimHTTPError as exc:
            await send_json(send, exc.status, exc.to_json(), encode_headers(exc.headers))
        except ContextLengthError as exc:
            error = SimHTTPError(400, str(exc), code="context_length_exceeded", param="messages")
            await send_json(send, 400, error.to_json())
        except SimulatedCrash:
            await drop_connection(send)
        except ClientDisconnected:
            return

    async def serve(self, request: _Request, model: str, send: Send) -> None:
        raise NotImplementedError
