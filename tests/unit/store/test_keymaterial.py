from __future__ import annotations

import hashlib
import re

from bastion.store.keymaterial import display_prefix, generate_key, hash_key, is_well_formed


def test_key_format_looks_like_a_vendor_key() -> None:
    key = generate_key()
    assert re.fullmatch(r"bst-[A-Za-z0-9_-]{43}", key)
    assert is_well_formed(key)


def test_keys_are_unique() -> None:
    assert len({generate_key() for _ in range(1000)}) == 1000


def test_hash_is_sha256_hex_of_the_whole_key() -> None:
    key = generate_key()
    assert hash_key(key) == hashlib.sha256(key.encode()).hexdigest()
    assert len(hash_key(key)) == 64


def test_display_prefix_shows_scheme_and_four_characters() -> None:
    key = "bst-AbCdEfGh" + "x" * 35
    assert display_prefix(key) == "bst-AbCd"


def test_malformed_keys_are_recognised() -> None:
    good = generate_key()
    for bad in ("", "bst-", good[:-1], good + "x", "sk-" + good[3:], good.replace("-", "+", 2)):
        assert not is_well_formed(bad), bad
