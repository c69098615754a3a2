"""Context keywords and hints: every trigger's and recognizer's found in one pass over a text,
the longest keyword at each start."""

from __future__ import annotations

from bastion.guardrails.scanning import Hints, Trigger


def test_the_longest_keyword_at_each_start() -> None:
    trigger = Trigger("patient", "patient id", "mrn")
    low = "patient id: 1; mrn 2; patient"
    assert trigger.hits(low) == [(0, 10), (15, 18), (22, 29)]


def test_triggers_sharing_a_keyword_each_see_only_their_own() -> None:
    short = Trigger("patient")
    long = Trigger("patient id", "id")
    low = "patient id: 7"
    assert short.hits(low) == [(0, 7)]
    assert long.hits(low) == [(0, 10), (8, 10)]


def test_overlapping_and_non_ascii_keywords_are_found_where_they_start() -> None:
    trigger = Trigger("sécurité sociale", "sociale", "n.º")  # folded as scanned text is: n.o
    low = "numéro de sécurité sociale n.o 1"
    assert trigger.hits(low) == [(10, 26), (19, 26), (27, 30)]


def test_each_text_is_searched_afresh() -> None:
    trigger = Trigger("iban")
    first = "iban de00"
    second = "my iban"
    assert trigger.hits(first) == [(0, 4)]
    assert trigger.hits(second) == [(3, 7)]
    assert trigger.hits(first) == [(0, 4)]
    assert trigger.hits("nothing here") == []


def test_a_trigger_made_after_a_search_is_searched_for_too() -> None:
    low = "zzqx marker"
    assert Trigger("marker").hits(low) == [(5, 11)]
    late = Trigger("zzqx")  # the automaton is rebuilt, the remembered text forgotten
    assert late.hits(low) == [(0, 4)]
    assert Trigger("marker").hits(low) == [(5, 11)]


def test_prefixes_cover_every_keyword() -> None:
    trigger = Trigger("social security", "soc", "sozialversicherungsnummer")
    assert set(trigger.prefixes) == {"soc", "soz"}


def test_hints_are_any_substring_of_the_text_single_characters_included() -> None:
    hints = Hints("@", "(at)", "private key")
    assert hints.found_in("mail me: a@b.example")
    assert hints.found_in("a(at)b dot example")
    assert hints.found_in("-----begin rsa private key-----")
    assert not hints.found_in("a private matter, key in hand")
    assert not hints.found_in("nothing to see")
    assert not Hints()  # a recognizer without hints runs on every text


def test_hints_inside_longer_words_count_as_substrings_do() -> None:
    assert Hints("key").found_in("monkeypatch")  # like `"key" in text`
