"""The judge: both orders, position bias, unreadable verdicts, and its requests on the wire."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import AsyncIterator, Callable, Mapping
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp import web

from bastion.evaluation.judge import (
    PAIRWISE_PROMPT_VERSION,
    Judge,
    JudgeRequest,
    JudgeTransportError,
    SenderJudgeTransport,
    combine_orders,
    parse_pairwise,
    parse_score,
    prompt_sha256,
    render_conversation,
)
from bastion.evaluation.model import Answer, EvalItem, ToolCall
from bastion.evaluation.stats import win_tie_loss
from bastion.evaluation.transport import HttpTransport

ITEM = EvalItem(
    id="q1",
    protocol="openai",
    request={
        "model": "x",
        "messages": [
            {"role": "system", "content": "Answer briefly."},
            {"role": "user", "content": "What is 2 + 2?"},
        ],
    },
)


def answer(target: str, text: str | None, *, error: str | None = None) -> Answer:
    return Answer(target=target, status=503 if error else 200, text=text, error=error)


class Scripted:
    """A judge that answers by a rule over the two answers it is shown."""

    def __init__(self, decide: Callable[[str, str], str]) -> None:
        self.decide = decide
        self.requests: list[JudgeRequest] = []

    async def complete(self, request: JudgeRequest) -> str:
        self.requests.append(request)
        user = request.messages[-1]["content"]
        first = user.split("[Answer A]\n", 1)[1].split("\n[End of answer A]", 1)[0]
        second = user.split("[Answer B]\n", 1)[1].split("\n[End of answer B]", 1)[0]
        return self.decide(first, second)


def always_first(first: str, second: str) -> str:
    return "The first answer is better.\nVERDICT: A"


def prefers_four(first: str, second: str) -> str:
    if "4" in first and "4" not in second:
        return "A is right.\nVERDICT: A"
    if "4" in second and "4" not in first:
        return "B is right.\nVERDICT: B"
    return "Same.\nVERDICT: TIE"


# --- pairwise ------------------------------------------------------------------------------------


async def test_a_judge_that_always_prefers_the_first_answer_gives_only_ties() -> None:
    judge = Judge(Scripted(always_first), "local/judge")
    verdicts = [
        await judge.compare(
            EvalItem(id=f"q{n}", protocol="openai", request=ITEM.request),
            answer("cand", f"candidate answer {n}"),
            answer("base", f"baseline answer {n}"),
        )
        for n in range(12)
    ]

    assert {v.winner for v in verdicts} == {"tie"}
    assert {v.orders for v in verdicts} == {("A", "A")}
    wtl = win_tie_loss(verdicts, "cand", "base")
    assert (wtl.wins, wtl.ties, wtl.losses, wtl.order_flips) == (0, 12, 0, 12)


async def test_both_orders_are_asked_and_a_consistent_preference_wins() -> None:
    transport = Scripted(prefers_four)
    judge = Judge(transport, "local/judge")

    win = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))
    loss = await judge.compare(ITEM, answer("cand", "five"), answer("base", "It is 4."))
    tie = await judge.compare(ITEM, answer("cand", "4"), answer("base", "four, 4"))

    assert (win.winner, win.orders) == ("candidate", ("A", "B"))
    assert (loss.winner, loss.orders) == ("baseline", ("B", "A"))
    assert (tie.winner, tie.orders) == ("tie", ("tie", "tie"))
    # The candidate's answer first, then the baseline's first.
    first, second = transport.requests[0], transport.requests[1]
    assert "[Answer A]\n4\n" in first.messages[1]["content"]
    assert "[Answer A]\n5\n" in second.messages[1]["content"]
    assert "What is 2 + 2?" in first.messages[1]["content"]
    assert first.model == "local/judge"
    assert first.params["temperature"] == 0


async def test_the_verdict_records_the_judge_model_and_prompt_hash() -> None:
    judge = Judge(Scripted(prefers_four), "local/judge")
    verdict = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))

    assert verdict.judge_model == "local/judge"
    assert verdict.judge_prompt_sha256 == judge.prompt_sha256 == prompt_sha256("pairwise")
    assert len(verdict.judge_prompt_sha256) == 64
    assert verdict.mode == "pairwise"
    assert "candidate shown first: A is right." in verdict.rationale
    # The hash covers the version and both templates.
    from bastion.evaluation import judge as module

    expected = hashlib.sha256(
        "\x00".join(
            [PAIRWISE_PROMPT_VERSION, module.PAIRWISE_SYSTEM, module.PAIRWISE_USER]
        ).encode()
    ).hexdigest()
    assert verdict.judge_prompt_sha256 == expected


@pytest.mark.parametrize(
    "reply",
    ["", "   ", "I cannot decide.", "VERDICT: maybe", "A and B are both fine", "{not json"],
)
async def test_a_malformed_verdict_is_recorded_and_counts_as_a_tie(reply: str) -> None:
    judge = Judge(Scripted(lambda first, second: reply), "local/judge")
    verdict = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))

    assert verdict.winner == "tie"
    assert verdict.orders == ("malformed", "malformed")
    assert win_tie_loss([verdict], "cand", "base").judge_failures == 1


async def test_one_malformed_order_makes_a_tie() -> None:
    replies = iter(["VERDICT: A", "no idea"])
    judge = Judge(Scripted(lambda first, second: next(replies)), "local/judge")
    verdict = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))
    assert (verdict.winner, verdict.orders) == ("tie", ("A", "malformed"))


async def test_a_failed_judge_request_is_an_error_tie_not_an_exception() -> None:
    class Failing:
        async def complete(self, request: JudgeRequest) -> str:
            raise JudgeTransportError("judge answered HTTP 503: overloaded")

    verdict = await Judge(Failing(), "local/judge").compare(
        ITEM, answer("cand", "4"), answer("base", "5")
    )
    assert (verdict.winner, verdict.orders) == ("tie", ("error", "error"))
    assert "HTTP 503" in verdict.rationale


async def test_a_missing_answer_loses_without_asking_the_judge() -> None:
    transport = Scripted(always_first)
    judge = Judge(transport, "local/judge")

    lost = await judge.compare(ITEM, answer("cand", None, error="HTTP 500"), answer("base", "4"))
    won = await judge.compare(ITEM, answer("cand", "4"), answer("base", None, error="timeout"))
    neither = await judge.compare(ITEM, answer("cand", None, error="x"), answer("base", None))

    assert (lost.winner, won.winner, neither.winner) == ("baseline", "candidate", "tie")
    assert lost.orders == ("skipped", "skipped")
    assert "HTTP 500" in lost.rationale
    assert transport.requests == []


async def test_tool_calls_are_shown_to_the_judge() -> None:
    transport = Scripted(always_first)
    call = Answer(
        target="cand",
        status=200,
        text="",
        tool_calls=(ToolCall("get_weather", '{"city": "Paris"}'),),
    )
    await Judge(transport, "j").compare(ITEM, call, answer("base", "It rains."))
    assert (
        '[tool call get_weather({"city": "Paris"})]' in transport.requests[0].messages[1]["content"]
    )


async def test_compare_all_keeps_the_input_order() -> None:
    judge = Judge(Scripted(prefers_four), "j")
    pairs = [
        (
            EvalItem(id=f"q{n}", protocol="openai", request=ITEM.request),
            answer("c", c),
            answer("b", b),
        )
        for n, (c, b) in enumerate([("4", "5"), ("5", "4"), ("4", "4")])
    ]
    verdicts = await judge.compare_all(pairs, concurrency=2)
    assert [(v.item_id, v.winner) for v in verdicts] == [
        ("q0", "candidate"),
        ("q1", "baseline"),
        ("q2", "tie"),
    ]


# --- rubric --------------------------------------------------------------------------------------


async def test_rubric_mode_scores_each_answer_and_the_higher_wins() -> None:
    class Scorer:
        def __init__(self) -> None:
            self.requests: list[JudgeRequest] = []

        async def complete(self, request: JudgeRequest) -> str:
            self.requests.append(request)
            shown = request.messages[1]["content"].split("[Answer]\n", 1)[1]
            return "Correct.\nSCORE: 5" if shown.startswith("4") else "Wrong.\nSCORE: 2"

    transport = Scorer()
    judge = Judge(transport, "j", mode="rubric", rubric="The answer is the right number.")
    verdict = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))

    assert (verdict.winner, verdict.mode, verdict.scores) == ("candidate", "rubric", (5, 2))
    assert verdict.orders == ("5", "2")
    assert "The answer is the right number." in transport.requests[0].messages[0]["content"]
    assert verdict.judge_prompt_sha256 == prompt_sha256("rubric", "The answer is the right number.")
    assert verdict.judge_prompt_sha256 != prompt_sha256("rubric")


async def test_rubric_with_an_unreadable_score_is_a_tie() -> None:
    class Odd:
        async def complete(self, request: JudgeRequest) -> str:
            return "SCORE: 9"

    judge = Judge(Odd(), "j", mode="rubric")
    verdict = await judge.compare(ITEM, answer("cand", "4"), answer("base", "5"))
    assert (verdict.winner, verdict.scores, verdict.orders) == (
        "tie",
        (None, None),
        ("malformed", "malformed"),
    )


def test_a_rubric_needs_the_rubric_mode() -> None:
    with pytest.raises(ValueError, match="rubric mode"):
        Judge(Scripted(always_first), "j", rubric="x")
    with pytest.raises(ValueError, match="unknown judge mode"):
        Judge(Scripted(always_first), "j", mode="ranking")  # type: ignore[arg-type]


# --- parsing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reasoning.\nVERDICT: A", "A"),
        ("verdict: b", "B"),
        ("**Verdict:** **B**", "B"),
        ("VERDICT: [A]", "A"),
        ("Verdict = TIE", "tie"),
        ("VERDICT: Answer B", "B"),
        ("First VERDICT: A, on reflection VERDICT: B", "B"),
        ('{"verdict": "A", "reason": "correct"}', "A"),
        ('```json\n{"winner": "tie"}\n```', "tie"),
        ("After comparing: [[B]]", "B"),
        ("[[C]]", "tie"),
        ("A", "A"),
        ("  b.  ", "B"),
        ("**Tie**", "tie"),
        ("Answer A", "A"),
        ("", None),
        ("Both have merits and flaws.", None),
        ("VERDICT: C-", None),
    ],
)
def test_parse_pairwise(text: str, expected: str | None) -> None:
    assert parse_pairwise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good.\nSCORE: 4", 4),
        ("score = 5", 5),
        ("**Score:** 3/5", 3),
        ('{"score": 2}', 2),
        ("I give it 4/5.", 4),
        ("1", 1),
        ("SCORE: 4.0", 4),
        ("SCORE: 4.5", None),
        ("SCORE: 0", None),
        ("SCORE: 6", None),
        ("excellent", None),
        (None, None),
    ],
)
def test_parse_score(text: str | None, expected: int | None) -> None:
    assert parse_score(text) == expected


def test_combine_orders() -> None:
    assert combine_orders("A", "B") == "candidate"
    assert combine_orders("B", "A") == "baseline"
    assert combine_orders("A", "A") == "tie"  # always the first
    assert combine_orders("B", "B") == "tie"  # always the second
    assert combine_orders("A", "tie") == "tie"
    assert combine_orders("malformed", "B") == "tie"


def test_the_conversation_as_the_judge_sees_it() -> None:
    item = EvalItem(
        id="m",
        protocol="anthropic",
        request={
            "system": "Be terse.",
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "Weather?"}]},
                {
                    "role": "assistant",
                    "content": [{"type": "tool_use", "name": "weather", "input": {"c": "P"}}],
                },
                {"role": "user", "content": [{"type": "image", "source": {}}]},
            ],
            "tools": [{"name": "weather", "input_schema": {}}],
        },
    )
    text = render_conversation(item)
    assert text.splitlines() == [
        "system: Be terse.",
        "user: Weather?",
        'assistant: [tool call weather({"c": "P"})]',
        "user: [image]",
        "(tools offered: weather)",
    ]


# --- the gateway transport -----------------------------------------------------------------------


@contextlib.asynccontextmanager
async def over_http(url: str, key: str, **settings: Any) -> AsyncIterator[SenderJudgeTransport]:
    """The judge asking a running gateway over HTTP, as the CLI does."""
    http = HttpTransport(url)
    try:
        yield SenderJudgeTransport(http, key, **settings)
    finally:
        await http.close()


@pytest.fixture
async def gateway() -> AsyncIterator[tuple[str, list[dict[str, Any]], list[web.Response]]]:
    """A stand-in gateway: records requests and answers from a queue (default 200 VERDICT: A)."""
    seen: list[dict[str, Any]] = []
    queue: list[web.Response] = []

    async def completions(request: web.Request) -> web.Response:
        seen.append({"headers": dict(request.headers), "body": await request.json()})
        if queue:
            return queue.pop(0)
        body = {"choices": [{"message": {"role": "assistant", "content": "VERDICT: A"}}]}
        return web.json_response(body)

    app = web.Application()
    app.router.add_post("/v1/chat/completions", completions)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/", seen, queue
    await runner.cleanup()


async def test_judge_requests_go_through_the_gateway_marked_as_evaluation(
    gateway: tuple[str, list[dict[str, Any]], list[web.Response]],
) -> None:
    url, seen, _ = gateway
    item = EvalItem(
        id="p", protocol="openai", request=ITEM.request, classifications=frozenset({"pii", "phi"})
    )
    async with over_http(url, "bst_test_key") as transport:
        verdict = await Judge(transport, "local/judge").compare(
            item, answer("cand", "4"), answer("base", "5")
        )

    assert verdict.orders == ("A", "A")
    assert len(seen) == 2
    headers = {k.lower(): v for k, v in seen[0]["headers"].items()}
    assert headers["authorization"] == "Bearer bst_test_key"
    assert headers["x-bastion-purpose"] == "evaluation"
    assert headers["x-bastion-data-classification"] == "phi,pii"
    body = seen[0]["body"]
    assert body["model"] == "local/judge"
    assert body["temperature"] == 0
    assert body["stream"] is False
    assert [m["role"] for m in body["messages"]] == ["system", "user"]


async def test_the_transport_retries_overload_and_reports_other_errors(
    gateway: tuple[str, list[dict[str, Any]], list[web.Response]],
) -> None:
    url, seen, queue = gateway
    queue.append(
        web.json_response({"error": {"message": "busy"}}, status=503, headers={"Retry-After": "0"})
    )
    async with over_http(url, "k") as transport:
        text = await transport.complete(JudgeRequest("j", ({"role": "user", "content": "hi"},)))
        assert text == "VERDICT: A"
        assert len(seen) == 2

        queue.append(web.json_response({"error": {"message": "no such model"}}, status=404))
        with pytest.raises(JudgeTransportError, match="HTTP 404: no such model"):
            await transport.complete(JudgeRequest("j", ({"role": "user", "content": "hi"},)))

        queue.append(web.Response(text="not json", content_type="text/plain"))
        with pytest.raises(JudgeTransportError, match="not a chat completion"):
            await transport.complete(JudgeRequest("j", ({"role": "user", "content": "hi"},)))

        queue.append(web.json_response({"choices": [{"message": {"content": None}}]}))
        assert await transport.complete(JudgeRequest("j", ())) == ""


async def test_a_judge_behind_a_failing_gateway_gives_error_ties(
    gateway: tuple[str, list[dict[str, Any]], list[web.Response]],
) -> None:
    url, _, queue = gateway
    for _ in range(2):
        queue.append(web.json_response({"error": {"message": "bad key"}}, status=401))
    async with over_http(url, "wrong", retries=0) as transport:
        verdict = await Judge(transport, "j").compare(ITEM, answer("c", "4"), answer("b", "5"))
    assert (verdict.winner, verdict.orders) == ("tie", ("error", "error"))
    assert "HTTP 401" in verdict.rationale


class FakeSender:
    """The runner's transport shape: request() yields a reply with status, headers, chunks."""

    def __init__(self, replies: list[tuple[int, bytes] | Exception]) -> None:
        self.replies = replies
        self.calls: list[tuple[str, str, dict[str, str], bytes | None, float]] = []

    @contextlib.asynccontextmanager
    async def request(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes | None = None,
        *,
        timeout: float,
    ) -> AsyncIterator[Any]:
        self.calls.append((method, path, dict(headers), body, timeout))
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        status, payload = reply

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(payload), 7):
                yield payload[start : start + 7]

        yield SimpleNamespace(status=status, headers={"retry-after": "0"}, chunks=chunks())


async def test_the_judge_can_use_the_runners_transport() -> None:
    answer_body = json.dumps(
        {"choices": [{"message": {"role": "assistant", "content": "VERDICT: B"}}]}
    ).encode()
    sender = FakeSender([(503, b'{"error": {"message": "busy"}}'), (200, answer_body)] * 2)
    transport = SenderJudgeTransport(sender, "bst_key", timeout=60)
    verdict = await Judge(transport, "local/judge").compare(
        EvalItem(
            id="c", protocol="openai", request=ITEM.request, classifications=frozenset({"pii"})
        ),
        answer("cand", "4"),
        answer("base", "5"),
    )

    assert verdict.orders == ("B", "B")
    method, path, headers, body, timeout = sender.calls[0]
    assert (method, path, timeout) == ("POST", "/v1/chat/completions", 60)
    assert headers["x-bastion-purpose"] == "evaluation"
    assert headers["authorization"] == "Bearer bst_key"
    assert headers["x-bastion-data-classification"] == "pii"
    assert json.loads(body or b"")["model"] == "local/judge"


async def test_a_broken_exchange_is_retried_then_an_error_without_the_key() -> None:
    class Broken(Exception):
        pass

    sender = FakeSender([Broken("reset by peer\nheaders: authorization=Bearer bst_key")] * 3)
    transport = SenderJudgeTransport(sender, "bst_key", retries=0)
    with pytest.raises(JudgeTransportError) as caught:
        await transport.complete(JudgeRequest("j", ({"role": "user", "content": "x"},)))
    assert str(caught.value) == "judge request failed: Broken: reset by peer"
    assert len(sender.calls) == 1
