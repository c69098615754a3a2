"""``bastion cost …``: self-hosting versus API economics.

``estimate`` is a what-if calculator that needs no database; ``report`` reads the usage ledger;
``prices`` shows the price table's age and looks models up. Heavy imports happen inside the
commands so the rest of the CLI starts fast.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import orjson

from bastion.cli.database import config_option, database_url_option

if TYPE_CHECKING:
    from bastion.economics.prices import PriceBook

F = TypeVar("F", bound=Callable[..., Any])

_SUFFIXES = {"K": Decimal(10**3), "M": Decimal(10**6), "B": Decimal(10**9), "G": Decimal(10**9)}
# A quadrillion tokens a day is far beyond any deployment; above it the arithmetic and the
# figures printed stop making sense (and past float's range, fail).
_MAX_TOKENS_PER_DAY = Decimal(10**15)


def _volumes(_ctx: click.Context, param: click.Parameter, value: str) -> tuple[Decimal, ...]:
    """A daily token count such as 50M, 1.5B or 2e6, or a range written LOW..HIGH."""
    parts = value.split("..")
    if len(parts) > 2:
        raise click.BadParameter(f"{value!r}: write one volume or a range LOW..HIGH", param=param)
    volumes = tuple(_token_count(part.strip(), param) for part in parts)
    if len(volumes) == 2 and volumes[0] > volumes[1]:
        raise click.BadParameter(f"{value!r}: the low end is above the high end", param=param)
    return volumes


def _token_count(text: str, param: click.Parameter) -> Decimal:
    scale = _SUFFIXES.get(text[-1:].upper(), Decimal(1))
    digits = text[:-1] if text[-1:].upper() in _SUFFIXES else text
    try:
        number = Decimal(digits.replace(",", "").replace("_", "")) * scale
    except InvalidOperation:
        raise click.BadParameter(
            f"{text!r} is not a token count (e.g. 50M, 1.5B, 2000000)", param=param
        ) from None
    if not number.is_finite() or number <= 0:
        raise click.BadParameter(f"{text!r}: a token count must be positive", param=param)
    if number > _MAX_TOKENS_PER_DAY:
        raise click.BadParameter(
            f"{text!r}: at most {_MAX_TOKENS_PER_DAY:.0e} tokens a day", param=param
        )
    return number


_AGO = re.compile(r"(\d+(?:\.\d+)?)\s*([mhdw])")
_AGO_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class Moment(click.ParamType[datetime]):
    """A time: ISO 8601 (``2026-12-06``, ``2026-12-06T10:00``, ``2026-12-06 10:00:00``, with
    an offset or ``Z``; UTC without one), or that long ago: ``90m``, ``24h``, ``7d``, ``2w``."""

    name = "time"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        ago = _AGO.fullmatch(text.lower())
        if ago is not None:
            amount = float(ago.group(1))
            try:
                return datetime.now(UTC) - timedelta(**{_AGO_UNITS[ago.group(2)]: amount})
            except OverflowError:  # before the year 1
                self.fail(f"{text!r} is further back than the calendar goes", param, ctx)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.fail(
                f"{text!r} is not a time: write 2026-12-06, 2026-12-06T10:00, "
                "2026-12-06 10:00:30, 2026-12-06T10:00+02:00, or how long ago: 90m, 24h, 7d, 2w",
                param,
                ctx,
            )
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _money(*decls: str, **kwargs: Any) -> Callable[[F], F]:
    """A non-negative amount, handed to the command as an exact Decimal."""
    return click.option(*decls, type=click.FloatRange(min=0), callback=_to_decimal, **kwargs)


def _to_decimal(_ctx: click.Context, _param: click.Parameter, value: float | None) -> Any:
    # Through repr, so that 2.5 stays exactly 2.5 in the arithmetic.
    return None if value is None else Decimal(repr(value))


def _json_option(command: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(
        command
    )


def _overrides_option(command: F) -> F:
    return click.option(
        "--price-overrides",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help="YAML file of API prices that take precedence over the bundled table.",
    )(command)


@click.group("cost", context_settings={"help_option_names": ["-h", "--help"]})
def cost_group() -> None:
    """Self-hosting versus API costs: what-if estimates, measured reports and price lookups."""


@cost_group.command("estimate")
@click.option(
    "--tokens-per-day",
    "volumes",
    required=True,
    metavar="TOKENS",
    callback=_volumes,
    help="Daily tokens (input + output): 50M, 1.5B, or a range such as 20M..80M.",
)
@click.option(
    "--input-share",
    type=click.FloatRange(0, 1),
    default=0.75,
    show_default=True,
    help="Share of all tokens that are input (prompt), cached ones included.",
)
@click.option(
    "--cached-share",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of the input tokens served from the provider's prompt cache.",
)
@click.option(
    "--api",
    "models",
    multiple=True,
    required=True,
    metavar="MODEL",
    help="API model to compare with, e.g. gpt-4o-mini or google:gemini-2.5-flash (repeatable).",
)
@_money("--gpu-hourly", help="Rented GPU, $ per GPU-hour.")
@_money("--purchase-price", help="Owned hardware, $ per replica (instead of rent).")
@click.option(
    "--gpus", type=click.IntRange(min=1), default=1, show_default=True, help="Per replica."
)
@click.option("--amortisation-months", type=click.IntRange(min=1), default=36, show_default=True)
@click.option(
    "--power-watts",
    type=click.FloatRange(min=0),
    default=0.0,
    help="Per owned replica, at the wall.",
)
@_money("--electricity-per-kwh", default=0.0, help="$ per kWh.")
@_money("--pue", default=1.0, help="Datacentre overhead factor (>= 1).")
@_money("--hours-per-month", default=730.0, help="Hours in a month [730].")
@click.option("--replicas", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--spare-replicas", type=click.IntRange(min=0), default=0, show_default=True)
@_money("--engineering-fte", default=0.0, help="Share of an engineer's time.")
@_money("--fte-monthly", default=0.0, help="Fully loaded $ per engineer-month.")
@_money("--setup-cost", default=0.0, help="One-time $, amortised.")
@click.option("--setup-months", type=click.IntRange(min=1), default=12, show_default=True)
@_money("--model-updates-per-year", default=0.0)
@_money("--days-per-update", default=0.0, help="Engineering days per update.")
@_money("--engineer-daily-cost", default=0.0, help="$ per engineering day.")
@click.option(
    "--max-tokens-per-second",
    type=click.FloatRange(min=0, min_open=True),
    help="Declared capacity of one replica, input + output tokens/s.",
)
@click.option(
    "--max-concurrency", type=click.IntRange(min=1), help="Concurrent request slots per replica."
)
@click.option(
    "--target-utilisation",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.7,
    show_default=True,
    help="Share of capacity planned to be used.",
)
@click.option(
    "--bench-result",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Capacity of one replica as measured by bastion bench run --out FILE (instead of "
    "--max-tokens-per-second).",
)
@click.option(
    "--prompt-tokens",
    type=click.IntRange(min=1),
    help="Input tokens of a request: prices with tiers by prompt length use that tier.",
)
@_money("--markup", help="Chargeback: price = cost x (1 + markup).")
@_money("--gross-margin", help="Chargeback: price = cost / (1 - margin).")
@click.option(
    "--on",
    "price_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Price the APIs as on this date [today].",
)
@_overrides_option
@_json_option
def estimate_command(**options: Any) -> None:
    """What-if: a daily volume and mix, self-hosted and on API models, and the break-even.

    \b
    Example:
      bastion cost estimate --tokens-per-day 50M --input-share 0.75 \\
        --api gpt-4o-mini --api google:gemini-2.5-flash \\
        --gpu-hourly 2.5 --engineering-fte 0.1 --fte-monthly 15000
    """
    from pydantic import ValidationError

    from bastion.config.economics import TcoConfig
    from bastion.economics.apicost import TokenMix
    from bastion.economics.chargeback import Margin
    from bastion.economics.estimate import estimate
    from bastion.economics.prices import PriceNotFoundError
    from bastion.economics.render import estimate_lines, join
    from bastion.economics.serialize import estimate_dict

    if options["markup"] is not None and options["gross_margin"] is not None:
        raise click.UsageError("give --markup or --gross-margin, not both")
    try:
        tco = TcoConfig(
            gpus=options["gpus"],
            gpu_hourly=options["gpu_hourly"],
            purchase_price=options["purchase_price"],
            amortisation_months=options["amortisation_months"],
            power_watts=options["power_watts"],
            electricity_per_kwh=options["electricity_per_kwh"],
            pue=options["pue"],
            hours_per_month=options["hours_per_month"],
            replicas=options["replicas"],
            spare_replicas=options["spare_replicas"],
            engineering_fte=options["engineering_fte"],
            fte_monthly_cost=options["fte_monthly"],
            setup_cost=options["setup_cost"],
            setup_amortisation_months=options["setup_months"],
            model_updates_per_year=options["model_updates_per_year"],
            engineering_days_per_update=options["days_per_update"],
            engineering_daily_cost=options["engineer_daily_cost"],
            max_tokens_per_second=options["max_tokens_per_second"],
            max_concurrency=options["max_concurrency"],
            target_utilisation=options["target_utilisation"],
        )
        margin = (
            Margin("gross_margin", options["gross_margin"])
            if options["gross_margin"] is not None
            else Margin("markup", options["markup"] or Decimal(0))
        )
    except (ValidationError, ValueError) as exc:
        raise click.UsageError(_first_problem(exc)) from None
    on = options["price_date"].date() if options["price_date"] else datetime.now(UTC).date()
    capacity = (
        _bench_capacity(options["bench_result"], options["target_utilisation"])
        if options["bench_result"]
        else None
    )
    try:
        result = estimate(
            volumes=options["volumes"],
            mix=TokenMix(
                Decimal(repr(options["input_share"])), Decimal(repr(options["cached_share"]))
            ),
            models=options["models"],
            tco_config=tco,
            margin=margin,
            prices=_price_book(options["price_overrides"]),
            on=on,
            prompt_tokens=options["prompt_tokens"],
            capacity=capacity,
        )
        text = (
            _json_text(estimate_dict(result))
            if options["as_json"]
            else join(estimate_lines(result))
        )
    except PriceNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except (OverflowError, InvalidOperation):  # amounts beyond what can be computed or printed
        raise click.UsageError("the figures given are too large to compute with") from None
    click.echo(text)


@cost_group.command("report")
@config_option
@database_url_option
@click.option(
    "--since",
    type=Moment(),
    help="Window start: 2026-12-06, 2026-12-06T10:00 (UTC unless an offset is given), or how "
    "long ago: 24h, 7d. Widened to the hour.",
)
@click.option(
    "--until",
    type=Moment(),
    help="Window end, widened to the hour [now: the current hour is included, marked partial].",
)
@click.option(
    "--days",
    type=click.FloatRange(min=0, min_open=True),
    help="Window length when --since is not given [30].",
)
@_json_option
def report_command(
    *,
    config_path: Path | None,
    database_url: str | None,
    since: datetime | None,
    until: datetime | None,
    days: float | None,
    as_json: bool,
) -> None:
    """Measured utilisation, self-hosted cost and the same traffic on API models.

    Reads the usage ledger in the database the gateway uses: --database-url, else the
    configuration's database.url, else the embedded default (bastion-data/bastion.db, relative
    to the directory the gateway runs in, as for the gateway itself).

    \b
    Examples:
      bastion cost report                          # the last 30 days, up to now
      bastion cost report --since 24h --json
      bastion cost report --config bastion.yaml --since 2026-12-01 --until 2026-12-06
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from bastion.cli.database import settings
    from bastion.economics.overrides import PriceOverrideError
    from bastion.economics.render import join, report_lines
    from bastion.economics.serialize import report_dict
    from bastion.economics.service import cost_report
    from bastion.economics.window import WindowError
    from bastion.store.engine import create_engines, sqlite_path
    from bastion.store.errors import InvalidInputError

    if since is not None and days is not None:
        raise click.UsageError("give --since or --days, not both")
    chosen = settings(config_path, database_url)
    try:
        url = make_url(chosen.url)
    except ArgumentError:
        raise click.ClickException(f"not a database URL: {chosen.url!r}") from None
    database = sqlite_path(url) if url.get_backend_name() == "sqlite" else None
    if database is not None and not database.exists():
        raise click.ClickException(
            f"no database at {database}: the gateway creates it when it starts. Run this in the "
            "directory the gateway runs in, or name its database with --config or --database-url."
        )

    async def run() -> Any:
        engine = create_engines(chosen.url).read
        try:
            return await cost_report(engine, chosen.config, since=since, until=until, days=days)
        finally:
            await engine.dispose()

    try:
        report = asyncio.run(run())
    except WindowError as exc:  # the bounds given make no window: the user's to fix
        raise click.UsageError(str(exc)) from None
    except (PriceOverrideError, InvalidInputError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    except (SQLAlchemyError, OSError) as exc:
        raise click.ClickException(
            f"cannot read the usage ledger ({type(exc).__name__}); the gateway creates its "
            "tables when it starts"
        ) from None
    if as_json:
        _emit_json(report_dict(report))
    else:
        click.echo(join(report_lines(report)))


@cost_group.command("prices")
@click.argument("models", nargs=-1)
@click.option(
    "--on", "price_date", type=click.DateTime(["%Y-%m-%d"]), help="Prices on this date [today]."
)
@_overrides_option
@_json_option
def prices_command(
    models: tuple[str, ...],
    price_date: datetime | None,
    price_overrides: Path | None,
    as_json: bool,
) -> None:
    """The price table's age and source, and the prices of MODELS (model or provider:model)."""
    from bastion.economics.prices import PriceNotFoundError
    from bastion.economics.render import join, quote_lines, table_lines
    from bastion.economics.serialize import quote_dict, table_dict
    from bastion.economics.snapshot import table_info

    today = datetime.now(UTC).date()
    on = price_date.date() if price_date else today
    book = _price_book(price_overrides)
    try:
        quotes = [book.quote(model, on) for model in models]
    except PriceNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        _emit_json(
            {
                "price_table": table_dict(table_info(), today),
                "price_overrides": book.overrides_source,
                "prices": [quote_dict(q) for q in quotes],
            }
        )
        return
    lines = table_lines(table_info(), today)
    if book.overrides_source:
        lines.append(f"Price overrides: {book.overrides_source} (they take precedence)")
    for quote in quotes:
        lines += quote_lines(quote)
    click.echo(join(lines))


def _bench_capacity(path: Path, target_utilisation: float) -> Any:
    """The capacity a ``bastion bench run --out`` file measured, as one replica's."""
    import json

    from bastion.economics.capacity import Capacity

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        measured = document["capacity"]
        total = float(measured["total_tokens_per_second"])
        output = float(measured["output_tokens_per_second"])
    except (OSError, ValueError, KeyError, TypeError):
        raise click.UsageError(
            f"--bench-result {path}: not a bastion bench result with a measured capacity"
        ) from None
    if total <= 0:
        raise click.UsageError(f"--bench-result {path}: the run measured no throughput")
    return Capacity(
        total,
        target_utilisation,
        "bench",
        f"bench run {document.get('id')} ({path.name}) at {measured.get('shape')}, taken as one "
        "replica",
        output_tokens_per_second=output,
    )


def _price_book(path: Path | None) -> PriceBook:
    from bastion.economics.overrides import PriceOverrideError, load_overrides
    from bastion.economics.prices import PriceBook

    if path is None:
        return PriceBook()
    try:
        return PriceBook(load_overrides(path))
    except PriceOverrideError as exc:
        raise click.ClickException(str(exc)) from None


def _first_problem(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    return str(exc)


def _json_text(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


def _emit_json(data: Any) -> None:
    click.echo(_json_text(data))
