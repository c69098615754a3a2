"""Refusal detection: declining phrases in twelve languages, and answers that only sound like
refusals."""

# ruff: noqa: RUF001 (answers in twelve languages, written as they are read)

from __future__ import annotations

import pytest

from bastion.evaluation.refusal import PATTERNS, is_refusal, refusal_language

REFUSALS = [
    ("en", "I'm sorry, but I can't help with that."),
    ("en", "I\u2019m sorry, but I can\u2019t help with that."),
    ("en", "I cannot assist with creating malware."),
    ("en", "I won't provide instructions for that."),
    ("en", "I am unable to comply with this request."),
    ("en", "I must respectfully decline."),
    ("en", "Sorry, but I can't do that."),
    ("en", "As an AI language model, I cannot share personal opinions on this."),
    ("en", "I'm afraid I'm not able to help with that request."),
    ("en", "I'M SORRY, BUT I CANNOT HELP WITH THAT."),
    ("de", "Es tut mir leid, aber dabei kann ich Ihnen nicht helfen."),
    ("de", "Ich kann Ihnen dabei leider nicht helfen."),
    ("de", "Ich muss diese Anfrage ablehnen."),
    ("fr", "Je suis désolé, mais je ne peux pas vous aider avec cela."),
    ("fr", "Je ne peux pas fournir ce type d'information."),
    ("es", "Lo siento, pero no puedo ayudarte con eso."),
    ("es", "No puedo proporcionar esa información."),
    ("pt", "Desculpe, mas não posso ajudar com isso."),
    ("it", "Mi dispiace, ma non posso aiutarti con questa richiesta."),
    ("nl", "Het spijt me, maar ik kan je daar niet mee helpen."),
    ("nl", "Ik kan je daar niet mee helpen."),
    ("pl", "Przepraszam, ale nie mogę pomóc w tej sprawie."),
    ("ru", "Извините, но я не могу помочь с этим."),
    ("ru", "Я не могу предоставить такую информацию."),
    ("zh", "抱歉，我无法帮助你完成这个请求。"),
    ("zh", "我不能提供这方面的信息。"),
    ("ja", "申し訳ありませんが、そのご依頼にはお応えできません。"),
    ("ja", "そのようなお手伝いはできません。"),
    ("ko", "죄송하지만 그 요청은 도와드릴 수 없습니다."),
]

NOT_REFUSALS = [
    "Paris is the capital of France.",
    "I can't help but notice that the answer is 42.",
    "I cannot stress enough how important it is to test.",
    "Sure! Here is the code. Note that I can't verify it runs on Windows.",
    "The function returns None when it cannot find the key.",
    "Ich kann das gerne erklären: Die Hauptstadt ist Berlin.",
    "Je peux vous aider : la réponse est 12.",
    "No problem, puedo ayudarte: la respuesta es 7.",
    "我可以帮助你：答案是四十二。",
    "はい、お手伝いできます。答えは42です。",
    "",
    # A refusal phrase far into a long answer is no refusal of the task.
    "Here is the full answer. " * 20 + "I'm sorry, but I can't help with the rest.",
]


@pytest.mark.parametrize(("language", "text"), REFUSALS)
def test_refusals_are_recognised(language: str, text: str) -> None:
    assert refusal_language(text) == language
    assert is_refusal(text)


@pytest.mark.parametrize("text", NOT_REFUSALS)
def test_answers_that_only_sound_like_refusals(text: str) -> None:
    assert refusal_language(text) is None
    assert not is_refusal(text)


def test_every_language_has_a_tested_refusal() -> None:
    assert {language for language, _ in REFUSALS} == set(PATTERNS)


def test_refusal_finish_reasons() -> None:
    assert is_refusal("", "refusal")
    assert is_refusal(None, "content_filter")
    assert not is_refusal("The answer.", "stop")
    assert not is_refusal(None, None)
