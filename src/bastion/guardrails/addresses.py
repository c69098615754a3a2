"""Postal addresses in free text, found offline with street-type vocabularies per language.

`scan_addresses(text)` returns findings of kind "postal_address" (category "pii"), sorted by
offset and non-overlapping: one span from the house number or street name to the postcode and
city when they follow, across a line break too ("Hauptstraße 5\\n10115 Berlin").

Why hand-written patterns: a street address is a short, conventional sequence (house number,
street type, street name, unit, postcode, city) whose vocabulary is closed per language, so
precompiled regular expressions recognise it fast and every decision can be explained.
`usaddress` 0.5.16 (MIT) labels every token of a string as some address part - it does not
find an address in prose - and took 0.3 ms for one 90-character sentence here (over 3 ms per
KB); `pyap` 0.3.1 (MIT) covers US/CA/GB only, took 1 ms for the same sentence and did not find
its address ("1600 Pennsylvania Avenue NW, Washington, DC 20500"). Neither covers
de/fr/es/it/nl/pt. The forms recognised:

- number first (en, fr): "221B Baker Street", "1600 Pennsylvania Avenue NW, Washington, DC
  20500", "12 rue de la Paix, 75002 Paris", "5 bis, bd Saint-Michel";
- street type first, number after (es, it, pt, fr-BE, nl "Laan van"):
  "Calle Mayor 5, 3º B, 28013 Madrid", "C/ Alcalá, 23", "Via Roma 10, 00184 Roma",
  "Rua Augusta 100, 1100-053 Lisboa", "Avenida da Liberdade, nº 110";
- compound street names (de, nl): "Hauptstraße 5", "Karl-Marx-Allee 3", "Berliner Str. 12",
  "Keizersgracht 123", "Stationsweg 2a";
- capitalised words and a number with no street type, when a postcode of an unmistakable
  shape follows ("Damrak 1, 1012 LG Amsterdam", "32 Kingsway, Leeds LS8 5NN");
- the tail: unit ("Apt 4B", "3º B", "2. OG", "bus 3"), then a postcode in the country's shape
  (5 digits for de/fr/es/it/US, "1015 CJ" nl, "1100-053" pt, 4 digits at/ch/be/dk/au,
  "SW1A 2AA" uk, "K1A 0B1" ca, the Brazilian CEP) with its city, or "City, ST 12345" for the
  US/CA/AU; a city alone after a comma or line break; a country name.

Numbered nouns are not streets: German streets opened by a preposition ("Am Markt 1", but
"Im Jahr 2024", "Zum Beispiel 3") and compounds whose ending also closes ordinary nouns
("-berg", "-hof", "-garten", "-tor", "-wall": "Faktor 2", "Firewall 2") count only with a
postcode after them; "Parkplatz 12" and "Bundesstraße 5" never count. A street type without
a house number is not an address ("the rue de Rivoli", "via email"). Patterns are only tried
at numbers (every address has one), so prose without digits costs a single scan for a digit.
"""

from __future__ import annotations

import re

from bastion.guardrails.findings import Finding
from bastion.guardrails.scanning import DIGIT, lead_with_first_chars

__all__ = ["scan_addresses"]

_LATIN = [chr(c) for c in range(0x41, 0x250) if chr(c).isalpha()]
U = "[" + re.escape("".join(c for c in _LATIN if c.isupper())) + "]"
L = "[" + re.escape("".join(c for c in _LATIN if c.islower())) + "]"
_APOS = "'\u2019"

# A capitalised word of a street or city name ("Saint-Michel", "Champs-Élysées", "St.").
_CW = rf"(?:{U}[\w{_APOS}]*(?:[-.]{U}?[\w{_APOS}]+)*\.?)"
# Lower-case connectors inside street names.
_CONN = (
    r"(?:(?:de[ ]la|de[ ]las|de[ ]los|de|del|des|du|la|le|les|da|do|dos|das"
    r"|di|della|dello|dei|degli|delle|dal|van|von|der|den|het|am|an|im|auf|zum|zur|y|e|of"
    r"|the|sur|en|aux|au|sous|lès|lez|i|dels)(?![\w])|[lLdD]['\u2019](?=\w))"
)
_NAME_WORD = rf"(?:{_CONN}{_CW}?|{_CW}|\d{{1,2}}(?:st|nd|rd|th|er|e|ème|º|ª|°|o|a)?(?![\w])|{L}+)"
# Number first (fr), the name runs to the end of the street: no free lower-case words.
_FR_NAME_WORD = rf"(?:{_CONN}{_CW}?|{_CW}|\d{{1,2}}(?:er|e|ème)?(?![\w]))"
_NUM = (
    r"\d{1,5}(?:(?:[a-zA-Z]|[ ][A-Z])(?![\w]))?"
    r"(?:[-/](?:\d{1,4}[a-zA-Z]?|[a-zA-Z]{1,2}|[IVX]{1,4})(?![\w]))?"
)
_S = r"[ \t\u00a0]"

# --- street types -------------------------------------------------------------------------

_EN_SUFFIX = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way"
    r"|Terrace|Ter|Terr|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Close|Crescent"
    r"|Cres|Gardens|Gdns|Grove|Gr|Row|Mews|Walk|Hill|Park|Green|Parade|Pde|Esplanade|Esp"
    r"|Quay|Wharf|Rise|View|Loop|Run|Pike|Plaza|Commons|Crossing|Xing|Alley|Aly|Point|Pt"
    r"|Ridge|Heights|Hts|Broadway|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke|Causeway"
)
_FR_TYPE = (
    r"rue|avenue|av\.?|boulevard|bd|bld|blvd|chemin|ch\.|impasse|imp\.?|all[ée]e|place|pl\.|quai"
    r"|route|rte|cours|square|passage|chauss[ée]e|faubourg|fbg|voie|sentier|rond-point"
    r"|esplanade|promenade|cit[ée]|r[ée]sidence|hameau|lieu-dit|mont[ée]e|parvis|villa"
    r"|traverse|clos|all\.|sq\."
)
# Street types written before the name, with the house number after it.
_TYPE_FIRST_WORDS = (
    # es (and ca)
    "calle", "c/", "c.", "avda", "avda.", "avenida", "avd.", "av.", "av", "plaza", "pza.",
    "pza", "paseo", "pº", "p.º", "camino", "carretera", "ctra.", "ctra", "ronda", "travesía",
    "travesia", "glorieta", "vía", "callejón", "pasaje", "rambla", "carrer", "passeig",
    "urbanización", "urb.", "cuesta", "costanilla", "avinguda", "plaça",
    # it
    "via", "viale", "v.le", "piazza", "p.za", "p.zza", "piazzale", "corso", "c.so", "largo",
    "vicolo", "vico", "lungomare", "lungotevere", "strada", "contrada", "c.da", "borgo",
    "salita", "galleria", "circonvallazione", "località", "loc.",
    # pt
    "rua", "r.", "travessa", "tv.", "trav.", "praça", "pç.", "alameda", "al.", "estrada",
    "calçada", "beco", "rodovia", "rod.", "praceta", "quinta",
    # fr (Belgium, Switzerland, Luxembourg write the number after the name)
    "rue", "avenue", "boulevard", "chaussée", "chemin", "impasse", "allée", "quai", "route",
    "place",
    # de, nl: a separate word before the name
    "am", "an der", "an den", "auf der", "auf dem", "im", "in der", "in den", "unter den",
    "zum", "zur", "hinter der", "laan van", "plein", "burgemeester", "dokter", "president",
)  # fmt: skip
_TYPE_FIRST = "|".join(
    re.escape(w).replace(r"\ ", "[ ]") for w in sorted(_TYPE_FIRST_WORDS, key=len, reverse=True)
)
_TYPE_WORDS = frozenset(_TYPE_FIRST_WORDS)
# Type words that also are common prose words: the street name after them must be capitalised.
# German prepositions that open street names ("Am Markt", "Unter den Linden") also open
# ordinary phrases ("Im Jahr 2024", "Zum Beispiel 3"): only with a postcode after them.
_PREPOSITION_TYPES = frozenset(
    ["am", "im", "zum", "zur", "an der", "an den", "auf der", "auf dem", "in der", "in den",
     "unter den", "hinter der", "laan van",
     # roads rather than streets ("Carretera Nacional 2", "Strada Statale 1")
     "carretera", "ctra.", "ctra", "rodovia", "rod.", "estrada", "strada", "pasaje"]
)  # fmt: skip
_WEAK_TYPE_FIRST = frozenset(
    ["via", "place", "route", "largo", "strada", "corso", "c.", "r.",
     "al.", "av", "av.", "an der", "an den", "auf der", "auf dem", "in der", "in den", "plein",
     "galleria", "borgo", "president", "dokter", "burgemeester", "quinta", "camino", "beco"]
)  # fmt: skip
# German and Dutch compound street names end in a type ("Hauptstraße", "Keizersgracht"); the
# type can also be a word of its own after the name ("Berliner Straße").
_COMPOUND_ENDINGS = (
    "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt", "berg", "hof", "garten", "kai", "promenade", "brücke",
    "graben", "tor", "anger", "wall", "feld", "steg", "stieg", "twiete", "zeile",
    "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "pad", "dreef",
    "wal", "burgwal", "kanaal", "baan", "plantsoen", "veld", "straatweg", "park", "haven",
)  # fmt: skip
# Endings that also close ordinary nouns ("Faktor", "Firewall", "Kindergarten", "Parkplatz"):
# such a street needs a postcode after it to count.
_WEAK_ENDINGS = (
    "berg", "hof", "garten", "tor", "wall", "feld", "ring", "park", "markt", "haven", "pad",
    "baan", "veld", "steg", "kai", "brücke", "graben", "anger", "zeile",
)  # fmt: skip
_NOT_STREETS = frozenset(
    ["parkplatz", "arbeitsplatz", "spielplatz", "sportplatz", "stellplatz", "sitzplatz",
     "studienplatz", "ausbildungsplatz", "tabellenplatz", "listenplatz", "startplatz",
     "bundesstraße", "bundesstrasse", "autobahn", "rückweg", "heimweg", "umweg", "ausweg",
     "lösungsweg", "rechtsweg", "werdegang", "fahrplan"]
)  # fmt: skip
_COMPOUND = "|".join(re.escape(w) for w in sorted(_COMPOUND_ENDINGS, key=len, reverse=True))
_AFTER_NAME_WORDS = frozenset(
    ("straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer",
     "chaussee", "steig", "pfad", "markt", "straat", "laan", "gracht", "plein", "kade",
     "singel", "dijk")
)  # fmt: skip
_AFTER_NAME_TYPE = "|".join(re.escape(w) for w in sorted(_AFTER_NAME_WORDS, key=len, reverse=True))

# --- units and postcodes ------------------------------------------------------------------

_UNIT_WORDS = (
    r"apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|dept"
    r"|piso|planta|puerta|escalera|esc|bloque|portal|pta|int|interno|scala|sc|piano|p|andar"
    r"|bus|bte|boîte|étage|bâtiment|bât|appartement|appt|app|stock|og|etage|whg|wohnung|hs"
    r"|huis|apto|casa|bloco|sala|loja|conj|cj"
)
_UNIT = (
    rf"(?:(?:,|{_S}*\n)?{_S}*"
    rf"(?:(?:(?i:{_UNIT_WORDS})(?![^\W\d_])\.?|\#){_S}?[A-Za-z0-9\-º°ª]{{1,6}}(?![\w])"
    rf"|(?i:bajo|ático|atico|entresuelo|entlo\.?|principal|pral\.?|sótano|r/c|rés-do-chão"
    rf"|cave|rdc|parterre|erdgeschoss|eg|dg)(?![\w])(?:{_S}?[A-Z](?![\w]))?"
    # The scan reads folded text, where NFKC has made "3º B" and "1ª" into "3o B" and "1a".
    rf"|\d{{1,2}}\.?[º°ªoa]{_S}?(?:(?i:izq(?:da|uierda)?\.?|dcha\.?|derecha|dch\.?|esq\.?"
    rf"|esquerdo|dto\.?|direito|frente|int\.?|planta|piso|andar|piano|étage|etage"
    rf"|izda\.?)(?![\w])|[A-Z](?![\w])|[0-9]{{1,2}}[ºªoa]?(?![\w]))?"
    rf"(?:{_S}?[A-Z](?![\w]))?"
    rf"|\d{{1,2}}\.{_S}?(?:OG|Stock|Etage|Obergeschoss)(?:{_S}(?:links|rechts|li\.?|re\.?|mitte))?"
    r"|(?:[IVX]{1,4}|hs|bis|ter|A|B|C)(?![\w])))"
)
_CITY = (
    rf"(?:{U}[\w{_APOS}]*(?:[-]{U}?[\w{_APOS}]+)*"
    rf"(?:{_S}(?!(?i:cedex)(?![\w]))"
    rf"(?:(?:am|an[ ]der|im|in|bei|ob|sur|sous|en|de|del|di|da|do|dos|aan|den|op|upon"
    rf"|on|la|le|les|lès|sul|al|a)(?:{_S}|-))?{U}[\w{_APOS}]*(?:-{U}?[\w{_APOS}]+)*){{0,3}}"
    rf"(?:{_S}?\((?:{U}{{2}}|{U}[\w.]+)\))?"
    rf"(?:{_S}(?i:cedex)(?:{_S}\d{{1,2}})?)?)"
)
_UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ ]?\d[ABD-HJLNP-UW-Z]{2}"
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    "|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI"
)
_CA_PROV = "ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU"
_AU_STATE = "NSW|VIC|QLD|WA|SA|TAS|ACT|NT"
_POSTCODE_CITY = (
    rf"(?:(?:(?:[A-Z]{{1,2}}|D|F|E|I|NL|P)-)?\d{{5}}{_S}+{_CITY}"  # de fr es it (+ D-/F- prefix)
    rf"|\d{{4}}{_S}?[A-Z]{{2}}(?![\w]){_S}+{_CITY}"  # nl
    rf"|\d{{4}}-\d{{3}}{_S}+{_CITY}"  # pt
    rf"|(?:(?:{_CITY}{_S}*,{_S}*)?{_CITY}{_S}*[-,]{_S}*[A-Z]{{2}}{_S}*[-,]?{_S}*)?"
    rf"\d{{5}}-\d{{3}}(?![\w])"  # br: [bairro,] cidade - UF, CEP
    rf"|(?:[A-Z]{{1,2}}-)?\d{{4}}{_S}+{_CITY}"  # at ch be lu dk
    rf"|{_CITY},?{_S}+(?:{_US_STATES}),?{_S}+\d{{5}}(?:-\d{{4}})?(?![\w])"  # us
    rf"|{_CITY},?{_S}+(?:{_US_STATES})(?![\w])"  # us without ZIP
    rf"|{_CITY},?{_S}+(?:{_CA_PROV}),?{_S}+[A-Z]\d[A-Z][ ]?\d[A-Z]\d(?![\w])"  # ca
    rf"|{_CITY},?{_S}+(?:{_AU_STATE}),?{_S}+\d{{4}}(?![\w])"  # au
    rf"|(?:{_CITY},?{_S}+)?{_UK_POSTCODE}(?![\w])"  # uk
    rf"|(?:(?<=[,\n])|(?<=, )){_CITY}(?={_S}*(?:$|\n|[.;)]|,{_S}*(?:{U}{L}+{_S}*(?:$|\n|[.;)])))))"
)
_SEP = rf"(?:{_S}*,{_S}*|{_S}*\r?\n{_S}*|{_S}+|{_S}*[-\u2013\u2014|·•/]{_S}*)"
_COUNTRY = (
    r"(?:Germany|Deutschland|France|Spain|España|Italy|Italia|Netherlands|Nederland|Portugal"
    r"|Belgium|Belgique|België|Austria|Österreich|Switzerland|Schweiz|Suisse|Svizzera"
    r"|United[ ]Kingdom|UK|USA|United[ ]States|U\.S\.A\.|Canada|Australia|Ireland|Luxembourg"
    r"|Brasil|Brazil|México|Mexico)"
)
# A postcode in a shape no other number has (with its city) makes the capitalised words and
# number before it a street even without a street type ("Damrak 1, 1012 LG Amsterdam").
_STRONG_TAIL = re.compile(
    rf"(?:{_UNIT}){{0,4}}{_SEP}(?:(?:(?:[A-Z]{{1,2}}-)?\d{{5}}|\d{{4}}{_S}?[A-Z]{{2}}(?![\w])"
    rf"|\d{{4}}-\d{{3}}){_S}+{_CITY}|{_CITY},?{_S}+(?:{_US_STATES}),?{_S}+\d{{5}}(?![\w])"
    rf"|(?:{_CITY},?{_S}+)?{_UK_POSTCODE}(?![\w]))"
)
_NUMBER_NAME = re.compile(rf"{_NUM}{_S}{_CW}(?:{_S}{_CW}){{0,2}}")
_STREET_WORDS = re.compile(rf"{_CW}(?:{_S}(?:{_CW}|{_CONN})){{0,3}},?{_S}*")
_TAIL = re.compile(
    rf"(?:{_UNIT}){{0,4}}(?:{_SEP}(?:{_POSTCODE_CITY})(?:{_SEP}{_COUNTRY}(?![\w]))?)?",
)

# --- street patterns ----------------------------------------------------------------------

_BEFORE = r"(?<![\w\-.,/#:@])"
# Number first: "221B Baker Street", "12, rue de la Paix".
_NUMBER_FIRST = re.compile(
    rf"{_BEFORE}{_NUM}(?:{_S}?(?i:bis|ter|quater)(?![\w]))?"
    rf"(?:"
    # en: optional direction, 1-4 name words, a suffix, optional direction
    rf"{_S}(?:[NSEW]\.?{_S}|(?:North|South|East|West|N\.?[EW]\.?|S\.?[EW]\.?){_S})?"
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_CW})(?:{_S}(?:{_CW}|of|the|de|la)){{0,3}}"
    rf"{_S}(?:{_EN_SUFFIX})(?![\w])\.?(?:{_S}(?:NE|NW|SE|SW|N|S|E|W)(?![\w]))?"
    # fr: a street type, then the name
    rf"|,?{_S}(?i:{_FR_TYPE})(?![\w])(?:{_S}{_FR_NAME_WORD}){{1,6}}"
    # de/nl written number first is rare; es/it/pt likewise
    rf")"
)
_TYPE_FIRST_RE = re.compile(
    rf"(?P<type>(?i:{_TYPE_FIRST}))(?![\w])"
    rf"(?P<name>(?:{_S}?{_NAME_WORD}){{1,6}}?)"
    rf",?{_S}*(?:(?i:n[º°o.]|num\.?|no\.?|nr\.?|n\.[º°]|s/n){_S}*)?"
    rf"(?P<num>{_NUM}|(?i:s/n))(?![\w])"
)
_COMPOUND_RE = re.compile(
    rf"(?:{U}[\w\-]*?(?i:{_COMPOUND})(?![\w])"
    rf"|(?!(?i:het|de|der|die|das|the|la|le|el|il|lo|een|ein|eine|mein|unser)[ ]){_CW}{_S}"
    rf"(?i:{_AFTER_NAME_TYPE})(?![\w]))"
    rf",?{_S}*(?:(?i:nr\.?|no\.?){_S}*)?(?P<num>{_NUM})(?![\w])"
)
# A house number: a street name ends just before it ("Hauptstraße 5", "C/ Mayor, 5"), or a
# street's first letters follow it ("12 rue", "12-14 Rue"). Numbers among numbers are passed
# over by the expression itself, so a text of figures costs no Python work per number.
_SEP = "[ \\t\\u00a0,]"
# Led by its first characters, its lookbehinds are tried only where a digit is: half the search.
_HOUSE = lead_with_first_chars(
    re.compile(
        r"(?<![\w\-.,/#:@+=])(?:"
        + "|".join(f"(?<=[^\\W\\d_]{_SEP}{{{n}}})|(?<=[.º°]{_SEP}{{{n}}})" for n in (1, 2, 3))
        + r"|(?=\d{1,5}[^\n]{0,6}?[^\W\d_]))\d{1,5}(?!\d)"
    )
)
# Postcode + city alone is an address only on its own line after a street line; the PO box
# forms are addresses by themselves.
_PO_BOX = lead_with_first_chars(
    re.compile(
        rf"(?<![\w])(?:P\.?{_S}?O\.?{_S}?Box|(?i:postfach|apartado(?:{_S}de{_S}correos)?|"
        rf"casella{_S}postale|caixa{_S}postal|postbus|bo[iî]te{_S}postale)|BP|CP|C\.P\.)"
        rf"{_S}?\d{{1,6}}(?:{_S}\d{{2,4}})?(?![\w])"
    )
)
_YEAR = re.compile(r"19\d\d|20\d\d")
_TRAILING = " \t\u00a0,.;:-\u2013|\n\r"


def _extend(text: str, start: int, end: int) -> int:
    m = _TAIL.match(text, end)
    if m is not None and m.end() > end:
        end = m.end()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


_CONN_WORDS = frozenset(
    ("de", "la", "las", "los", "del", "des", "du", "le", "les", "da", "do", "dos", "das", "di",
     "della", "dello", "dei", "degli", "delle", "dal", "van", "von", "der", "den", "dem", "het",
     "am", "an", "im", "auf", "zum", "zur", "y", "e", "of", "the", "sur", "en", "aux", "au",
     "sous", "lès", "lez", "i", "dels", "unter", "in", "hinter", "laan")
)  # fmt: skip
_NUMBER_MARKS = frozenset(
    ("nº", "n°", "no", "no.", "nr", "nr.", "n.", "n.º", "n.o", "num.", "num", "s/n", "s/n,", "s/n.")
)
_OPENERS = "\"'([{«“„¿¡*_"
_LINE_REACH = 512  # characters before a number that its street's words may take


def _words_before(text: str, pos: int, limit: int) -> list[tuple[int, str]]:
    """Up to `limit` words of a street name before `pos`, nearest first, on the same line.

    Stops at a word that cannot be part of a street name (a lower-case word that is neither
    a connector nor a street type), so a number in prose ("in 5 days") costs one word.
    """
    out: list[tuple[int, str]] = []
    # The line's start, looked for no further back than any street name reaches: a search to
    # the text's start for every number would make a megabyte of one line quadratic.
    floor = max(0, pos - _LINE_REACH)
    newline = text.rfind("\n", floor, pos)
    line = newline + 1 if newline >= 0 else floor
    end = pos
    while len(out) < limit:
        while end > line and text[end - 1] in " \t\u00a0":
            end -= 1
        if end <= line:
            break
        start = max(text.rfind(" ", line, end), text.rfind("\t", line, end)) + 1
        start = max(start, line)
        raw = text[start:end]
        word = raw.lstrip(_OPENERS)
        end = start
        if not word:
            break
        key = word.rstrip(",").casefold()
        first = word[0]
        if not (
            first.isupper()
            or key in _CONN_WORDS
            or key in _TYPE_WORDS
            or (not out and key in _NUMBER_MARKS)
            or key.endswith(_COMPOUND_ENDINGS)
        ):
            break
        out.append((start + len(raw) - len(word), word))
        if len(word) < len(raw):
            break  # an opening quote or bracket starts the street
    return out


def _street_before(text: str, num: re.Match[str]) -> tuple[int, int] | None:
    """The street written before the house number at `num` ("Calle Mayor 5", "Hauptstr. 5")."""
    pos = num.start()
    words = _words_before(text, pos, 9)
    if not words:
        return None
    # Compound street names and separate type words right before the number.
    for k in range(min(2, len(words))):
        key = words[k][1].rstrip(",").casefold()
        if key.endswith(_COMPOUND_ENDINGS) or key in _AFTER_NAME_WORDS:
            for j in (k, k + 1):
                if j >= len(words):
                    continue
                m = _COMPOUND_RE.match(text, words[j][0])
                if m is None or m.end("num") < num.end():
                    continue
                if key in _NOT_STREETS:
                    return None
                if key.endswith(_WEAK_ENDINGS) and _STRONG_TAIL.match(text, m.end()) is None:
                    continue
                return words[j][0], m.end()
    # A type word up to eight words before the number.
    for k in range(len(words)):
        key = words[k][1].casefold()
        candidates = [(words[k][0], key)]
        if k + 1 < len(words):
            candidates.insert(0, (words[k + 1][0], words[k + 1][1].casefold() + " " + key))
        for start, word in candidates:
            if word not in _TYPE_WORDS:
                continue
            m = _TYPE_FIRST_RE.match(text, start)
            if m is not None and m.group("num").casefold() == "s/n":
                # "Calle Nueva, s/n, 11380 Tarifa": no number, so the postcode must follow.
                if _STRONG_TAIL.match(text, m.end()) is None:
                    continue
            elif m is None or m.end("num") < num.end():
                continue
            kind = m.group("type")
            name = m.group("name").strip()
            capitalised = any(w[:1].isupper() for w in name.split())
            if not capitalised:
                continue  # "Calle 13 tocó 20": a street has a proper name
            if kind.casefold() in _PREPOSITION_TYPES and _STRONG_TAIL.match(text, m.end()) is None:
                continue
            weak = kind.casefold() in _WEAK_TYPE_FIRST
            if weak and not (kind[0].isupper() and capitalised):
                continue
            return start, m.end()
    # No street type: capitalised words right before the number, then a strong postcode.
    if _STRONG_TAIL.match(text, num.end()) is not None:
        for start, _ in reversed(words[:4]):
            if not text[start].isupper():
                continue
            m = _STREET_WORDS.match(text, start)
            if m is not None and m.end() == pos:
                return start, num.end()
    return None


def _has_capital(street: str, skip: int) -> bool:
    return any(c.isupper() for c in street[skip:])


def scan_addresses(text: str) -> list[Finding]:
    """Postal addresses in `text`, as findings of kind "postal_address"."""
    if not text or DIGIT.search(text) is None:
        return []
    spans: list[tuple[int, int]] = []
    covered = 0
    for num in _HOUSE.finditer(text):
        pos = num.start()
        if pos < covered:
            continue
        span: tuple[int, int] | None = None
        # A street name before the number ends in a letter or an abbreviation's period; that
        # reading wins over a number-first one ("Laan van Meerdervoort 55 A, 2517 AE ...").
        i = pos - 1
        while i >= 0 and text[i] in " \t\u00a0,":
            i -= 1
        if i >= 0 and (text[i].isalpha() or text[i] in ".º°") and i < pos - 1:
            span = _street_before(text, num)
            # A year after a name is rarely a house number ("Largo Consumo 2024").
            if (
                span is not None
                and _YEAR.fullmatch(num.group())
                and _STRONG_TAIL.match(text, span[1]) is None
            ):
                span = None
        if span is None:
            # A number-first address has its street's first letters right after the number
            # ("12 rue", "12, rue", "12-14 Rue"): a number among numbers is not tried.
            if not any(c.isalpha() for c in text[num.end() : num.end() + 6]):
                continue
            m = _NUMBER_FIRST.match(text, pos)
            if m is not None and not _has_capital(m.group(), num.end() - pos):
                m = None  # "la 3e place du classement"
            if m is None:
                # No street type ("32 Kingsway"): only with a postcode of an unmistakable shape.
                m = _NUMBER_NAME.match(text, pos)
                if m is not None and _STRONG_TAIL.match(text, m.end()) is None:
                    m = None
            if m is not None:
                span = (pos, m.end())
        if span is not None:
            end = _extend(text, span[0], span[1])
            spans.append((span[0], end))
            covered = end
    for m in _PO_BOX.finditer(text):
        spans.append((m.start(), _extend(text, m.start(), m.end())))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[Finding]:
    """Overlapping candidates become one finding (the longest reading of the address)."""
    out: list[Finding] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start < out[-1].end:
            if end > out[-1].end:
                out[-1] = Finding("postal_address", "pii", out[-1].start, end)
            continue
        out.append(Finding("postal_address", "pii", start, end))
    return out
