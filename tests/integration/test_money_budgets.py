"""Budgets in US dollars, priced from the economics section, through the official SDK."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import openai
import pytest

from tests.conftest import GatewayFactory
from tests.integration.test_admission import make_key


def cloud(url: str, model: str) -> dict[str, Any]:
    """A simulator posing as an external API that serves ``model``."""
    return {"kind": "openai-compatible", "location": "external", "base_url": url,
            "models": [model], "health": {"enabled": False}}  # fmt: skip


def ask(url: str, secret: str, model: str) -> Any:
    api = openai.OpenAI(base_url=url + "/v1", api_key=secret, max_retries=0)
    return api.chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": "hi"}], max_tokens=100
    )


def test_a_daily_budget_in_dollars_runs_out(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    url = sim_backend(model="gpt-4o-mini", output_len_min=100, output_len_max=100)
    # gpt-4o-mini: $0.15/M input, $0.60/M output. A call reserves ~65 micro-dollars (a small
    # prompt plus 100 output tokens) and costs ~61; $0.0002 pays for three.
    gateway = start_gateway(
        {"cloud": cloud(url, "gpt-4o-mini")},
        admission={"tenants": {"acme": {"usd_per_day": 0.0002}}},
    )
    _, secret = make_key(gateway, "acme")
    for _ in range(3):
        assert ask(gateway.url, secret, "gpt-4o-mini").http_response.status_code == 200
    with pytest.raises(openai.RateLimitError) as refused:
        ask(gateway.url, secret, "gpt-4o-mini")
    assert "Budget reached for tenant acme: 0.0002 US dollars per day" in refused.value.message
    assert refused.value.code == "budget_exceeded"
    assert int(refused.value.response.headers["retry-after"]) >= 1
    _, other = make_key(gateway, "globex")
    assert ask(gateway.url, other, "gpt-4o-mini").http_response.status_code == 200
    refusals = gateway.metric(
        "bastion_admission_refusals_total", scope="tenant", limit="usd per day"
    )
    assert refusals == 1


def test_a_budgeted_tenant_cannot_use_a_model_without_a_price(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    url = sim_backend(model="in-house-7b")
    gateway = start_gateway(
        {"cloud": cloud(url, "in-house-7b")},
        admission={"tenants": {"acme": {"usd_per_month": 100}}},
    )
    _, secret = make_key(gateway, "acme")
    with pytest.raises(openai.PermissionDeniedError) as refused:
        ask(gateway.url, secret, "in-house-7b")
    assert refused.value.code == "unpriced_model"
    assert "no price is known for model 'in-house-7b'" in refused.value.message
    _, unbudgeted = make_key(gateway, "globex")
    assert ask(gateway.url, unbudgeted, "in-house-7b").http_response.status_code == 200


def test_the_embedded_simulator_serves_a_tenant_with_a_dollar_budget(
    start_gateway: GatewayFactory,
) -> None:
    """The README's first steps: no configuration, so the simulator serves, and a tenant with
    ``usd_per_day`` set (``bastion tenants limits acme --set usd_per_day=50``) is served."""
    gateway = start_gateway()  # no backends: the embedded default, the simulator
    assert gateway.gateway.report.embedded
    _, secret = make_key(gateway, "acme", tenant_limits={"usd_per_day": 50})
    assert ask(gateway.url, secret, "bastion-sim").http_response.status_code == 200


def test_self_hosted_tokens_count_at_the_chargeback_rate(
    start_gateway: GatewayFactory, sim_backend: Callable[..., str]
) -> None:
    url = sim_backend(output_len_min=100, output_len_max=100)
    # $73 a month over 1 token/s x 3,600 s x 730 h: about $27.78 per million tokens, so a
    # call reserving ~125 tokens costs ~$0.0035 and $0.005 pays for one.
    local = {"kind": "openai-compatible", "location": "local", "base_url": url,
             "models": ["bastion-sim"]}  # fmt: skip
    tco = {"gpu_hourly": 0.1, "max_tokens_per_second": 1, "target_utilisation": 1}
    gateway = start_gateway(
        {"gpu": local},
        admission={"key_default": {"usd_per_day": 0.005}},
        economics={"tco": {"gpu": tco}},
    )
    _, secret = make_key(gateway, "acme")
    assert ask(gateway.url, secret, "bastion-sim").http_response.status_code == 200
    with pytest.raises(openai.RateLimitError) as refused:
        ask(gateway.url, secret, "bastion-sim")
    assert "US dollars per day" in refused.value.message


def test_answers_of_a_paid_fallback_are_charged_to_the_budget(
    start_gateway: GatewayFactory,
    sim_backend: Callable[..., str],
    scripted: tuple[Any, str],
) -> None:
    """An endpoint served by a free self-hosted backend that fails over to a paid API: each
    answer the API gives is charged at its price, and the reservation is priced there too, so
    the budget runs out as if the API had been called directly."""
    _, failing = scripted  # its model "fail-500" answers 500: the primary is down
    url = sim_backend(model="gpt-4o-mini", output_len_min=100, output_len_max=100)
    local = {"kind": "openai-compatible", "location": "local", "base_url": failing + "/v1",
             "models": ["*"], "health": {"enabled": False}}  # fmt: skip
    gateway = start_gateway(
        {"gpu": local, "cloud": cloud(url, "gpt-4o-mini")},
        endpoints={
            "support": {
                "versions": {
                    "1": {
                        "backend": "gpu",
                        "model": "fail-500",
                        "fallbacks": [{"backend": "cloud", "model": "gpt-4o-mini"}],
                    }
                }
            }
        },
        admission={"tenants": {"acme": {"usd_per_day": 0.0002}}},
    )
    _, secret = make_key(gateway, "acme")
    # As in the first test: three answers of the API fit in $0.0002, a fourth does not.
    for _ in range(3):
        answer = ask(gateway.url, secret, "support@1")
        assert answer.http_response.status_code == 200
        assert answer.headers["x-bastion-backend"] == "cloud"
    with pytest.raises(openai.RateLimitError) as refused:
        ask(gateway.url, secret, "support@1")
    assert refused.value.code == "budget_exceeded"
    with pytest.raises(openai.RateLimitError):
        ask(gateway.url, secret, "cloud/gpt-4o-mini")  # the API directly: the same budget
