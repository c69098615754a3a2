"""Keys of the providers the hand-written recognizers do not cover, by detect-secrets' plugins.

detect-secrets keeps patterns for many providers' credentials (Azure storage, GitLab, PyPI,
SendGrid, Twilio, Mailchimp, Square, Telegram, Discord, Artifactory). Their regular expressions
are used as the plugins define them; this module only says, per plugin, which literal text must
be present before its patterns run, which group of a match is the secret, and what kind the
finding gets. Every pattern used here runs in linear time; a text without a run of 20 token
characters runs none of them. The plugins whose patterns backtrack on runs of spaces or
slashes (IBM Cloud, IBM COS, SoftLayer, Cloudant: a keyword, then any spacing, then the value;
npm: `//.+/:_authToken=`) are not used: a keyword-named value is found by the keyed-secret
recognizer, and npm tokens by the bounded pattern below. Azure Service Bus / Event Hubs shared
access keys and SAS signatures, which the plugins lack, are added here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from detect_secrets.plugins.artifactory import ArtifactoryDetector
from detect_secrets.plugins.azure_storage_key import AzureStorageKeyDetector
from detect_secrets.plugins.discord import DiscordBotTokenDetector
from detect_secrets.plugins.gitlab_token import GitLabTokenDetector
from detect_secrets.plugins.mailchimp import MailchimpDetector
from detect_secrets.plugins.pypi_token import PypiTokenDetector
from detect_secrets.plugins.sendgrid import SendGridDetector
from detect_secrets.plugins.square_oauth import SquareOAuthDetector
from detect_secrets.plugins.telegram_token import TelegramBotTokenDetector
from detect_secrets.plugins.twilio import TwilioKeyDetector

__all__ = ["KINDS", "find_provider_secrets"]

KINDS = frozenset({"azure_key", "api_key"})

Match = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class _Source:
    kind: str
    hints: tuple[str, ...]  # one must occur in the text (case as written); () = always run
    patterns: tuple[re.Pattern[str], ...]
    group: int = 0  # which group of a match is the secret
    label: str = ""  # a setting name the pattern takes in before the secret ("AccountKey=")


def _patterns(detector: type, *indices: int) -> tuple[re.Pattern[str], ...]:
    denylist: list[re.Pattern[str]] = list(detector.denylist)  # type: ignore[attr-defined]
    return tuple(denylist[i] for i in indices) if indices else tuple(denylist)


_SHARED_ACCESS_KEY = re.compile(r"SharedAccessKey=([A-Za-z0-9+/]{43}=)")
_NPM_TOKEN = re.compile(r"_authToken=[ \t]{0,4}(npm_[A-Za-z0-9]{36}|[A-Fa-f0-9\-]{36})(?![\w\-])")
_SAS_SIGNATURE = re.compile(r"[?&]sig=([A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})")

_SOURCES: tuple[_Source, ...] = (
    _Source("azure_key", ("AccountKey",), _patterns(AzureStorageKeyDetector), label="AccountKey="),
    _Source("azure_key", ("SharedAccessKey",), (_SHARED_ACCESS_KEY,), group=1),
    _Source("azure_key", ("sig=",), (_SAS_SIGNATURE,), group=1),
    _Source("api_key", ("gl", "GR1348941"), _patterns(GitLabTokenDetector)),
    _Source("api_key", ("_authToken",), (_NPM_TOKEN,), group=1),
    _Source("api_key", ("pypi-",), _patterns(PypiTokenDetector)),
    _Source("api_key", ("SG.",), _patterns(SendGridDetector)),
    _Source("api_key", ("AC", "SK"), _patterns(TwilioKeyDetector)),
    _Source("api_key", ("-us",), _patterns(MailchimpDetector)),
    _Source("api_key", ("sq0csp-",), _patterns(SquareOAuthDetector)),
    _Source("api_key", (":",), _patterns(TelegramBotTokenDetector)),
    _Source("api_key", ("M", "N", "O"), _patterns(DiscordBotTokenDetector)),
    # Only Artifactory's API tokens: its password pattern takes ordinary capitalised words.
    _Source("api_key", ("AKC",), _patterns(ArtifactoryDetector, 0)),
)
# Every key here is a run of at least this many token characters: prose without one is done.
_LONG_TOKEN = re.compile(r"[A-Za-z0-9_\-+/]{20}")
# Delimiters some plugin patterns take in around the key ("=" ends base64 keys: kept at the end).
_BEFORE = " \t\r\n=:\"'"
_AFTER = " \t\r\n:\"'"


def find_provider_secrets(text: str) -> Iterator[Match]:
    """(kind, start, end) of every provider key found in ``text``."""
    if _LONG_TOKEN.search(text) is None:
        return
    for source in _SOURCES:
        if not any(hint in text for hint in source.hints):
            continue
        for pattern in source.patterns:
            for m in pattern.finditer(text):
                group = source.group if source.group <= (pattern.groups or 0) else 0
                start, end = m.span(group)
                if start < 0:
                    continue
                if source.label and text.startswith(source.label, start):
                    start += len(source.label)
                while start < end and text[start] in _BEFORE:
                    start += 1
                while end > start and text[end - 1] in _AFTER:
                    end -= 1
                if end - start >= 16:
                    yield source.kind, start, end
