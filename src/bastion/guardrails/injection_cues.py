"""Cue words of prompt injection in ten languages, for `injection.py`'s cue features.

Each cue group gathers the many ways of saying one thing that attacks say: *override* ("ignore",
"vergiss", "忽略"), *rules* (the model's instructions, prompt, restrictions), *ai* (the model
addressed as such), *reveal* (print, repeat, show), *hidden* (system, hidden, verbatim),
*unlimited* (no limits, unfiltered, never refuse), *persona* (from now on, pretend, stay in
character), *exfil* (send, forward, credentials), *you* (the informal second person an attack
uses to address the model), *urgent* (important, attention, note to), *prior* (previous,
earlier), *user* (the person the model works for, named in the third person: "tell *the user*",
"dem *Nutzer*"), *task* (what a model does with a document: summarise, translate, review),
*covert* (the action kept from the user: without asking, no confirmation, do not mention it,
silently), and *addr* (an AI word in the place of the addressee: `ADDRESS_BEFORE`, or followed
by the task it is doing: "AI models *summarising* this page"). A text's
cues are the groups its words fall into; the classifier sees each group present and each pair
and triple of groups within one clause.
The weights of these features are learned like every other; the lists only say which words
mean the same thing, so a phrasing never seen in training still lands on known features.

Tokens are matched after normalisation (lower case, leetspeak undone). Words are matched
exactly or by prefix (stems, for inflected languages); pairs of consecutive tokens exactly;
Chinese and Japanese by character bigram.
"""

# ruff: noqa: RUF001 (words in ten languages, written as they are read)

from __future__ import annotations

CUE_GROUPS = (
    "override",
    "rules",
    "ai",
    "reveal",
    "hidden",
    "unlimited",
    "persona",
    "exfil",
    "you",
    "urgent",
    "prior",
    "user",
    "task",
    "addr",
    "covert",
)

# group -> whole words
_WORDS: dict[str, str] = {
    "override": (
        "ignore ignoring disregard forget override bypass skip abandon discard nullify void "
        "supersede cancelled canceled vergiss ignoriere ignorier missachte übergehe umgehe "
        "oublie ignore abandonne ignora olvida descarta olvídate dimentica scarta ignore "
        "esqueça esquece desconsidere negeer vergeet игнорируй забудь отбрось отмени "
        "проигнорируй"
    ),
    "rules": (
        "instructions instruction rules guidelines guidance directives prompt prompts policy "
        "policies restrictions constraints filters filter guardrails programming settings "
        "configuration configured setup safety anweisungen anweisung regeln richtlinien "
        "vorgaben einstellungen systemprompt consignes règles directives instructions "
        "réglages instrucciones reglas normas directrices istruzioni regole impostazioni "
        "instruções regras diretrizes configurações instructies regels richtlijnen "
        "instellingen systeemprompt инструкции инструкций правила правил указания настройки "
        "промпт"
    ),
    "ai": (
        "ai assistant chatbot bot llm llms gpt chatgpt copilot gemini model ki assistent "
        "sprachmodell ia assistente modèle modelo modello asistente taalmodel ии ассистент "
        "нейросеть модель бот dan models assistants chatbots bots sprachmodelle modelle "
        "assistenten modèles modelos modelli asistentes assistentes modellen taalmodellen "
        "нейросети модели помощник"
    ),
    "reveal": (
        "reveal print output repeat show display dump echo expose leak recite quote verbatim "
        "zeige zeig gib wiederhole ausgeben révèle affiche répète montre revela muestra "
        "repite imprime rivela mostra ripeti stampa revele mostre repita toon herhaal "
        "покажи выведи повтори раскрой напечатай"
    ),
    "hidden": (
        "system hidden secret confidential initial original verbatim internal private "
        "underlying versteckte geheime ursprünglichen wörtlich caché cachée secrète "
        "initiales oculto oculta secreto iniciales nascosto segreto iniziali oculta secreta "
        "iniciais verborgen geheime oorspronkelijke системный системное скрытое скрытый "
        "секретный исходные дословно"
    ),
    "unlimited": (
        "unrestricted unfiltered uncensored unlimited limitless jailbreak jailbroken dan "
        "anything uneingeschränkt grenzenlos ungefiltert verbote illimité illimitée "
        "ilimitado ilimitada illimitato illimitata ilimitado onbeperkt ongefilterd "
        "onbegrensd безграничный неограниченный"
    ),
    "persona": (
        "pretend roleplay role-play character persona simulate simulation hypothetically "
        "imagine game mode rollenspiel spiel stell rolle jeu rôle imagine juego rol "
        "imagina gioco ruolo immagina jogo papel finja rollenspel spel doe роль ролевая "
        "игра представь режим"
    ),
    "exfil": (
        "send forward email e-mail upload post exfiltrate credentials password passwords "
        "api token tokens keys url http https webhook schicke sende envoie envía invia "
        "envie stuur отправь перешли пароль ключи"
    ),
    "you": "you your yourself du dein deine dich dir tu ton ta tes toi tú tus te você teu tua "
    "jij je jouw ты твой твои тебя тебе",
    "urgent": (
        "important urgent attention note notice warning wichtig achtung hinweis important "
        "attention importante atención importante attenzione importante atenção belangrijk "
        "let важно внимание примечание"
    ),
    "prior": (
        "previous prior above earlier preceding foregoing vorherigen vorherige bisherigen "
        "obigen vorangegangenen précédentes précédente précédents antérieures anteriores "
        "anterior previas previos precedenti precedente sopra vorige eerdere bovenstaande "
        "voorgaande предыдущие предыдущих предыдущую прежние прежних вышеуказанные"
    ),
    # The person the model answers, named to the model in the third person ("tell the user").
    "user": (
        "user reader nutzer benutzer nutzerin leser utilisateur utilisatrice lecteur usuario "
        "usuaria lector utente lettore utilizador usuário leitor gebruiker lezer "
        "пользователю пользователя пользователь читателю"
    ),
    # What a model does with a document it was given.
    "task": (
        "summarise summarize summarising summarizing summarised summarized summary translate "
        "translating describe describing reviewing screening evaluating processing reading "
        "zusammenfassung zusammenfasst liest übersetzt résume résumes résumer résumant lit "
        "traduit resume resumas resumir resuma resumen resumes lee procese traduce riassumi "
        "riassume riassumere legge traduci resumo lê samenvat samenvatten leest vertaalt "
        "пересказываешь обобщает читает переводишь"
    ),
    # An action kept from the person it is done for: an agent turned against its user.
    "covert": (
        "silently quietly secretly covertly unnoticed discreetly unannounced heimlich "
        "unbemerkt stillschweigend discrètement secrètement silencieusement secretamente "
        "silenciosamente discretamente segretamente silenziosamente stiekem ongemerkt "
        "тайно незаметно втихую скрытно молча"
    ),
}

# group -> word prefixes (inflected forms)
_PREFIXES: dict[str, str] = {
    "override": "ignor disregard overrid bypass vergess missacht oubli olvid dimentic esquec "
    "desconsider negeer vergeet игнорир забыв забуд отбрас",
    "rules": "instruct anweis richtlin consign règle regle instruc directri istruz regol "
    "instru diretri richtlijn инструкц правил указани ограничени",
    "reveal": "reveal repeat wiederhol révél revel ripet herhal повтор",
    "hidden": "confiden versteck verborg geheim скрыт секрет",
    "unlimited": "unrestrict unfilter uncensor jailbr restriction",
    "persona": "roleplay pretend simulat ролев",
    "exfil": "credential exfiltr password passwort пароль",
    "ai": "assistan chatbot ассистент нейросет модел",
    "task": "zusammenfass übersetz переска",
}

# (first, second) consecutive tokens -> group
_PAIRS: dict[str, str] = {
    "unlimited": "no limits|no rules|no restrictions|no filter|no filters|no policy|"
    "never refuse|without restrictions|without limits|without any|no longer|developer mode|"
    "keine grenzen|keine regeln|ohne grenzen|keine verbote|ohne filter|sans limites|"
    "aucune règle|sans filtre|sin límites|sin reglas|ningún filtro|senza limiti|nessuna regola|"
    "senza filtri|sem limites|sem regras|nenhum filtro|zonder grenzen|geen regels|"
    "zonder filter|без ограничений|без правил|без фильтров",
    "persona": "you are|from now|now on|stay in|in character|act as|du bist|ab jetzt|ab sofort|"
    "tu es|désormais tu|eres un|eres una|ahora eres|sei un|ora sei|você é|agora você|je bent|"
    "vanaf nu|ты теперь|теперь ты|с этого|отныне ты",
    "rules": "system prompt|system message|initial instructions|hidden instructions|"
    "prompt système|prompt del|prompt di|prompt de|системный промпт",
    "ai": "language model|ai assistant|ki assistent|modèle de|modelo de|modello linguistico|"
    "языковой модели|языковая модель",
    "covert": "without asking|without confirmation|without confirming|without approval|"
    "without telling|without notifying|without permission|without consent|no confirmation|"
    "no approval|not tell|not mention|not notify|not inform|ohne rückfrage|ohne bestätigung|"
    "ohne nachzufragen|ohne genehmigung|ohne freigabe|niemandem etwas|sans confirmation|"
    "sans demander|sans prévenir|sans autorisation|sin confirmación|sin preguntar|sin avisar|"
    "sin permiso|senza conferma|senza chiedere|senza avvisare|sem confirmação|sem perguntar|"
    "sem avisar|zonder bevestiging|zonder toestemming|без подтверждения|не спрашивая|"
    "без разрешения|без согласования|не сообщай|не упоминай",
}

# Chinese and Japanese: character bigram -> group
_CJK: dict[str, str] = {
    "override": "忽略 忘记 无视 别管 不要 無視 忘れ 捨て 破棄 従わ 失效 無効",
    "rules": "指令 规则 指示 提示 设定 设置 限制 ルー ール 命令 設定 制限 ポリ 政策",
    "ai": "助手 模型 智能 アシ シス ステ テム モデ",
    "reveal": "显示 输出 重复 打印 表示 出力 繰り 引用 原样 逐字 一字",
    "hidden": "隐藏 系统 秘密 隠し 機密 最初 原封",
    "unlimited": "没有 无限 限制 越狱 制限 禁止",
    "persona": "扮演 角色 假设 现在 从现 ロー ルプ 役に なり 想像 モー",
    "exfil": "发送 密码 密钥 凭证 送っ 送信 パス キー 認証",
    "you": "你的 你现 你是 あな なた",
    "user": "用户 ユー ーザ",
    "task": "总结 摘要 翻译 要約 翻訳 まと とめ",
    "urgent": "重要 注意 警告",
    "prior": "之前 以前 先前 上面 上述 上記",
    "covert": "悄悄 偷偷 默默 内緒 黙っ っそ 無断 擅自 私自 隐瞒",
}

# Words that put a text's next few words in the position of its addressee ("note *to* the
# AI", "*für* das Sprachmodell", "*@*assistant", "*给*AI"): an `ai` word within three tokens
# after one of them makes the clause `addr`, as does an `ai` word among a clause's first three
# tokens with ":" or "," in the four tokens after it (a vocative: "Assistant, ...", "AI model
# reading this: ...").
# "@name" at the start of a word: normalisation turns its "@" into this mark (not into "a").
MENTION = "\ue012"
_ADDRESS_BEFORE = (
    "to for dear hey hi hello @ attention attn an für liebe lieber hallo à au aux pour cher "
    "chère chers bonjour al para querido querida hola all alla allo per caro cara ciao ao aos "
    "olá voor aan beste hoi для к ко дорогой привет 给 致 对 向 へ"
)
ADDRESS_BEFORE = frozenset([*_ADDRESS_BEFORE.split(), MENTION])
ADDRESS_AFTER = frozenset((":", ",", "—", ":-", ":**", "**:"))
# Chinese and Japanese: a clause with an `ai` bigram and a bigram that starts with 给/致 ("给AI
# 助手的指示") or ends with へ ("AIアシスタントへ") is `addr` too.
ADDRESS_CJK_FIRST = "给致"
ADDRESS_CJK_LAST = "へ"


def _table(source: dict[str, str], sep: str | None = None) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group, words in source.items():
        for word in words.split(sep):
            out.setdefault(word.strip(), set()).add(group)
    return {word: frozenset(groups) for word, groups in out.items() if word}


WORDS = _table(_WORDS)
PREFIXES = tuple(sorted(_table(_PREFIXES).items()))
# Prefixes by their first three characters (every prefix has at least four), for a quick look.
_BY_HEAD: dict[str, list[tuple[str, frozenset[str]]]] = {}
for _prefix, _groups in PREFIXES:
    _BY_HEAD.setdefault(_prefix[:3], []).append((_prefix, _groups))
PAIRS = {tuple(k.split(" ")): v for k, v in _table(_PAIRS, "|").items()}
CJK = _table(_CJK)
NONE: frozenset[str] = frozenset()


def token_cues(token: str) -> frozenset[str]:
    """The cue groups of one token (a word, a CJK bigram or punctuation)."""
    found = WORDS.get(token)
    groups = set(found) if found else set()
    if len(token) >= 4:
        for prefix, more in _BY_HEAD.get(token[:3], ()):
            if token.startswith(prefix):
                groups |= more
    cjk = CJK.get(token)
    if cjk:
        groups |= cjk
    return frozenset(groups) if groups else NONE


def pair_cues(first: str, second: str) -> frozenset[str]:
    return PAIRS.get((first, second), NONE)


# Function words: they get no unigram or character n-gram feature of their own (only the pairs
# they are part of), so that a style ("your", "the", "what" more common in one source than
# another) is not learned as a sign of attack or of innocence.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "about",
        "than",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "not",
        "no",
        "yes",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "each",
        "every",
        "there",
        "here",
        "just",
        "also",
        "only",
        "very",
        "too",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "aber",
        "wenn",
        "dann",
        "so",
        "von",
        "zu",
        "in",
        "im",
        "auf",
        "an",
        "am",
        "bei",
        "für",
        "mit",
        "aus",
        "als",
        "über",
        "um",
        "ist",
        "sind",
        "war",
        "waren",
        "sein",
        "hat",
        "haben",
        "wird",
        "werden",
        "kann",
        "können",
        "ich",
        "mich",
        "mir",
        "wir",
        "uns",
        "du",
        "dich",
        "dir",
        "dein",
        "deine",
        "sie",
        "ihr",
        "ihre",
        "er",
        "es",
        "was",
        "wie",
        "wo",
        "wer",
        "nicht",
        "kein",
        "keine",
        "alle",
        "auch",
        "nur",
        "sehr",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "et",
        "ou",
        "mais",
        "si",
        "alors",
        "de",
        "du",
        "au",
        "aux",
        "à",
        "en",
        "dans",
        "sur",
        "par",
        "pour",
        "avec",
        "comme",
        "est",
        "sont",
        "était",
        "être",
        "a",
        "ont",
        "avoir",
        "je",
        "me",
        "moi",
        "nous",
        "vous",
        "tu",
        "te",
        "toi",
        "ton",
        "ta",
        "tes",
        "votre",
        "vos",
        "il",
        "elle",
        "ils",
        "elles",
        "ce",
        "cette",
        "ces",
        "qui",
        "que",
        "quoi",
        "où",
        "comment",
        "ne",
        "pas",
        "tout",
        "tous",
        "aussi",
        "el",
        "los",
        "las",
        "unos",
        "unas",
        "y",
        "o",
        "pero",
        "si",
        "de",
        "del",
        "al",
        "en",
        "por",
        "para",
        "con",
        "como",
        "es",
        "son",
        "era",
        "ser",
        "ha",
        "han",
        "yo",
        "mi",
        "nosotros",
        "usted",
        "ustedes",
        "tu",
        "tus",
        "su",
        "sus",
        "él",
        "ella",
        "ellos",
        "que",
        "quién",
        "dónde",
        "cómo",
        "no",
        "todo",
        "todos",
        "también",
        "muy",
        "il",
        "lo",
        "gli",
        "uno",
        "una",
        "e",
        "o",
        "ma",
        "se",
        "di",
        "da",
        "del",
        "della",
        "al",
        "alla",
        "in",
        "su",
        "per",
        "con",
        "come",
        "è",
        "sono",
        "era",
        "essere",
        "ha",
        "hanno",
        "io",
        "mi",
        "noi",
        "voi",
        "tu",
        "ti",
        "tuo",
        "tua",
        "suo",
        "sua",
        "lui",
        "lei",
        "loro",
        "che",
        "chi",
        "dove",
        "non",
        "tutto",
        "tutti",
        "anche",
        "molto",
        "o",
        "os",
        "um",
        "uma",
        "umas",
        "uns",
        "e",
        "ou",
        "mas",
        "se",
        "de",
        "do",
        "da",
        "dos",
        "das",
        "ao",
        "em",
        "no",
        "na",
        "por",
        "para",
        "com",
        "como",
        "é",
        "são",
        "era",
        "ser",
        "tem",
        "têm",
        "eu",
        "meu",
        "minha",
        "nós",
        "vocês",
        "você",
        "te",
        "teu",
        "tua",
        "seu",
        "sua",
        "ele",
        "ela",
        "eles",
        "que",
        "quem",
        "onde",
        "não",
        "tudo",
        "todos",
        "também",
        "muito",
        "de",
        "het",
        "een",
        "en",
        "of",
        "maar",
        "als",
        "dan",
        "van",
        "te",
        "in",
        "op",
        "aan",
        "bij",
        "voor",
        "met",
        "uit",
        "om",
        "is",
        "zijn",
        "was",
        "waren",
        "heeft",
        "hebben",
        "wordt",
        "worden",
        "kan",
        "kunnen",
        "ik",
        "mij",
        "mijn",
        "wij",
        "ons",
        "jij",
        "je",
        "jouw",
        "u",
        "uw",
        "hij",
        "zij",
        "wat",
        "wie",
        "waar",
        "hoe",
        "niet",
        "geen",
        "alle",
        "ook",
        "alleen",
        "zeer",
        "и",
        "или",
        "но",
        "если",
        "то",
        "в",
        "во",
        "на",
        "к",
        "ко",
        "по",
        "за",
        "из",
        "от",
        "до",
        "о",
        "об",
        "для",
        "с",
        "со",
        "как",
        "это",
        "этот",
        "эта",
        "эти",
        "тот",
        "та",
        "те",
        "что",
        "кто",
        "где",
        "когда",
        "как",
        "не",
        "нет",
        "да",
        "все",
        "всё",
        "я",
        "мне",
        "меня",
        "мы",
        "нас",
        "вы",
        "вас",
        "ты",
        "тебя",
        "тебе",
        "твой",
        "твоя",
        "твои",
        "ваш",
        "ваша",
        "ваши",
        "он",
        "она",
        "оно",
        "они",
        "его",
        "её",
        "их",
        "был",
        "была",
        "были",
        "быть",
        "есть",
        "также",
        "только",
        "очень",
    ]
)
