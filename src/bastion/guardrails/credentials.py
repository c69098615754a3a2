"""Recognizers of credentials: provider keys and tokens, private keys, connection strings with
passwords, and passwords and keys given to named settings or told in prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bastion.guardrails import provider_secrets
from bastion.guardrails import validators as v
from bastion.guardrails.scanning import (
    TRAILING_PUNCT,
    Match,
    Text,
    Trigger,
    alternatives,
    keyed,
    looks_random,
)

# --- provider keys and tokens -------------------------------------------------------------

_AWS_ACCESS = re.compile(r"(?:AKIA|ASIA)(?<![A-Za-z0-9].{4})[A-Z0-9]{16}(?![A-Za-z0-9])")
_AWS_SECRET = re.compile(
    r"(?i:aws.{0,20}?secret.{0,20}?|secret[_ \-]?access[_ \-]?key.{0,5}?)[\"'\s:=]{1,5}"
    r"([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
)
_GITHUB = re.compile(
    r"(?:gh[pousr]_(?<![A-Za-z0-9_].{4})[A-Za-z0-9]{36,251}|github_pat_(?<![A-Za-z0-9_].{11})[A-Za-z0-9_]{22,244})"
    r"(?![A-Za-z0-9_])"
)
_SLACK = re.compile(r"xox[abposr]-(?<![A-Za-z0-9\-].{5})[A-Za-z0-9\-]{10,250}(?![A-Za-z0-9\-])")
_SLACK_WEBHOOK = re.compile(
    r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{20,200}"
)
_STRIPE_WEBHOOK = re.compile(r"whsec_(?<![A-Za-z0-9_].{6})[A-Za-z0-9]{24,64}(?![A-Za-z0-9_])")
# A credential given to a named setting: AZURE_STORAGE_KEY=..., "access_token": "...",
# token=... in a log line. The value must look generated.
_KEYED_SECRET = re.compile(
    r"(?i:(?P<name>[\w.\-]{0,40}?(?:api[_\-]?key|apikey|access[_\-]?key|secret[_\-]?key"
    r"|storage[_\-]?key|account[_\-]?key|master[_\-]?key|signing[_\-]?key|subscription[_\-]?key"
    r"|token)[\w.\-]{0,20}?))[\"']?[ \t]{0,8}(?:=|:(?!//)|=>)[ \t]{0,8}[\"']?"
    r"(?P<value>[A-Za-z0-9+/_\-.~]{16,512}=*)(?![A-Za-z0-9+/_\-.~=])"
)
_KEYED_SECRET_TRIGGER = Trigger("key", "token")
_STRIPE = re.compile(r"(?:sk|rk)_live_(?<![A-Za-z0-9_].{8})[A-Za-z0-9]{16,247}(?![A-Za-z0-9_])")
_GOOGLE = re.compile(r"AIza(?<![A-Za-z0-9_\-].{4})[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])")
_ANTHROPIC = re.compile(r"sk-ant-(?<![A-Za-z0-9_\-].{7})[A-Za-z0-9_\-]{32,200}(?![A-Za-z0-9_\-])")
_OPENAI = re.compile(
    r"sk-(?<![A-Za-z0-9_\-].{3})(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,200}"
    r"(?![A-Za-z0-9_\-])"
)
_JWT = re.compile(
    r"eyJ(?<![A-Za-z0-9_\-].{3})[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9_\-]*"
    r"(?![A-Za-z0-9_\-])"
)
_BEARER = re.compile(
    r"(?i:\bbearer)[ \t]{1,8}([A-Za-z0-9\-._~+/]{16,4096}=*)(?![A-Za-z0-9\-._~+/=])"
)


_AWS_SECRET_TRIGGER = Trigger("aws", "secret")
_BEARER_TRIGGER = Trigger("bearer")


def find_provider_keys(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "akia" in low or "asia" in low:
        for m in _AWS_ACCESS.finditer(text):
            yield "aws_access_key", m.start(), m.end()
    if "secret" in low:
        for m in keyed(text, low, _AWS_SECRET_TRIGGER, _AWS_SECRET):
            if looks_random(m.group(1)):
                yield "aws_secret_key", m.start(1), m.end(1)
    if "_" in text and ("gh" in text or "github_pat_" in text):
        for m in _GITHUB.finditer(text):
            if looks_random(m.group()[4:]):
                yield "github_token", m.start(), m.end()
    if "xox" in low:
        for m in _SLACK.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 4:
                yield "slack_token", m.start(), m.end()
    if "hooks.slack.com" in low:
        for m in _SLACK_WEBHOOK.finditer(text):
            yield "slack_token", m.start(), m.end()
    if "whsec_" in low:
        for m in _STRIPE_WEBHOOK.finditer(text):
            if looks_random(m.group()[6:]):
                yield "stripe_key", m.start(), m.end()
    if "_live_" in low:
        for m in _STRIPE.finditer(text):
            if looks_random(m.group()[8:]):
                yield "stripe_key", m.start(), m.end()
    if "aiza" in low:
        for m in _GOOGLE.finditer(text):
            yield "google_api_key", m.start(), m.end()
    if "sk-" in low:
        for m in _ANTHROPIC.finditer(text):
            if looks_random(m.group()[7:], min_distinct=16):
                yield "anthropic_key", m.start(), m.end()
        for m in _OPENAI.finditer(text):
            tail = m.group()[3:]
            if looks_random(tail, min_distinct=14):
                yield "openai_key", m.start(), m.end()
    if "eyj" in low:
        for m in _JWT.finditer(text):
            if v.jwt_ok(m.group()):
                yield "jwt", m.start(), m.end()
    if "bearer" in low:
        for m in keyed(text, low, _BEARER_TRIGGER, _BEARER):
            if looks_random(m.group(1), min_distinct=8):
                yield "bearer_token", m.start(1), m.end(1)


def _in_setting_name(ch: str) -> bool:
    return ch.isalnum() or ch in "_.-"


def find_keyed_secrets(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "=" not in text and ":" not in text:
        return
    # From the start of each setting name holding "key" or "token" (AZURE_STORAGE_KEY).
    for found in keyed(text, low, _KEYED_SECRET_TRIGGER, _KEYED_SECRET, word=_in_setting_name):
        value = found.group("value")
        if not looks_random(value, min_distinct=10) or _PLACEHOLDER.match(value):
            continue
        name = found.group("name").lower()
        if "azure" in name:
            kind = "azure_key"
        elif name.rsplit("_", 1)[-1].rsplit("-", 1)[-1].rsplit(".", 1)[-1] == "token":
            kind = "bearer_token"
        else:
            kind = "api_key"
        yield kind, found.start("value"), found.end("value")


def find_other_provider_keys(t: Text) -> Iterator[Match]:
    return provider_secrets.find_provider_secrets(t.text)


# --- private keys -------------------------------------------------------------------------

_PK_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----")
_PK_BODY = re.compile(r"(?:[ \t]*\r?\n[ \t]*(?:[A-Za-z0-9+/=]{1,128}|[\w\-]+:[^\n]{0,128}))*")
_BASE64_CHAR = re.compile(r"[A-Za-z0-9+/]")


def find_private_key(t: Text) -> Iterator[Match]:
    text = t.text
    position = 0
    # Where the next END marker of each label is (-1: none after that point), so that many
    # BEGIN lines without an END do not each search the rest of the text.
    next_end: dict[str, int] = {}
    while True:
        m = _PK_BEGIN.search(text, position)
        if m is None:
            return
        end_marker = f"-----END {m.group(1)}PRIVATE KEY{m.group(2) or ''}-----"
        end_at = next_end.get(end_marker, 0)
        if 0 <= end_at < m.end():
            end_at = text.find(end_marker, m.end())
            next_end[end_marker] = end_at
        if end_at >= 0 and end_at - m.end() > 65536:
            end_at = -1  # too far to be this key's END
        if end_at >= 0:
            body = text[m.end() : end_at]
            end = end_at + len(end_marker)
        else:  # truncated: the key runs as far as its base64 lines do
            body_match = _PK_BODY.match(text, m.end())
            end = body_match.end() if body_match else m.end()
            body = text[m.end() : end]
        position = max(end, m.end())
        if len(_BASE64_CHAR.findall(body[:4096])) >= 64:
            yield "private_key", m.start(), end


# --- connection strings and passwords -----------------------------------------------------

_PLACEHOLDER = re.compile(
    r"(?i)^(?:\*+|x{3,}|\.{3,}|<[^>]*>|\$\{?[\w.\-]*\}?|\{\{[^}]*\}\}|\{[\w.\-]*\}|%\(?\w*\)?s?"
    r"|%[\w]+%|null|none|nil|true|false|undefined|redacted|\[redacted\]|secret|password"
    r"|your[_\-]?\w*|example|change[_\-]?me|placeholder|env\(.*\)|\w+\(.*)$"
)
_CONN_URI = re.compile(
    r"(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver"
    r"|oracle|cockroachdb|smtps?|ftps?|sftp|ldaps?|https?|kafka|nats|mqtts?|clickhouse|neo4j"
    r"|elasticsearch|couchdb|influxdb)(?:\+\w{1,20})?://)[^\s:/@\"'<>]{0,128}:"
    r"([^\s@/\"'<>]{1,256})@"
    r"[^\s/\"'<>?#,;]{1,255}(?:[/?][^\s\"'<>]{0,512})?"
)
_CONN_JDBC = re.compile(
    r"(?i:\bjdbc:[a-z0-9]{2,20}:)[^\s\"'<>]{0,512}?(?i:password|pwd)=([^\s;&\"'<>]{1,256})"
    r"[^\s\"'<>]{0,512}"
)
_CONN_ODBC = re.compile(
    r"(?i:\b(?:server|data[ ]source|host|driver|provider|dsn|address)[ \t]*=)[^\n\"']{0,300}?;"
    r"[ \t]*(?i:password|pwd)[ \t]*=[ \t]*([^;\n\"']{1,256})"
)
_PASSWORD = re.compile(
    r"(?i:(?P<key>password|passwd|passphrase|(?<![a-z])(?:pass|pwd|secret)(?![a-z])"
    r")[\w.\-]{0,20}?)[\"']?[ \t]{0,8}(?:=|:(?!//))[ \t]{0,8}"
    r"(?:(?P<q>[\"'])(?P<qv>[^\n\"']{1,128})(?P=q)|(?P<uv>[^\s\"',;]{4,128}))"
)
# Passwords told in a sentence: "the password is set to Xk9#mq2L", "Passwort lautet ...",
# "mot de passe : ...", "la contraseña es ...". The value must look generated (see below).
_PASSWORD_WORDS = (
    "password",
    "passwort",
    "kennwort",
    "passphrase",
    "passcode",
    "pw",
    "pwd",
    "mot de passe",
    "mdp",
    "contrase\u00f1a",
    "contrasena",
    "clave",
    "wachtwoord",
    "senha",
    "palavra-passe",
    "palavra passe",
    "parola d'ordine",
    "pin",
    "ww",
)
_PASSWORD_PROSE = re.compile(
    # German compounds name it too: "Initialpasswort", "WLAN-Kennwort"; and "the password's".
    r"(?i:(?:\b|(?<=[a-z\u00e4\u00f6\u00fc\-])(?=passwort|kennwort))(?:"
    + alternatives(_PASSWORD_WORDS)
    + r")(?:['\u2019]s)?(?![\w]))"
    r"(?i:(?:[ \t]{0,4}\([^)\n]{0,20}\))?(?:[ \t]{1,4}(?:temporary|temp|initial|new|old|one-time"
    r"|provisoire|temporaire|nouveau|provisional|temporal|nueva|nuevo|temporanea|provvisoria"
    r"|nuova|tijdelijke?|nieuwe?|provis[oó]ria|tempor[aá]ria|nova|neues?|vorl[aä]ufiges?"
    r"|tempor[aä]res?|initiales?|wifi|wlan|admin|root))?"
    # What the password opens, then a verb or a colon: "for the Wi-Fi is", "du wifi est",
    # "della VPN è", "für den Server:".
    r"(?:[ \t]{1,4}(?:for|of|on|f\u00fcr|von|vom|zum|zur|du|des|de|del|della|dello|dei|da|do"
    r"|dos|das|van|voor|pour|para)(?:[ \t]{1,4}[^\s:=\"']{1,24}){1,5}?"
    r"(?=[ \t]{0,4}(?:is|was|ist|war|lautet|est|c['\u2019]est|es|\u00e8|\u00e9|era|ficou|:)"
    r"(?![\w])))?"
    r"(?:[ \t]{1,4}(?:is|was|set|changed|reset|now|to|as|auf|lautet"
    r"|ist|wurde|est|c['\u2019]est|es|\u00e8|\u00e9|a|para|de|naar|for|f\u00fcr|pour|sera|will"
    r"|be|gesetzt|ge\u00e4ndert|ficou|fica|passa[ ]a[ ]ser|le|la)\b){0,4})"
    r"[ \t]{0,4}[:=\-]?[ \t]{0,4}[\"'\u201c\u201e\u00ab`]?"
    r"([^\s\"'`\u201d\u201c\u00bb,;]{4,64})"
)
_PASSWORD_PROSE_TRIGGER = Trigger(*_PASSWORD_WORDS)
# The word as a label set apart from its value: alone on its line with the value alone on the
# next (a form or a page copied as text), or followed by a form's dotted leader
# ("Password ........ Xk9#mq2L").
_PASSWORD_LABEL_APART = re.compile(
    r"(?i:(?:" + alternatives(_PASSWORD_WORDS) + r")(?![\w]))"
    # (One run of blanks before the colon and one after: two around an optional colon would
    # split a long run of blanks every possible way.)
    r"(?:[ \t]*(?::[ \t]*)?\r?\n[ \t]*(?P<below>[^\s\"'`]{4,64})[ \t]*(?:\r?\n|$)"
    r"|[ \t]*(?:\.{3,}|\u2026+|_{3,})[ \t]*(?P<leader>[^\s\"'`,;]{4,64}))"
)
# The password named after it in parentheses: "use Xk9#mq2L (password) to sign in".
_PASSWORD_BEFORE_PAREN = re.compile(r"(?<![^\s\"'(])([^\s\"'`()]{4,64})[ \t]{0,2}\([ \t]{0,2}\Z")
# Words a password word may stand for that are not passwords when a number follows them ("pw"
# for power or page width, "ww" for a work week).
_AMBIGUOUS_PASSWORD_WORDS = frozenset({"pw", "ww"})
# The password named after it: 'use "Xk9#mq2L" as the password', '"…" als Passwort'.
_PASSWORD_BEFORE_WORD = re.compile(
    r"[\"'\u201c\u201e\u00ab`]([^\s\"'`\u201d\u201c\u00bb]{6,64})[\"'\u201d\u201c\u00bb`]"
    r"[ \t]{1,4}(?i:as|als|comme|como|come|como)[ \t]{1,4}"
    r"(?i:(?:the|my|your|new|das|dein|ihr|le|la|mon|votre|el|tu|su|il|la|tua|o|a|sua|het|je)"
    r"[ \t]{1,4}){0,2}(?i:" + alternatives(_PASSWORD_WORDS) + r")(?![\w])"
)
# A user name and a password given as a pair: "credentials: admin / Xk9#mq2L".
_LOGIN_WORDS = (
    "credentials",
    "creds",
    "login",
    "username",
    "user",
    "benutzer",
    "zugangsdaten",
    "identifiants",
    "usuario",
    "credenciales",
    "utente",
    "credenziali",
    "gebruiker",
    "inloggegevens",
    "usu\u00e1rio",
    "credenciais",
)
_LOGIN_PAIR = re.compile(
    r"(?i:\b(?:" + alternatives(_LOGIN_WORDS) + r")[a-z]{0,6})"
    # What it logs in to, then a verb: "the admin login for the router is admin / …".
    r"(?i:(?:[ \t]{1,4}(?:for|of|to|on|f\u00fcr|du|de|del|della|do|da|van|voor|pour|para)"
    r"(?:[ \t]{1,4}[^\s:=/]{1,24}){1,4}?)?[ \t]{1,4}(?:is|are|ist|est|es|\u00e8|\u00e9))?"
    r"[ \t]*[:=]?[ \t]*"
    r"[\w.@\-]{2,64}[ \t]*/[ \t]*([^\s\"'`,;/]{6,64})"
)
_LOGIN_TRIGGER = Trigger(*_LOGIN_WORDS)
PROSE_PASSWORD_HINTS = (*_PASSWORD_PROSE_TRIGGER.prefixes, *_LOGIN_TRIGGER.prefixes)


def _looks_like_password(value: str) -> bool:
    """Letters with digits or symbols, not a word, a number, a path or a placeholder."""
    has_alpha = any(c.isalpha() for c in value)
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    if not has_alpha or not (has_digit or has_symbol):
        return False
    if value.startswith(("http", "/", "~", "./", "<", "{", "%", "${", "@", ".", ",", "!", "?")):
        return False  # a path, a markup tag, a variable, or the end of the sentence: "senha.</p>"
    if "</" in value or _HOST_NAME.fullmatch(value) or _JOINED_WORDS.fullmatch(value):
        # Markup, a host name ("Passwort auf radweg-info.example.de"), or words joined by a
        # hyphen or an elision ("password-based", "mot de passe n'était").
        return False
    if _EMAIL_LIKE.search(value):
        return False  # an address, not a password; "Amsterdam@1988" is one
    if value.startswith("$") and (value[1:].isupper() or value[1:].isidentifier()):
        return False  # a shell variable
    if value[-1] in "?!" and value.rstrip("?!").isalpha():
        return False  # a word ending a question: "Kennwort vergessen?"
    return password_value_ok(value) and len(set(value)) >= 5


_EMAIL_LIKE = re.compile(r"@[\w\-]+\.[a-zA-Z]{2,}")
_HOST_NAME = re.compile(r"[a-z\-]+(?:\.[a-z\-]+)*\.[a-z]{2,}")
_JOINED_WORDS = re.compile(r"[^\W\d_]*(?:[\-'\u2019][^\W\d_]+)+")
_SECRET_JOINED = re.compile(r"(?i)secret[_\-.]")
# ... or where the next option of a command line begins ("-e POSTGRES_PASSWORD=… -p 5432").
_PASSWORD_UNQUOTED_END = re.compile(r"[ \t]*(?:$|[\n\r;,&]|#|//|\\$|-{1,2}[A-Za-z])")


# Azure storage and Service Bus connection strings, named for what they are.
_CONN_AZURE = re.compile(
    r"(?:DefaultEndpointsProtocol=[^;\s\"']{1,10};)?AccountName=[^;\s\"']{1,64};AccountKey="
    r"[A-Za-z0-9+/=]{20,100}(?:;[A-Za-z]{1,32}=[^;\s\"']{1,128}){0,4}"
    r"|Endpoint=sb://[^;\s\"']{1,256};SharedAccessKeyName=[^;\s\"']{1,128};"
    r"SharedAccessKey=[A-Za-z0-9+/=]{20,100}(?:;[A-Za-z]{1,32}=[^;\s\"']{1,128}){0,2}"
)
_CONN_URI_TRIGGER = Trigger(
    "postgres",
    "mysql",
    "mariadb",
    "mongodb",
    "redis",
    "amqp",
    "mssql",
    "sqlserver",
    "oracle",
    "cockroachdb",
    "smtp",
    "ftp",
    "ldap",
    "http",
    "kafka",
    "nats",
    "mqtt",
    "clickhouse",
    "neo4j",
    "elasticsearch",
    "couchdb",
    "influxdb",
)
_JDBC_TRIGGER = Trigger("jdbc:")
_ODBC_TRIGGER = Trigger("server", "data source", "host", "driver", "provider", "dsn", "address")
_PASSWORD_TRIGGER = Trigger("pass", "pwd", "secret")


def password_value_ok(value: str) -> bool:
    if len(value) < 4 or _PLACEHOLDER.match(value):
        return False
    # A path or a URL is not a password.
    return not value.startswith(("/", "~", "./", "http://", "https://"))


def find_prose_password(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    # Called for a login word too, and most texts name no password: its words are found once.
    password_words = _PASSWORD_PROSE_TRIGGER.hits(low)
    if password_words:
        yield from _password_near_its_word(text, low, password_words)
    for m in keyed(text, low, _LOGIN_TRIGGER, _LOGIN_PAIR):
        value = m.group(1).rstrip(".,:;)]}>")
        # "User/Group: www-data / www-data" pairs names; a password pair has a digit.
        if len(value) >= 6 and _looks_like_password(value) and any(map(str.isdigit, value)):
            yield "password", m.start(1), m.start(1) + len(value)


def _password_near_its_word(
    text: str, low: str, password_words: list[tuple[int, int]]
) -> Iterator[Match]:
    for m in keyed(text, low, _PASSWORD_PROSE_TRIGGER, _PASSWORD_PROSE):
        value = m.group(1).rstrip(".,:;)]}>")  # the sentence's punctuation, not the value's
        if _told_password(value, m, 1):
            yield "password", m.start(1), m.start(1) + len(value)
    for m in keyed(text, low, _PASSWORD_PROSE_TRIGGER, _PASSWORD_LABEL_APART):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.group("below") is not None and text[line_start : m.start()].strip(" \t>*-"):
            continue  # the word ends a sentence; the next line is not its value
        group = "below" if m.group("below") is not None else "leader"
        value = m.group(group).rstrip(".,:;)]}>")
        if _told_password(value, m, group):
            yield "password", m.start(group), m.start(group) + len(value)
    for start, end in password_words:
        named = _PASSWORD_BEFORE_WORD.search(text, max(0, start - 100), end)
        if named is not None and named.end() == end and _looks_like_password(named.group(1)):
            yield "password", named.start(1), named.end(1)
        if start > 0 and text[end : end + 1] == ")":
            before = _PASSWORD_BEFORE_PAREN.search(text, max(0, start - 80), start)
            if before is not None:
                value = before.group(1)
                if _looks_like_password(value) or _is_pin(value, low[start:end]):
                    yield "password", before.start(1), before.end(1)


def _told_password(value: str, m: re.Match[str], group: int | str) -> bool:
    """A value after a password word: generated-looking, or a PIN of four to eight digits
    after a word that cannot mean something else."""
    if len(value) >= 6 and _looks_like_password(value):
        return True
    word = m.string[m.start() : m.start(group)].lower().split(None, 1)
    return bool(word) and _is_pin(value, word[0].rstrip(":.=-"))


def _is_pin(value: str, word: str) -> bool:
    return (
        4 <= len(value) <= 8
        and value.isascii()
        and value.isdigit()
        and (word not in _AMBIGUOUS_PASSWORD_WORDS)
    )


# A password on a command line: MySQL's client takes it glued to -p ("mysql -u root -pXk9…"),
# sshpass after -p.
_CLI_PASSWORD = re.compile(
    r"(?i:\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b)[^\n|;&]{0,160}?[ \t]-p"
    r"([^\s\"'\-][^\s\"']{3,63})"
    r"|(?i:\bsshpass\b)[ \t]{1,4}-p[ \t]{0,4}[\"']?([^\s\"']{4,64})"
)
CLI_PASSWORD_HINTS = ("mysql", "mariadb", "sshpass")


def find_cli_password(t: Text) -> Iterator[Match]:
    for m in _CLI_PASSWORD.finditer(t.text):
        group = 1 if m.group(1) is not None else 2
        if password_value_ok(m.group(group)):
            yield "password", m.start(group), m.end(group)


_KEY_SUFFIX = re.compile(r"[\w.\-]*")


def _measures_a_pass(text: str, m: re.Match[str]) -> bool:
    """ "pass_rate: 0.95", "pwd_count=3": a setting about passes, not a password."""
    if m.group("key").lower() not in ("pass", "pwd"):
        return False
    suffix = _KEY_SUFFIX.match(text, m.end("key"))
    rest = suffix.group().lower().strip("_-.") if suffix else ""
    return bool(rest) and not rest.startswith(("word", "wd", "phrase", "code", "wort"))


def find_credentials(t: Text) -> Iterator[Match]:
    text, low = t.text, t.low
    if "://" in text:
        for m in keyed(text, low, _CONN_URI_TRIGGER, _CONN_URI):
            if not password_value_ok(m.group(1)):
                continue
            end = m.end()
            while end > m.start() and text[end - 1] in TRAILING_PUNCT:
                end -= 1
            yield "connection_string", m.start(), end
    if "accountkey=" in low or "sharedaccesskey=" in low:
        for m in _CONN_AZURE.finditer(text):
            yield "connection_string", m.start(), m.end()
    if "jdbc:" in low:
        for m in keyed(text, low, _JDBC_TRIGGER, _CONN_JDBC):
            if password_value_ok(m.group(1)):
                yield "connection_string", m.start(), m.end()
    if "=" in text and ("password" in low or "pwd" in low):
        for m in keyed(text, low, _ODBC_TRIGGER, _CONN_ODBC):
            if password_value_ok(m.group(1).strip()):
                yield "connection_string", m.start(), m.start(1) + len(m.group(1).rstrip())
    for m in keyed(text, low, _PASSWORD_TRIGGER, _PASSWORD):
        # A key that is just "secret" ("secret: route" in a policy) names a password only
        # when the value looks generated; "client_secret", "secret_key" and the like do.
        bare_secret = (
            m.group("key").lower() == "secret"
            and not (m.start() > 0 and text[m.start() - 1] in "_-.")
            and _SECRET_JOINED.match(text, m.start()) is None
        )
        value = m.group("qv") if m.group("qv") is not None else m.group("uv")
        if bare_secret and not looks_random(value, min_distinct=6):
            continue
        if _measures_a_pass(text, m):
            continue
        if m.group("qv") is not None:
            if password_value_ok(m.group("qv")):
                yield "password", m.start("qv"), m.end("qv")
            continue
        value = m.group("uv")
        # Unquoted values count only where they end the assignment (config, not prose).
        if "&" not in value and not _PASSWORD_UNQUOTED_END.match(text, m.end("uv")):
            continue
        value_end = m.end("uv")
        query = re.search(r"&\w+=", value)  # a URL query: the value ends at the next key
        if query:
            value = value[: query.start()]
            value_end = m.start("uv") + query.start()
        while value.endswith((".", ")")):
            value = value[:-1]
            value_end -= 1
        if password_value_ok(value):
            yield "password", m.start("uv"), value_end
