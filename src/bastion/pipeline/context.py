"""Everything the stages know about one request, as named, typed fields."""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bastion.auth import Principal
from bastion.protocols.errors import GatewayError
from bastion.protocols.exchange import Exchange
from bastion.protocols.memo import BodyMemo
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.providers.response import UpstreamResponse
from bastion.routing.catalog import Deployment

if TYPE_CHECKING:
    from bastion.admission.capacity import CapacityClaim
    from bastion.admission.limiter import Grant
    from bastion.cache.capture import StreamCapture
    from bastion.cache.keys import CacheKey
    from bastion.guardrails.placeholders import Placeholders
    from bastion.journal.writer import Ticket
    from bastion.routing.plan import RoutePlan
    from bastion.routing.replica import Replica


class ResponseLog:
    """What was sent to the client: always its digest and size, its bytes only if captured."""

    __slots__ = ("captured", "digest", "limit", "size", "truncated")

    def __init__(self, capture_limit: int) -> None:
        self.digest = hashlib.sha256()
        self.size = 0
        self.limit = capture_limit
        self.captured: list[bytes] | None = [] if capture_limit > 0 else None
        self.truncated = False

    def sent(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.size += len(chunk)
        captured = self.captured
        if captured is not None:
            room = self.limit - (self.size - len(chunk))
            if room >= len(chunk):
                captured.append(chunk)
            else:
                if room > 0:
                    captured.append(chunk[:room])
                self.truncated = True


@dataclass(slots=True)
class Reply:
    """What goes back to the client: a whole body, or a stream of already-encoded chunks."""

    status: int
    body: bytes = b""
    stream: AsyncGenerator[bytes, None] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"
    # A stream's final bytes (the protocol's end events), sent only once the request is sealed.
    tail: bytes = b""
    # Rendered from an upstream's answer (respond sets it): the reply carries ``Server-Timing``
    # and the request is timed in the upstream and overhead histograms. A reply of the gateway's
    # own (cache hit, refusal, error) is not: there is no upstream share to tell apart.
    upstream_timed: bool = False


@dataclass(slots=True)
class RequestContext:
    # Known on arrival.
    request_id: str
    operation: Operation
    headers: dict[str, str]
    raw_body: bytes
    started: float = field(default_factory=time.perf_counter)
    arrived_at: float = field(default_factory=time.time)  # wall clock, for records
    # authenticate
    principal: Principal | None = None
    # parse
    body: dict[str, Any] | None = None
    # What was computed from ``body`` (a Responses API request's parse), kept while it is
    # unchanged; each stage that reads the body that way goes through it.
    body_memo: BodyMemo | None = None
    model: str = ""
    stream: bool = False
    include_usage: bool = False
    # Data classes of the request (a client's declaration, the guardrails' findings), and
    # whether classification succeeded; an unclassified request is handled as sensitive.
    classifications: set[str] = field(default_factory=set)
    classified: bool = True
    # Whether every part of the request a model would see was scanned (inspect sets it; media
    # the scan cannot read leaves it False). Only a scanned request can be "public".
    scanned: bool = False
    # Values the inspect stage replaced by placeholders, restored in the answer.
    placeholders: Placeholders | None = None
    # What respond does with sensitive data in the answer (allow, redact, block), as the
    # inspect stage resolved it for the tenant and endpoint; None: the configured default.
    output_action: str | None = None
    # route: where the request may go; dispatch then sets the deployment that served it
    route: RoutePlan | None = None
    deployment: Deployment | None = None
    exchange: Exchange | None = None
    replica: Replica | None = None
    attempts: int = 0
    # Headers every reply carries (endpoint version lifecycle), errors included.
    response_headers: dict[str, str] = field(default_factory=dict)
    # An endpoint version's params the client's protocol has no field for, set into the
    # upstream's chat completions body by dispatch.
    upstream_params: tuple[tuple[str, Any], ...] = ()
    # admission: what was reserved; queue: the backend capacity claimed (held on the backend
    # that serves the request), and the wait for it
    admission: Grant | None = None
    claim: CapacityClaim | None = None
    queued_seconds: float = 0.0
    # cache: none (not consulted), bypass, miss, hit; and a streamed answer kept to store
    cache_status: str = "none"
    stream_capture: StreamCapture | None = None
    # audit: the capture mode and the digest of what was sent (set from authentication on when
    # auditing), and whether the intent record was written (the request went on to a backend)
    audit_mode: str | None = None
    response_log: ResponseLog | None = None
    audit_intent: bool = False
    # dispatch
    upstream: UpstreamResponse | None = None
    # The upstream's share of the request (``time.perf_counter``): when the answering attempt
    # was sent, when a stream's first bytes came back (dispatch waits for them before the
    # client's headers go), and when its body or stream ended cleanly (respond); and the time
    # failed attempts before it spent upstream. See ``upstream_seconds``.
    upstream_sent: float | None = None
    upstream_first_byte: float | None = None
    upstream_ended: float | None = None
    upstream_failed_seconds: float = 0.0
    # respond, or the stage that answered first (a cache hit, a refusal): its name
    reply: Reply | None = None
    answered_by: str = ""
    first_chunk_at: float | None = None
    # outcome, filled as the response completes
    usage: Usage | None = None
    error: GatewayError | None = None
    outcome: str = "ok"
    finished: float | None = None
    # The records handed over by the seal phase, and whether they are known to be durable.
    sealed_records: Ticket | None = None
    sealed: bool = False
    # What stages learn and later stages act on, each its own typed field (a misspelt key in a
    # shared dictionary would fail open):
    # the client opted into Anthropic beta behaviour (``?beta=true``), forwarded upstream;
    anthropic_beta: bool = False
    # inspect found sensitive values (whatever the policy did with them): never cached by meaning;
    sensitive_found: bool = False
    # inspect's prompt-injection score of what clients and tools wrote, when it was scored,
    # and whether it reached the threshold (whatever the policy did then);
    injection_score: float | None = None
    injection_suspected: bool = False
    # cache: the key an answer is stored under when it completes, and whether by meaning too;
    cache_pending: tuple[CacheKey, bool] | None = None
    # conversation: how many input items came from the stored conversation and the response
    # it continues; and whether keeping the answer failed (its continuation will be refused);
    responses_turn: tuple[int, str | None] | None = None
    responses_not_stored: bool = False
    # respond: a stream's finish reasons, for the trace span.
    finish_reasons: list[str] | None = None

    @property
    def answer_rewritten(self) -> bool:
        """Whether the answer's text may be changed on its way back: masked or cut by the
        output policy, or placeholders put back. Such an answer is read in a shape the
        gateway can rewrite (a Responses API request is then translated, never passed through)."""
        return self.placeholders is not None or self.output_action not in (None, "allow")

    def upstream_seconds(self, until: float | None) -> float:
        """Time spent waiting on upstreams: failed attempts, then the answering one from its
        sending to ``until`` (one of the upstream_* instants)."""
        sent = self.upstream_sent
        if sent is None or until is None:
            return self.upstream_failed_seconds
        return self.upstream_failed_seconds + (until - sent)

    def gateway_seconds(self, upstream: float, now: float) -> float:
        """The gateway's own time from arrival to ``now``: what was not spent upstream (given)
        or waiting in the queue for backend capacity (reported apart, as queue wait)."""
        return max(0.0, now - self.started - upstream - self.queued_seconds)

    def server_timing(self, now: float, streamed: bool) -> str:
        """The ``Server-Timing`` value of a proxied answer whose headers go at ``now``: the
        upstream's share and the gateway's own (and the queue wait, when there was one) of the
        time since arrival, in milliseconds. A whole answer's upstream share runs to the end of
        its body; a stream's, to its first bytes (the rest is yet to come)."""
        if streamed:
            upstream = self.upstream_seconds(self.upstream_first_byte)
            value = f'upstream;dur={upstream * 1000:.3f};desc="first bytes"'
        else:
            upstream = self.upstream_seconds(self.upstream_ended)
            value = f"upstream;dur={upstream * 1000:.3f}"
        value += f", gateway;dur={self.gateway_seconds(upstream, now) * 1000:.3f}"
        if self.queued_seconds:
            value += f", queue;dur={self.queued_seconds * 1000:.3f}"
        return value

    @property
    def backend_name(self) -> str:
        return self.deployment.backend.name if self.deployment else "none"

    @property
    def status(self) -> int:
        return self.reply.status if self.reply else 500

    def fail(self, error: GatewayError) -> None:
        """Ends the request with ``error`` rendered in the client's protocol."""
        self.error = error
        self.outcome = "error"
        self.reply = Reply(
            status=error.status,
            body=error.render(self.operation.protocol),
            headers=dict(error.headers),
        )
