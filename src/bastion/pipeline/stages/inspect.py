"""inspect: the sensitive data a request carries, found on-premises before it is routed.

Every text a model would see is scanned (see ``bastion.guardrails``). Per data class, tenant
and endpoint, the policy labels the request for routing (``routing.local_only`` then keeps it
on local backends), masks the values (or swaps them for placeholders restored in the answer),
refuses the request, or lets it be. The text clients and tools wrote is also scored for prompt
injection. A scan or classifier that fails or takes too long leaves the request unclassified,
which routing treats as sensitive: it fails closed, never open. The stage also settles the
request's output policy, which the respond stage applies to the answer.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

from bastion.config.schema import GuardrailAction, GuardrailsConfig, InjectionAction
from bastion.guardrails.extract import STRUCTURE_ROLE, TextField, junctions, text_fields
from bastion.guardrails.findings import Finding
from bastion.guardrails.injection import (
    EngineInjectionClassifier,
    InjectionClassifierError,
    LinearInjectionClassifier,
    load_default_classifier,
    windows,
)
from bastion.guardrails.memo import TextMemo
from bastion.guardrails.placeholders import Placeholders
from bastion.guardrails.policy import PolicyResolver
from bastion.guardrails.recognizers import scan, warm
from bastion.guardrails.redact import mask
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.telemetry.logs import LogThrottle
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

T = TypeVar("T")

_UNSCORED = frozenset({"system", STRUCTURE_ROLE})


class Inspect(BaseStage):
    name = "inspect"

    def __init__(self, config: GuardrailsConfig, metrics: GatewayMetrics) -> None:
        settings = config.input
        self._policies = PolicyResolver(config)
        self._placeholders = settings.redact_with == "placeholder"
        self._kinds = frozenset(settings.kinds) if settings.kinds is not None else None
        self._timeout = settings.timeout_ms / 1000
        self._inline_chars = settings.inline_chars
        warm()  # the scan's tables, built before the first request and start-up's freeze
        # Large texts are scanned and scored here, off the event loop; two at a time at most.
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bastion-inspect")
        # System prompts and the earlier turns of conversations come back with every request:
        # each text is scanned, and each window of text scored for injection, once per tenant.
        self._memo: TextMemo[tuple[Finding, ...]] = TextMemo()
        self._window_scores: TextMemo[float] = TextMemo()
        self._injection_log = LogThrottle()
        self._findings = metrics.guardrail_findings
        self._failures = metrics.guardrail_failures
        injection = config.injection
        self._threshold = injection.threshold
        self._injections = metrics.guardrail_injections
        self._injection: LinearInjectionClassifier | None = None
        self._injection_engine: EngineInjectionClassifier | None = None
        if injection.enabled and injection.engine is not None:
            engine = injection.engine
            key = engine.api_key.get_secret_value() if engine.api_key is not None else None
            self._injection_engine = EngineInjectionClassifier(
                engine.base_url,
                engine.model,
                timeout=engine.timeout_ms / 1000,
                api_key=key,
                positive_indices=engine.positive_indices,
            )
        elif injection.enabled:
            self._injection = load_default_classifier()

    async def on_request(self, ctx: RequestContext) -> None:
        assert ctx.body is not None
        principal = ctx.principal
        policy = self._policies.for_request(principal.tenant_name if principal else None, ctx.model)
        ctx.output_action = policy.output
        opaque: list[str] = []
        fields = text_fields(ctx.operation, ctx.body, opaque)
        # Redaction cannot mask what it cannot read: such a request is unclassified (local).
        if opaque and "redact" in policy.actions.values():
            self._failures.labels("unreadable").inc()
            ctx.classified = False
        if not fields:
            ctx.scanned = not opaque
            return
        tenant = principal.tenant_name if principal else ""
        if self._injection is not None or self._injection_engine is not None:
            await self._score_injection(ctx, fields, policy.injection, tenant)
        try:
            found = await self._scan([field.text for field in fields], tenant)
        except Exception as exc:  # a timeout or a recognizer bug: fail closed
            reason = "timeout" if isinstance(exc, TimeoutError) else "error"
            self._failures.labels(reason).inc()
            if reason == "error":
                log.exception("inspection failed", extra={"request_id": ctx.request_id})
            ctx.classified = False
            return
        ctx.scanned = not opaque
        try:
            await self._scan_junctions(ctx, fields, policy.actions, tenant)
        except GatewayError:
            raise
        except Exception as exc:  # a timeout or a recognizer bug: fail closed
            self._failures.labels("timeout" if isinstance(exc, TimeoutError) else "error").inc()
            ctx.classified = False
        if not any(found):
            return
        ctx.sensitive_found = True  # whatever the policy does: never cached by meaning
        actions = policy.actions
        blocked: list[Finding] = []
        # Counted once per kind: a long conversation carries hundreds of earlier findings.
        counts: Counter[tuple[str, str, str]] = Counter()
        for field, findings in zip(fields, found, strict=True):
            if not findings:
                continue
            masked: list[Finding] = []
            for finding in findings:
                action = actions.get(finding.category, "route")
                counts[finding.category, finding.kind, action] += 1
                if action == "route":
                    ctx.classifications.add(finding.category)
                elif action == "redact":
                    masked.append(finding)
                elif action == "block":
                    blocked.append(finding)
            if not masked:
                continue
            if not field.maskable:
                # An identifier or who-asks field: masking it would break the request's links
                # or merge users' cache entries, so the request stays on local backends.
                self._failures.labels("unmaskable").inc()
                ctx.classified = False
                continue
            if self._placeholders:
                if ctx.placeholders is None:
                    ctx.placeholders = Placeholders([f.text for f in fields])
                rewritten = ctx.placeholders.replace(field.text, masked)
            else:
                rewritten = mask(field.text, masked)
            field.replace(rewritten)
            try:
                (again,) = await self._scan([rewritten], tenant)
                left = any(actions.get(f.category) == "redact" for f in again)
            except Exception:  # a timeout or a recognizer bug: the masking is unverified
                log.exception("re-scan of masked text failed", extra={"request_id": ctx.request_id})
                left = True
            if left:
                # A value the masking did not remove (overlapping or adjacent ones): fail closed.
                self._failures.labels("unmasked").inc()
                ctx.classified = False
        for labels, count in counts.items():
            self._findings.labels(*labels).inc(count)
        if blocked:
            raise _refused(blocked)

    async def _scan_junctions(
        self,
        ctx: RequestContext,
        fields: list[TextField],
        actions: Mapping[str, GuardrailAction],
        tenant: str,
    ) -> None:
        """A value split between two parts of one message (``card 4539 1488`` in one,
        ``0343 6467`` in the next) is found where they meet. It routes and blocks as any
        value does; it cannot be masked in either part, so with ``redact`` the request is left
        unclassified (local)."""
        joins = junctions(fields)
        if not joins:
            return
        found = await self._scan([text for text, _ in joins], tenant)
        for (_, join), findings in zip(joins, found, strict=True):
            for finding in findings:
                if not finding.start < join < finding.end:
                    continue  # whole in one part: found there already
                action = actions.get(finding.category, "route")
                self._findings.labels(finding.category, finding.kind, action).inc()
                ctx.sensitive_found = True
                if action == "route":
                    ctx.classifications.add(finding.category)
                elif action == "redact":
                    self._failures.labels("split").inc()
                    ctx.classified = False
                elif action == "block":
                    raise _refused([finding])

    async def _score_injection(
        self, ctx: RequestContext, fields: list[TextField], action: InjectionAction, tenant: str
    ) -> None:
        """Scores what clients and tools wrote (the operator's system prompt is trusted, and
        roles, identifiers and what rides along with a request are no prompt)."""
        text = "\n".join(field.text for field in fields if field.role not in _UNSCORED)
        if not text:
            return
        try:
            score = await self._injection_score(text, tenant)
        except (InjectionClassifierError, TimeoutError) as exc:
            self._failures.labels("injection").inc()
            log.warning(
                "injection classifier failed",
                extra={"request_id": ctx.request_id, "error": str(exc) or type(exc).__name__},
            )
            ctx.classified = False  # unknown: kept on local backends
            return
        ctx.injection_score = round(score, 4)
        if score < self._threshold:
            return
        ctx.injection_suspected = True
        self._injections.labels(action).inc()
        skipped = self._injection_log.allow(time.monotonic())
        if skipped is not None:
            log.warning(
                "prompt injection suspected",
                extra={
                    "request_id": ctx.request_id,
                    "score": round(score, 4),
                    "not_logged_since_last": skipped,
                },
            )
        if action == "label":
            ctx.classifications.add("injection")
        elif action == "block":
            raise GatewayError(
                400,
                "The request looks like a prompt-injection attempt and this gateway's policy "
                "refuses such requests.",
                code="prompt_injection",
            )

    async def _injection_score(self, text: str, tenant: str) -> float:
        if self._injection_engine is not None:
            return await self._injection_engine.ascore(text)
        classifier = self._injection
        assert classifier is not None
        if text.isspace():
            return classifier.score(text)
        pieces = windows(text)
        keys = [TextMemo.key(tenant, piece) for piece in pieces]
        scores = [self._window_scores.get(key) for key in keys]
        todo = [i for i, known in enumerate(scores) if known is None]
        if todo:
            new = [pieces[i] for i in todo]
            work = partial(classifier.window_scores, new)
            computed = await self._off_loop_if_long(sum(map(len, new)), work)
            for i, score in zip(todo, computed, strict=True):
                scores[i] = score
                self._window_scores.put(keys[i], score)
        return max(score for score in scores if score is not None)

    async def _scan(self, texts: list[str], tenant: str) -> list[list[Finding]]:
        keys = [TextMemo.key(tenant, text) for text in texts]
        found: list[list[Finding] | None] = []
        for key in keys:
            known = self._memo.get(key)
            found.append(list(known) if known is not None else None)
        todo = [i for i, known in enumerate(found) if known is None]
        if todo:
            new = [texts[i] for i in todo]
            work = partial(_scan_all, new, self._kinds)
            scanned = await self._off_loop_if_long(sum(map(len, new)), work)
            for i, findings in zip(todo, scanned, strict=True):
                found[i] = findings
                self._memo.put(keys[i], tuple(findings))
        return [findings or [] for findings in found]

    async def _off_loop_if_long(self, size: int, work: Callable[[], T]) -> T:
        """`work` on the event loop for up to `inline_chars` of text; beyond, on a worker
        thread within the time limit (TimeoutError past it)."""
        if size <= self._inline_chars:
            return work()
        future = asyncio.get_running_loop().run_in_executor(self._pool, work)
        return await asyncio.wait_for(future, self._timeout)

    async def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._injection_engine is not None:
            await self._injection_engine.close()


def _refused(blocked: list[Finding]) -> GatewayError:
    """The 400 for values the policy blocks, naming their kinds."""
    kinds = ", ".join(sorted({finding.kind for finding in blocked}))
    return GatewayError(
        400,
        f"The request contains sensitive data ({kinds}) that this gateway's policy does not "
        "let through. Remove it and try again.",
        code="sensitive_data",
    )


def _scan_all(texts: list[str], kinds: frozenset[str] | None) -> list[list[Finding]]:
    return [scan(text, kinds) for text in texts]
