"""Person names in free text, found offline with name lists and context.

`scan_names(text)` returns findings of kind "person" (category "pii"), sorted by offset and
non-overlapping. It is deterministic and needs no model file.

Why name lists and context rather than a model: no named-entity model for these languages can
be installed offline from the package index (docs/guardrails.md, "Names and places"), and a
token classifier trained here would need labelled multilingual text that we do not have and
could not publish. Person names in prompts, mails, tickets and forms are, in the great
majority, capitalised given names and surnames drawn from a few tens of thousands of common
ones, or follow a cue that says a name comes next (a title, a salutation, a header field, a
signature line). Those two signals are cheap: one regular expression proposes runs of
capitalised words, and set look-ups decide. The lists are facts compiled from public-domain
and MIT-licensed sources (data/NOTICE):

- given names: Faker's person providers for 42 European and American locales, and the 1990
  US Census given-name lists;
- surnames: the same Faker locales and the 30,000 most frequent 1990 US Census surnames;
- common words: Faker's lorem word lists (en/de/fr/es/it/nl), and the listed names that are
  also lower-case English words in SCOWL, to tell an ambiguous name ("Will", "Rose", "Page")
  or surname ("Garden") from an unambiguous one.

A run of capitalised words (Title case, ALL CAPS surnames as in "DUBOIS Jean", hyphenated
names such as "Jean-Luc", particles such as "van der", "de la", "Van der", "Le", "von", "di",
"dos", "'t", "O'", "Mc", middle initials) is reported when:

1. it follows a title or salutation (Mr, Mrs, Dr, Herr, Frau, M., Mme, Sr., Sra., D.ª, Sig.,
   Sig.ra, Dott., dhr., mevr., King, Président, …; Dear, Hallo, Bonjour, Hola, Ciao, Beste,
   Olá, …): any capitalised words then count (a title of office after a given name is a
   surname: "Phillip King");
2. it follows a field that holds a name (Name:, Patient:, Nom :, Nombre:, Nome:, Naam:, a JSON
   "*name" key, "my name is", "ich heiße", "je m'appelle", …), opens the line after a closing
   formula (Regards, Mit freundlichen Grüßen, Cordialement, Saludos, Cordiali saluti, Met
   vriendelijke groet, Atenciosamente, …), or continues a list of names ("Emma Wirth, Kwame
   Mensah and …"): one listed name, or two capitalised words, suffice;
3. it follows a header that often holds a name (From:, To:, Von:, De :, Client:, …) and holds
   a listed name, or an e-mail address follows it;
4. without a cue, it holds a listed given name followed by another capitalised word, or an
   ALL-CAPS listed surname next to a given name. A given name that is also a common word
   (Will, May, Rose, Mark, Grant, Bill, Frank, Page, …) or a place needs a listed surname
   after it that is not itself an English word. Three one-word forms need no cue: "SURNAME,
   Given" ("O'BRIEN, Siobhan"), a compound of two given names ("Jean-Pierre"), and "Given,
   Surname" in comma-separated fields ("Anna,Schmidt").

A run touching an organisation or place word (Inc, GmbH, Bank, University, Street, Straße,
rue, via, Santa, Islands, …) or following a street word or house number is not a person. The
lists load once, lazily, from gzip'd files (190 KB).
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from bastion.guardrails.findings import Finding
from bastion.guardrails.scanning import lead_with_first_chars

__all__ = ["scan_names"]


def _split(words: str) -> list[str]:
    return words.split()


# Letters of the Latin scripts (Basic, Latin-1, Extended-A/B), split by case.
_LATIN = [chr(c) for c in range(0x41, 0x250) if chr(c).isalpha()]
_UP = "".join(c for c in _LATIN if c.isupper())
_LO = "".join(c for c in _LATIN if c.islower())
U = f"[{re.escape(_UP)}]"
L = f"[{re.escape(_LO)}]"

# One name-like word: Title case (with O'/D' prefixes, McDonald-style inner capitals and
# hyphenated parts), ALL CAPS (two letters or more), or an initial ("J.", "J.-P.").
_APOS = "'\u2019"
_PART = rf"(?:[ODdL][{_APOS}])?{U}{L}+(?:{U}{L}+)?"
_WORD = (
    rf"(?:{_PART}(?:-{_PART})*"
    rf"|(?:[OD][{_APOS}])?{U}{{2,}}(?:[{_APOS}-]{U}{{2,}})*"
    rf"|{U}\.(?:-{U}\.)?)"
    r"(?![\w@-]|\.\w)"
)
_PARTICLE = (
    r"(?:van|von|vom|der|den|de|del|della|dello|dei|degli|di|da|das|do|dos|du|des|la|le|"
    r"ten|ter|zu|zur|al|el|['\u2019]t)"
)
# The leading look-ahead lets the engine skip to capitals instead of trying every offset.
_RUN = re.compile(
    rf"(?={U})(?<![\w@./\\#$%&*+=<>|~-]){_WORD}"
    rf"(?:[ \t\u00a0](?:{_PARTICLE}[ \t\u00a0])*{_WORD}){{0,7}}"
)


class _Tok(NamedTuple):
    start: int
    end: int
    key: str  # casefolded, without a trailing period
    caps: bool  # ALL CAPS word of 2+ letters
    initial: bool  # "J." / "J.-P."
    particle: bool


# --- context words ------------------------------------------------------------------------

# Titles and forms of address, casefolded, without periods (a run's word, or just before it).
_TITLES = frozenset(
    _split(
        """mr mrs ms miss mx dr prof sir madam mister doctor professor lord lady dame rev
    herr frau hr fr fräulein dipl ing
    m mme mlle mmes mm monsieur madame mademoiselle maître docteur pr
    sr sra srta sres don doña dña dª d señor señora señorita dra lic
    sig sigra signor signore signora signorina dott dottssa dottoressa avv ing prof.ssa
    dhr mevr mw mej heer mevrouw juffrouw
    senhor senhora sr.ª srª exmo exma
    king queen prince princess president koning koningin prins prinses minister
    könig königin prinz prinzessin präsident präsidentin bundeskanzler bundeskanzlerin
    roi reine prince princesse président présidente ministre
    rey reina príncipe princesa presidente presidenta ministro ministra
    regina principe principessa
    rei rainha"""
    )
)
# Titles that also start other phrases ("Miss Universe", "Don Giovanni"): the name after
# them must be listed.
_LOWER_CASE_TITLES = frozenset(
    ["dhr", "mevr", "mw", "mej", "sr", "sra", "srta", "sres", "dña", "sig", "sigra", "dott",
     "dottssa", "avv", "ing", "dr", "dra", "prof"]
)  # fmt: skip
_WEAK_TITLES = frozenset(["miss", "don", "mister", "lord", "lady", "king", "queen"])
# Words of a job title: "Sr. Software Engineer" is a senior engineer, not señor Engineer.
_JOB_WORDS = frozenset(
    _split(
        """software engineer developer manager director analyst consultant associate vice vp data
    product account sales staff principal lead designer architect scientist accountant
    specialist executive officer partner counsel editor writer researcher recruiter
    administrator technician project program marketing business systems network security
    frontend backend fullstack devops qa ux ui customer support operations finance legal"""
    )
)
# Titles that are also surnames ("Phillip King", "Anna Prinz"): a title only at a run's start.
_OFFICES = frozenset(
    ["king", "queen", "prince", "princess", "president", "koning", "prins", "minister",
     "könig", "prinz", "roi", "rey", "re", "rei", "don", "lord", "lady", "dame", "sir",
     "doctor", "professor", "mister", "heer", "baron"]
)  # fmt: skip
# Salutations that may open a line before a name.
_GREETINGS = frozenset(
    _split(
        """dear hi hello hey thanks cc attn attention
    liebe lieber hallo moin servus danke
    bonjour bonsoir salut cher chère merci
    hola estimado estimada estimados querido querida gracias
    ciao caro cara gentile gentilissimo gentilissima grazie salve
    beste geachte hoi dag bedankt
    olá oi prezado prezada obrigado obrigada"""
    )
)
_CLOSING = re.compile(
    r"[ \t>*_-]*(?i:regards|best|thanks|thank[ ]you|cheers|sincerely|"
    r"yours(?:[ ](?:truly|sincerely))?|"
    r"best[ ]wishes|warm[ ]regards|kind[ ]regards|best[ ]regards|"
    r"mit[ ]freundlichen[ ]grüßen|mit[ ]freundlichen[ ]grüssen|freundliche[ ]grüße|"
    r"viele[ ]grüße|beste[ ]grüße|liebe[ ]grüße|herzliche[ ]grüße|gruß|grüße|lg|mfg|vg|"
    r"cordialement|bien[ ]à[ ]vous|bien[ ]cordialement|salutations|amitiés|bises|"
    r"saludos|un[ ]saludo|atentamente|saludos[ ]cordiales|un[ ]abrazo|"
    r"cordiali[ ]saluti|distinti[ ]saluti|saluti|un[ ]saluto|a[ ]presto|"
    r"met[ ]vriendelijke[ ]groet(?:en)?|groeten|hartelijke[ ]groet(?:en)?|mvg|"
    r"atenciosamente|cumprimentos|abraços|melhores[ ]cumprimentos|obrigad[oa])"
    r"[ \t]*[,.!]?[ \t]*\r?\n[ \t]*$"
)
# Street and place words: a run right after one is a street or place, not a person
# ("rue Jean Jaurès", "Via Giuseppe Verdi", "San Francisco", "Saint-Denis").
_PLACE_PREFIX = frozenset(
    _split(
        """rue avenue av bd boulevard place allée impasse quai chemin cours route lycée collège
    école hôpital université calle c/ avda avenida plaza paseo carrer colegio hospital
    via viale piazza piazzale corso largo vicolo strada rua travessa praça estrada
    street st road avenue saint san santa santo são st. ste. sainte fort mount mont lake
    port cape bahnhof flughafen aéroport aeropuerto aeroporto gare estación stazione station
    hotel hôtel sankt st ste"""
    )
)
# Words that make the capitalised words before them an organisation or a place ("Billing
# Team", "Maria Schmidt GmbH", "Victoria Station"); they also end a person reading (_BLOCK).
_ORGANISATIONS_AND_PLACES = frozenset(
    _split(
        """inc ltd llc plc corp co company gmbh ag kg ug ohg sa sarl sas sl srl spa bv nv ab oy
    group holding holdings bank trust foundation fund partners associates consulting
    university universität université universidad università universiteit universidade
    college school institute institut instituto istituto academy akademie hospital klinik
    clinic clinique clínica clinica ospedale ziekenhuis hôpital hotel restaurant café cafe
    street st road rd avenue ave boulevard blvd lane ln drive court place square park way
    parkway pkwy terrace ter close ct crescent gardens hwy highway circle cir trail trl sq pl
    row mews grove walk hill bridge station airport beach city county state river lake
    mount mountain island valley straße strasse str weg platz allee gasse ring ufer damm
    markt straat laan gracht plein kade singel ministry ministerium ministère ministerio
    ministero department council committee office team support service services center
    centre centro zentrum"""
    )
)
_ORG_WORDS = _ORGANISATIONS_AND_PLACES | {"royal"}
# Words that end a person reading: organisations and places (above), street types, days and
# months, function words, countries, brands.
_BLOCK = _ORGANISATIONS_AND_PLACES | frozenset(
    _split(
        """rue avenue chemin impasse allée quai cours
    calle avenida plaza paseo carrer via viale piazza corso largo vicolo rua travessa praça
    monday tuesday wednesday thursday friday saturday sunday
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado domingo
    lunedì martedì mercoledì giovedì venerdì sabato
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    january february march july september october november december
    januar februar märz juli oktober dezember
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    januari februari maart mei juni augustus
    the a an and or of for with from to in on at by this that these those my your our his her
    their its we you they he she it i is are was be not no yes please hello hi dear
    der die das und oder mit für von zu im am ein eine ich sie wir er es ist nicht
    le la les un une des du et ou avec pour par dans sur je il elle nous vous ils est pas
    el los las y o con por para en un una yo él ella nosotros es no
    il lo gli e con per da in su io lui lei noi è non
    het een en of met voor van naar ik hij zij wij is niet
    o os as um uma e ou com por para em eu ele ela nós é não
    north south east west new old great upper lower central national international
    france germany deutschland spain españa italy italia portugal brasil brazil belgium
    belgique belgië nederland netherlands holland austria österreich schweiz suisse svizzera
    england scotland wales ireland canada australia usa uk europe europa
    nord süd ost west sud est ouest norte sur este oeste
    god jesus christ allah
    saint sainte santa santo san são sankt st ste
    hong kong sierra leone mayen rica rico lanka islands island isle isles guinea verde
    salvador arabia emirates kingdom unido unida unidos republic república repubblica
    republik république federation föderation fédération federación cruz
    fiat alfa seat renault peugeot citroën opel skoda volkswagen audi bmw porsche ferrari
    lamborghini maserati tesla toyota honda nissan mazda hyundai volvo chevrolet jeep dacia
    cupra lancia apple google microsoft amazon netflix samsung adidas nike ikea lidl aldi
    spotify youtube whatsapp instagram facebook linkedin"""
    )
)
# Given names that are also common words, months, days or places: these need a known surname
# after them (or a cue) to count.
_AMBIGUOUS = frozenset(
    _split(
        """will may rose mark grant bill frank page hope june april august summer winter autumn
    spring dawn faith grace joy glory honor honour iris ivy jasmine lily daisy violet ruby
    pearl amber crystal jade holly heather olive hazel fern robin jay rich penny sandy
    sunny misty stormy chance chase price walker king queen prince duke earl baron major
    young long short white black brown green gray grey gold silver paris florence victoria
    chelsea jordan israel georgia virginia carolina austin sydney dallas houston phoenix
    orlando madison lincoln washington jackson florida india china kenya asia africa america
    christian christ lourdes dolores pilar rosario carmen mercedes guadalupe angel angeles
    santiago domingo salvador trinidad soledad luz paz sol mar cruz
    don dean art miles gene guy buck rusty hunter archer mason baker carter cooper fisher
    porter turner tyler parker taylor harper piper sky river storm rain reed rock stone
    wolf fox hawk drew ray max bob sue ann rod pat
    norman franco french german roman
    august elvis felix stella luna aurora
    helvetica arial verdana georgia
    roma sydney austin dallas houston phoenix orlando madison lourdes savannah brooklyn
    adelaide alexandria regina verona siena valencia lima granada kingston charleston denver
    memphis nashville raleigh tulsa
    jean marine olive prune margaux chablis capucine violette"""
    )
)
# Names from the common-word lists that are names first.
_NOT_AMBIGUOUS = frozenset(
    _split(
        """antonio carlos claire felipe fernando francisco françois jorge josé juan julio luis
    manuel marco martín maría massimo miguel pablo pedro pierre rafael sean clair blanca
    cristiano desiderio grazia rosa"""
    )
)
_STREET_SUFFIXES = (
    "straße",
    "strasse",
    "str",
    "weg",
    "platz",
    "allee",
    "gasse",
    "straat",
    "laan",
    "gracht",
    "plein",
    "kade",
    "ufer",
    "damm",
    "ring",
)


# Particles written with a capital inside a name ("Guy Le Goff", "Alexander Van der Bellen").
_CAP_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "del", "della", "dello", "di", "da", "das", "do", "dos",
     "du", "des", "la", "le", "ten", "ter", "zu", "mac", "st", "st.", "vander", "ver"]
)  # fmt: skip


# Brands, products and placeholders ("John Doe", "Max Mustermann") that read as a person's
# name, checked on the name's first two words and on the word before it with its first word
# ("Alfa Romeo Giulietta", "Dr Pepper").
_BRANDS = frozenset(
    _split(
        """tommy_hilfiger calvin_klein hugo_boss tom_tailor tom_ford ralph_lauren marc_jacobs
    michael_kors jimmy_choo kate_spade ted_baker paul_smith louis_vuitton christian_dior
    yves_saint giorgio_armani emporio_armani dolce_gabbana estée_lauder mary_kay max_factor
    jack_daniels jack_daniel johnnie_walker jim_beam ben_jerry levi_strauss martha_stewart
    alfa_romeo mercedes_benz aston_martin rolls_royce harley_davidson john_deere
    dr_pepper dr_oetker dr_martens mr_clean uncle_ben aunt_jemima
    victoria_secret stan_smith ray_ban coco_chanel
    john_doe jane_doe max_mustermann erika_mustermann otto_normalverbraucher joe_bloggs
    fulano_de richard_roe hans_wurst jan_modaal"""
    )
)
_SAINTS = frozenset(["saint", "sainte", "st", "ste", "san", "santa", "santo", "são", "sankt"])


class _Lists(NamedTuple):
    first: frozenset[str]
    weak_first: frozenset[str]
    surname: frozenset[str]
    weak_surname: frozenset[str]  # also an English word: "garden", "white", "house"
    stop: frozenset[str]


def _read(name: str) -> frozenset[str]:
    raw = resources.files("bastion.guardrails").joinpath("data", name).read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())


@cache
def _lists() -> _Lists:
    first = _read("first_names.txt.gz")
    surname = _read("surnames.txt.gz")
    common = _read("common_words.txt.gz")
    ambiguous = _read("ambiguous_names.txt.gz")  # "first:rose", "surname:garden"
    pairs = list(ambiguous)
    english_first = {w.removeprefix("first:") for w in pairs if w.startswith("first:")}
    english_last = {w.removeprefix("surname:") for w in pairs if w.startswith("surname:")}
    weak = ((first & common) | (first & _AMBIGUOUS) | english_first) - _NOT_AMBIGUOUS
    # A common word that is neither a given name nor a surname never belongs to a name.
    stop = (common - first - surname) | _BLOCK | _ORG_WORDS
    stop = stop - _NOT_AMBIGUOUS
    return _Lists(
        first=first - weak,
        weak_first=frozenset(weak),
        surname=surname,
        weak_surname=frozenset(english_last),
        stop=frozenset(stop),
    )


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    pos = start
    for word in text[start:end].split():
        pos = text.find(word, pos)
        initial = word.endswith(".")
        key = word.rstrip(".").replace("\u2019", "'").casefold()
        particle = (word[0].islower() and key[1:2] != "'") or key == "'t"
        out.append(
            _Tok(pos, pos + len(word), key, len(key) > 1 and word.isupper(), initial, particle)
        )
        pos += len(word)
    return out


def _is_blocked(key: str, stop: frozenset[str]) -> bool:
    if key in stop:
        return True
    if "-" in key:
        parts = key.split("-")
        if parts[0] in _SAINTS:  # Saint-Germain, Sainte-Marie, San-Sebastián, Sankt-Peter
            return True
        return parts[-1] in _BLOCK or parts[-1].endswith(_STREET_SUFFIXES)
    return len(key) > 6 and key.endswith(_STREET_SUFFIXES[:2])


def _given(key: str, lists: _Lists) -> int:
    """2: an unambiguous given name, 1: an ambiguous one, 0: not a given name."""
    if key in lists.first:
        return 2
    if key in lists.weak_first:
        return 1
    if "-" in key:  # Jean-Luc, Anna-Lena, Marie-Thérèse
        parts = key.split("-")
        if all(p in lists.first or p in lists.weak_first for p in parts):
            return 2
    return 0


def _surname(key: str, lists: _Lists) -> bool:
    if key in lists.surname:
        return True
    if "-" in key:  # Müller-Lüdenscheidt, García-Márquez
        return any(p in lists.surname for p in key.split("-"))
    return key[:2] in ("o'", "d'") and key[2:] in lists.surname


# Field names whose value is a person's name.
_NAME_KEYS = frozenset(
    _split(
        """fullname full_name first_name last_name firstname lastname surname given_name
    patient patient_name employee applicant passenger tenant cardholder beneficiary
    signatory attendees participants candidate insured policyholder
    vorname nachname familienname patientin mitarbeiter mitarbeiterin teilnehmende
    teilnehmer versicherte antragsteller
    nom prénom patiente titulaire participants candidat assuré
    nombre apellido apellidos paciente titular asistentes participantes
    nome cognome intestatario partecipanti paziente
    naam voornaam achternaam patiënt deelnemers
    sobrenome doente"""
    )
)
# Parts of a "*name" key that make it a person's name ("customer_name", "displayName").
_PERSON_PARTS = (
    "full", "first", "last", "given", "family", "sur", "person", "customer", "patient",
    "client", "contact", "employee", "holder", "owner", "sender", "recipient", "author",
    "display", "nick", "maiden", "middle", "real", "user_", "member", "guest", "passenger",
)  # fmt: skip
# Header fields that often, not always, hold a person (From:, To:, Client:).
_HEADER_KEYS = frozenset(
    _split(
        """name from to cc bcc customer client contact attn author signed owner assignee reporter
    requester manager doctor physician guest holder witness sender recipient user
    von an absender empfänger kunde kundin ansprechpartner ansprechpartnerin inhaber
    inhaberin arzt ärztin
    de à pour expéditeur destinataire médecin
    para cliente remitente destinatario médico facultativo
    mittente medico
    aan klant afzender ontvanger arts
    remetente contato contacto"""
    )
)
_HEADER_PHRASES = frozenset(
    (
        "full name",
        "signed by",
        "card holder",
        "account holder",
        "emergency contact",
        "nom complet",
        "nombre completo",
        "nome completo",
        "volledige naam",
        "patient name",
        "customer name",
        "contact name",
        "nom du patient",
        "nombre del paciente",
        "name des patienten",
        "nome do paciente",
    )
)
# "My name is …", "Ich heiße …", "Je m'appelle …", "Me llamo …": a name follows.
# "My name is …", "I am …" announce a name (one listed name or two capitalised words);
# "this is …", "called …" often do, not always ("This is Google Maps"): a listed name then.
_INTRO = lead_with_first_chars(
    re.compile(
        r"(?i:(?P<name>my[ ]name[ ]is|name[ ]is|"
        r"ich[ ]heiße|ich[ ]heisse|mein[ ]name[ ]ist|namens|"
        r"je[ ]m['\u2019]appelle|mon[ ]nom[ ]est|nommée?|"
        r"me[ ]llamo|mi[ ]nombre[ ]es|llamad[oa]|"
        r"mi[ ]chiamo|il[ ]mio[ ]nome[ ]è|chiamat[oa]|"
        r"ik[ ]heet|mijn[ ]naam[ ]is|genaamd|"
        r"chamo-me|eu[ ]me[ ]chamo|o[ ]meu[ ]nome[ ]é|meu[ ]nome[ ]é|chamad[oa]"
        r"|i[ ]am|i'm|ich[ ]bin|je[ ]suis|soy|sono|ik[ ]ben|sou)"
        r"|this[ ]is|named|called)$"
    )
)
_INTRO_LAST = frozenset(
    ["is", "am", "i'm", "named", "called", "heiße", "heisse", "ist", "bin", "namens",
     "appelle", "est", "suis", "nommé", "nommée", "llamo", "es", "soy", "llamado", "llamada",
     "chiamo", "è", "sono", "chiamato", "chiamata", "heet", "ben", "genaamd", "chamo-me",
     "chamo", "é", "sou", "chamado", "chamada"]
)  # fmt: skip
_QUOTES = "\"'`«»“”„"


def _prev_char(text: str, pos: int) -> tuple[int, str]:
    """The offset and character of the last non-blank before `pos` (-1, "" at the start)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return (i, text[i]) if i >= 0 else (-1, "")


def _prev_word(text: str, end: int) -> str:
    """The word (letters, digits, "_", "/", ".") that ends at `end`, casefolded."""
    i = end
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_/.ª"):
        i -= 1
        if end - i > 24:
            break
    return text[i:end].casefold()


def _header_before(text: str, colon: int) -> str:
    """The cue the field name before the ":"/"=" at `colon` gives: "field" when the field
    holds a name (Name:, Patient:, Nom :), "header" when it often does (From:, To:, Client:),
    else ""."""
    i, c = _prev_char(text, colon)
    while c and c in _QUOTES:
        i, c = _prev_char(text, i)
    if i < 0:
        return ""
    word = _prev_word(text, i + 1).strip(".")
    if word in _NAME_KEYS or (word.endswith("name") and any(p in word for p in _PERSON_PARTS)):
        return "field"
    if word in _HEADER_KEYS or word.endswith("name"):
        return "header"  # "name:" also names jobs, services and steps
    j, c = _prev_char(text, i + 1 - len(word))
    if j >= 0 and c.isalpha():
        phrase = _prev_word(text, j + 1) + " " + word
        return "field" if phrase in _HEADER_PHRASES else ""
    return ""


def _cue(text: str, start: int) -> str:
    """The cue just before `start`: "title", "field", "header", "closing" or ""."""
    i, c = _prev_char(text, start)
    if c.islower() and _prev_word(text, i + 1) in _PARTICLE_WORDS:
        start = _extend_particles(text, start)
        i, c = _prev_char(text, start)
    if c and c in _QUOTES:  # only a field value is quoted: "name": "Ana Ruiz"
        while c and c in _QUOTES:
            i, c = _prev_char(text, i)
        return _header_before(text, i) if c and c in ":=" else ""
    if not c:
        return ""
    if c in ":=":
        return _header_before(text, i)
    if c in ".ª":
        word = _prev_word(text, i + 1).rstrip(".")
        # An abbreviated title is written capitalised ("Mr.", "MM."), except those that are
        # lower case by convention ("dhr.", "sr."); "35 mm." is a unit.
        written = text[i - len(word) : i]
        if not written[:1].isupper() and word not in _LOWER_CASE_TITLES:
            return ""
        if word in _TITLES or word.replace(".", "") in _TITLES:
            return "wtitle" if word in _WEAK_TITLES else "title"
        return ""
    if c == "\n" and text[i - 1 : i] != "\n":
        line_start = text.rfind("\n", 0, i) + 1
        if _CLOSING.match(text, line_start, i + 1):
            return "closing"
    elif c == ",":
        if _prev_word(text, i) in _GREETINGS:
            return "greeting"
    elif c.isalpha():
        word = _prev_word(text, i + 1)
        glued = i + 1 - len(word) > 0 and text[i - len(word)] in "-'\u2019"
        if i + 1 < start and word.replace(".", "") in _TITLES and not glued and len(word) > 1:
            # One-letter titles ("M.", "D.") need their period.
            return "wtitle" if word in _WEAK_TITLES else "title"
        if word in _INTRO_LAST:
            m = _INTRO.search(text, max(0, i - 30), i + 1)
            if m is not None:
                return "field" if m.group("name") else "header"
    return ""


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'«“(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;>-•*"


def _segments(toks: list[_Tok], lists: _Lists) -> list[tuple[str, list[_Tok]]]:
    """Split a run into (in-run cue, name-candidate words) at titles, greetings and blocks."""
    out: list[tuple[str, list[_Tok]]] = []
    cur: list[_Tok] = []
    cue = ""
    for idx, tok in enumerate(toks):
        if tok.particle:
            if cur or cue in ("title", "wtitle"):
                cur.append(tok)
            continue
        key = tok.key
        if tok.initial and cur:  # "Michael D. Higgins"
            cur.append(tok)
            continue
        if (
            key in _CAP_PARTICLES
            and (cur or cue in ("title", "wtitle"))
            and not tok.caps
            and any(not t.particle for t in toks[idx + 1 :])
        ):
            # "Le Goff", "Van der Bellen", "De Vries", "Di Maio", "Dos Santos" inside a name
            cur.append(tok._replace(particle=True))
            continue
        if (
            key in _TITLES
            and not tok.caps
            and (not tok.initial or not cur)
            and not (
                key in _OFFICES
                and (
                    cue in ("title", "wtitle")
                    or any(_given(t.key, lists) for t in cur if not t.particle)
                )
            )
        ):
            if cur:
                out.append((cue, cur))
            cur, cue = [], "wtitle" if key in _WEAK_TITLES else "title"
            continue
        if key in _GREETINGS and not cur:
            cue = "greeting"
            continue
        after_particle = bool(cur) and cur[-1].particle and key not in _BLOCK
        if (
            _is_blocked(key, lists.stop)
            and not (tok.caps and _surname(key, lists) and key not in _ORG_WORDS)
            and not after_particle
        ):
            if cur and key not in _ORG_WORDS:
                out.append((cue, cur))
            cur, cue = [], "place" if key in _PLACE_PREFIX else "block"
            continue
        cur.append(tok)
    if cur:
        out.append((cue, cur))
    # Particles cannot end a name.
    cleaned: list[tuple[str, list[_Tok]]] = []
    for cue_, seg in out:
        n = len(seg)
        while n and seg[n - 1].particle:
            n -= 1
        if n:
            cleaned.append((cue_, seg[:n]))
    return cleaned


def _words(seg: list[_Tok]) -> list[_Tok]:
    return [t for t in seg if not t.particle]


_MAIL_AFTER = re.compile(r"[ \t]*[<(\[][^>)\]\s]+@")


def _name_in(seg: list[_Tok], cue: str, lists: _Lists, text: str) -> tuple[int, int] | None:
    words = _words(seg)
    if not words or all(t.initial for t in words):
        return None
    known = [
        _given(t.key, lists) == 2 or (_surname(t.key, lists) and t.key not in lists.weak_surname)
        for t in words
    ]
    if cue == "wtitle" and any(known):
        cue = "title"
    if cue == "title":
        if words[0].key in _JOB_WORDS:
            return None
        return seg[0].start, seg[min(len(seg), 5) - 1].end
    if cue == "list":
        # Another name in a list: a given name, or two capitalised words.
        if any(_given(t.key, lists) == 2 for t in words):
            return seg[0].start, seg[-1].end
        label = text[seg[-1].end : seg[-1].end + 2].lstrip(" ").startswith(":")
        if len(words) >= 2 and not label and all(len(t.key) < 15 for t in words):
            return seg[0].start, seg[-1].end
        return None
    if cue in ("greeting", "header", "closing", "field"):
        if len(words) == 1 and cue == "greeting":
            return (seg[0].start, seg[-1].end) if _given(words[0].key, lists) else None
        # The field, salutation or signature holds a name; so does a header with an address.
        lenient = cue in ("field", "closing", "greeting") or (
            _MAIL_AFTER.match(text, seg[-1].end) is not None
        )
        if any(known) or (lenient and len(words) >= 2 and not any(t.caps for t in words)):
            return seg[0].start, seg[-1].end
        return None
    # No cue: a given name followed by another name word, or a known ALL-CAPS surname next to
    # a given name ("DUBOIS Jean", "Jean DUBOIS").
    for i, tok in enumerate(words[:-1]):
        nxt = words[i + 1]
        g = _given(tok.key, lists)
        if (
            tok.caps
            and _surname(tok.key, lists)
            and tok.key not in lists.weak_surname
            and _given(nxt.key, lists)
            and not nxt.caps
        ):
            return tok.start, _name_end(words, i + 1, lists)
        if g == 0 or tok.initial:
            continue
        nxt_sur = _surname(nxt.key, lists) and nxt.key not in lists.weak_surname
        if tok.caps and not (nxt.caps and g == 2 and nxt_sur):
            continue  # "JOHN SMITH" needs both lists; "JOHN Smith" is not a name form
        if g == 1 and not nxt_sur:
            continue
        if g == 2 and nxt.initial and i + 2 >= len(words):
            continue  # "Maria K." alone is too weak
        return tok.start, _name_end(words, i + 1, lists)
    return None


def _after_place(text: str, start: int) -> bool:
    """Whether the run at `start` follows a street word or a house number ("12 N Oak")."""
    i, c = _prev_char(text, start)
    if c.isdigit():
        return True
    if i < 0 or i == start - 1 or not (c.isalpha() or c in "./"):
        return False
    word = _prev_word(text, i + 1)
    if word in _PLACE_PREFIX:
        return True
    if word.rstrip(".") in ("n", "s", "e", "w", "ne", "nw", "se", "sw"):
        _, c = _prev_char(text, i + 1 - len(word))
        return c.isdigit()
    return False


def _extend_particles(text: str, start: int) -> int:
    """Move `start` back over lower-case particles before it ("de Vries", "van Dijk")."""
    while True:
        m = _PARTICLE_BEFORE.search(text, max(0, start - 8), start)
        if m is None:
            return start
        start = m.start(1)


_PARTICLE_WORDS = frozenset(
    ("van", "von", "de", "der", "den", "di", "da", "del", "du", "le", "la", "ten", "ter")
)
_PARTICLE_BEFORE = re.compile(r"(?:^|[ \t])((?:van|von|de|der|den|di|da|del|du|le|la|ten|ter))[ ]$")


def _name_end(words: list[_Tok], j: int, lists: _Lists) -> int:
    """End of a name whose words run to `words[j]` at least: later words must be known names."""
    while j + 1 < len(words):
        key = words[j + 1].key
        if not (_surname(key, lists) or _given(key, lists)) or key in lists.weak_surname:
            break
        j += 1
    return words[j].end


_GIVEN_AFTER_COMMA = re.compile(rf", ({_WORD}(?:[ ]{_WORD}){{0,2}})")


def _inverted(text: str, run: re.Match[str], lists: _Lists) -> tuple[int, int] | None:
    """ "DUBOIS, Jean" / "O'BRIEN, Siobhan" (and "Dubois, Jean" after a field name)."""
    word = run.group().rsplit(None, 1)[-1]
    start = run.end() - len(word)
    key = word.replace("\u2019", "'").casefold()
    if len(key) < 2 or key in lists.stop or "." in key:
        return None
    caps = word.isupper()
    if not caps and not (_surname(key, lists) and _cue(text, start) in ("header", "field")):
        return None
    m = _GIVEN_AFTER_COMMA.match(text, run.end())
    if m is None:
        return None
    end = -1
    pos = m.start(1)
    for given in m.group(1).split(" "):
        key = given.casefold()
        g = _given(key, lists)
        if given.isupper() or not g or key in lists.stop or (g == 1 and len(word) < 3):
            break  # "NW, Washington" is a direction and a city
        end = pos + len(given)
        pos = end + 1
    return (start, end) if end > 0 else None


_CSV_NEXT = re.compile(rf",{_WORD}(?=,|\s|$)")


def _bare_name(text: str, start: int, end: int, key: str, lists: _Lists) -> int | None:
    """End of a one-word name without a cue, or None.

    Two forms are names on their own: a compound of two given names ("Jean-Pierre",
    "Anna-Lena"), and a given name followed by a surname in the next comma-separated field
    ("Anna,Schmidt" in a CSV row).
    """
    if "-" in key:
        parts = key.split("-")
        given = [_given(p, lists) for p in parts]
        if len(parts) == 2 and all(given) and max(given) == 2:
            return end
        return None
    if key not in lists.first or not text.startswith(",", end):
        return None
    m = _CSV_NEXT.match(text, end)
    if m is None:
        return None
    nxt = m.group()[1:].casefold()
    if _surname(nxt, lists) and nxt not in lists.weak_surname and nxt not in lists.stop:
        return m.end()
    return None


_LIST_SEP = re.compile(r"(?:[ \t]*[,;/][ \t]*|[ \t]+(?:and|und|et|y|e|en|&|or|oder|ou|o)[ \t]+)$")


def _listed(text: str, start: int, found: list[Finding]) -> str:
    """ "list" when the run continues a list of names ("Emma Wirth, Kwame Mensah")."""
    if not found:
        return ""
    last = found[-1].end
    if start - last > 8 or start <= last:
        return ""
    return "list" if _LIST_SEP.match(text, last, start) else ""


def _brand(text: str, start: int, end: int) -> bool:
    """Whether the name at start..end is a brand ("Calvin Klein", "Alfa Romeo Giulia")."""
    words = [w.strip("'\u2019&").casefold() for w in text[start:end].split()]
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words if w]
    if len(words) >= 2 and f"{words[0]}_{words[1]}" in _BRANDS:
        return True
    i, c = _prev_char(text, start)
    while c in ("&", "."):
        i, c = _prev_char(text, i) if c == "&" else (i - 1, text[i - 1] if i else "")
    if not words or not c.isalpha():
        return False
    before = _prev_word(text, i + 1).strip(".")
    return f"{before}_{words[0]}" in _BRANDS


def scan_names(text: str) -> list[Finding]:
    """Person names in `text`, as findings of kind "person"."""
    if not text:
        return []
    lists = _lists()
    found: list[Finding] = []
    skip_to = 0
    for m in _RUN.finditer(text):
        start, end = m.span()
        if start < skip_to:
            continue
        if text.startswith(", ", end):
            inverted = _inverted(text, m, lists)
            if inverted is not None:
                found.append(Finding("person", "pii", inverted[0], inverted[1]))
                skip_to = inverted[1]
                continue
        run = m.group()
        if " " not in run and "\t" not in run and "\u00a0" not in run:
            # One word is a name only after a cue; most single words are sentence starts.
            key = run.rstrip(".").casefold()
            if key in lists.stop or key in _TITLES or key in _GREETINGS:
                continue
            cue = _cue(text, start) or _listed(text, start, found)
            if not cue:
                bare = _bare_name(text, start, end, key, lists)
                if bare is not None:
                    found.append(Finding("person", "pii", start, bare))
                    skip_to = bare
                continue
            if _after_place(text, start):
                continue
            toks = _tokens(text, start, end)
            if toks and _name_in(toks, cue, lists, text) is not None:
                s0 = _extend_particles(text, start) if cue in ("title", "wtitle") else start
                found.append(Finding("person", "pii", s0, end))
            continue
        if _after_place(text, start):
            continue
        toks = _tokens(text, start, end)
        if not toks:
            continue
        first = _first_word(toks)
        outer: str | None = None
        for cue, seg in _segments(toks, lists):
            if cue == "place":
                continue
            span = _name_in(seg, cue, lists, text)
            if span is None and not cue and seg[0] is first:
                if outer is None:
                    outer = _cue(text, start) or _listed(text, start, found)
                if outer:
                    span = _name_in(seg, outer, lists, text)
            if span is not None:
                s0 = _extend_particles(text, span[0]) if outer in ("title", "wtitle") else span[0]
                found.append(Finding("person", "pii", s0, span[1]))
    return [f for f in found if not _brand(text, f.start, f.end)]


def _first_word(toks: list[_Tok]) -> _Tok | None:
    for tok in toks:
        if not tok.particle:
            return tok
    return None
