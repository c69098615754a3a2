# Document texts are written as people write them: long lines, typographic dashes, dotless i.
# ruff: noqa: E501, RUF001
"""Generate the independent PII evaluation set: pii_real_dev.jsonl and pii_real_heldout.jsonl.

    .venv/bin/pip install faker==40.54.0      # benchmark-only dependency, not a runtime one
    .venv/bin/python benchmarks/guardrails/pii_real_dataset.py [--seed 2026] [--out DIR]

The set is written from public, real-world formats (national ID rules, checksums, issuer
ranges, provider token shapes, how people write dates, phones and addresses in seven
languages), not from the detectors' specification. Each line is one JSON object:
text, spans [{kind, start, end}] (end exclusive), lang, format, group
("positive" | "negative" | "public_figure") and template (id).

Split policy: every template belongs to exactly one split, so held-out documents use
structures and phrasings the dev split never shows. Values are split too: names, streets and
cities are partitioned by a stable hash, some value formats (phone layouts, date layouts,
card issuers, ID spellings) exist only on one side, the held-out split adds countries (IE, AT,
CH, BE, MX) and each split has its own Faker seed. Every span is checked against the text it
labels before a line is written.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import string
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faker import Faker

HERE = Path(__file__).resolve().parent
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")
SPLITS = ("dev", "heldout")
FW_AT = "\uff20"  # full-width commercial at

# ---------------------------------------------------------------- countries and locales

COUNTRIES: dict[str, dict[str, list[tuple[str, float]]]] = {
    "dev": {
        "en": [("US", 0.6), ("GB", 0.4)],
        "de": [("DE", 1.0)],
        "fr": [("FR", 1.0)],
        "es": [("ES", 1.0)],
        "it": [("IT", 1.0)],
        "nl": [("NL", 1.0)],
        "pt": [("PT", 0.6), ("BR", 0.4)],
    },
    "heldout": {
        "en": [("US", 0.45), ("GB", 0.35), ("IE", 0.2)],
        "de": [("DE", 0.5), ("AT", 0.25), ("CH", 0.25)],
        "fr": [("FR", 0.6), ("BE", 0.2), ("CH", 0.2)],
        "es": [("ES", 0.7), ("MX", 0.3)],
        "it": [("IT", 0.85), ("CH", 0.15)],
        "nl": [("NL", 0.7), ("BE", 0.3)],
        "pt": [("PT", 0.5), ("BR", 0.5)],
    },
}
LOCALE = {
    ("en", "US"): "en_US",
    ("en", "GB"): "en_GB",
    ("en", "IE"): "en_IE",
    ("de", "DE"): "de_DE",
    ("de", "AT"): "de_AT",
    ("de", "CH"): "de_CH",
    ("fr", "FR"): "fr_FR",
    ("fr", "BE"): "fr_FR",
    ("fr", "CH"): "fr_CH",
    ("es", "ES"): "es_ES",
    ("es", "MX"): "es_MX",
    ("it", "IT"): "it_IT",
    ("it", "CH"): "it_IT",
    ("nl", "NL"): "nl_NL",
    ("nl", "BE"): "nl_BE",
    ("pt", "PT"): "pt_PT",
    ("pt", "BR"): "pt_BR",
}
HOME = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT"}


def side(value: str) -> str:
    """Stable value-source partition: which split may use this name, street or city."""
    return SPLITS[zlib.crc32(value.encode()) % 2]


# ---------------------------------------------------------------- cities and streets


def _r(lo: int, hi: int, width: int = 5) -> tuple[int, int, int]:
    return (lo, hi, width)


CITIES: dict[str, list[tuple[str, Any]]] = {
    "US": [
        ("Springfield, IL", _r(62701, 62712)),
        ("Columbus, OH", _r(43201, 43235)),
        ("Austin, TX", _r(78701, 78759)),
        ("Denver, CO", _r(80202, 80239)),
        ("Portland, OR", _r(97201, 97236)),
        ("Seattle, WA", _r(98101, 98199)),
        ("Chicago, IL", _r(60601, 60661)),
        ("Boston, MA", _r(2108, 2136)),
        ("Atlanta, GA", _r(30303, 30350)),
        ("Phoenix, AZ", _r(85003, 85054)),
        ("San Diego, CA", _r(92101, 92130)),
        ("Raleigh, NC", _r(27601, 27617)),
        ("Minneapolis, MN", _r(55401, 55419)),
        ("Nashville, TN", _r(37201, 37221)),
        ("Madison, WI", _r(53703, 53726)),
        ("Sacramento, CA", _r(95811, 95838)),
        ("Pittsburgh, PA", _r(15201, 15235)),
        ("Brooklyn, NY", _r(11201, 11239)),
        ("Tucson, AZ", _r(85701, 85750)),
        ("Omaha, NE", _r(68102, 68164)),
    ],
    "GB": [
        ("London", ["SW1V", "N1", "E2", "SE15", "NW3", "W4", "SW11", "E17", "N16"]),
        ("Manchester", ["M1", "M4", "M14", "M20"]),
        ("Birmingham", ["B1", "B15", "B29"]),
        ("Leeds", ["LS1", "LS6", "LS8"]),
        ("Bristol", ["BS1", "BS6", "BS8"]),
        ("Edinburgh", ["EH1", "EH3", "EH6"]),
        ("Glasgow", ["G1", "G12", "G41"]),
        ("Cardiff", ["CF10", "CF24"]),
        ("Liverpool", ["L1", "L8", "L17"]),
        ("Sheffield", ["S1", "S10", "S11"]),
        ("Nottingham", ["NG1", "NG7"]),
        ("Oxford", ["OX1", "OX4"]),
        ("Cambridge", ["CB1", "CB4"]),
        ("Brighton", ["BN1", "BN2"]),
        ("York", ["YO1", "YO10"]),
        ("Norwich", ["NR1", "NR2"]),
        ("Exeter", ["EX1", "EX4"]),
    ],
    "IE": [
        ("Dublin 2", ["D02"]),
        ("Dublin 4", ["D04"]),
        ("Dublin 8", ["D08"]),
        ("Dublin 6W", ["D6W"]),
        ("Cork", ["T12", "T23"]),
        ("Galway", ["H91"]),
        ("Limerick", ["V94"]),
        ("Waterford", ["X91"]),
        ("Kilkenny", ["R95"]),
    ],
    "DE": [
        ("Berlin", _r(10115, 14199)),
        ("Hamburg", _r(20095, 22769)),
        ("München", _r(80331, 81929)),
        ("Köln", _r(50667, 51149)),
        ("Frankfurt am Main", _r(60306, 60599)),
        ("Stuttgart", _r(70173, 70629)),
        ("Düsseldorf", _r(40210, 40629)),
        ("Leipzig", _r(4103, 4357)),
        ("Dortmund", _r(44135, 44388)),
        ("Essen", _r(45127, 45359)),
        ("Bremen", _r(28195, 28779)),
        ("Dresden", _r(1067, 1328)),
        ("Hannover", _r(30159, 30659)),
        ("Nürnberg", _r(90402, 90491)),
        ("Freiburg im Breisgau", _r(79098, 79117)),
        ("Münster", _r(48143, 48167)),
        ("Augsburg", _r(86150, 86199)),
        ("Mainz", _r(55116, 55131)),
        ("Kiel", _r(24103, 24159)),
        ("Regensburg", _r(93047, 93059)),
        ("Bonn", _r(53111, 53229)),
        ("Heidelberg", _r(69115, 69126)),
    ],
    "AT": [
        ("Wien", [f"1{d:02d}0" for d in range(1, 24)]),
        ("Graz", _r(8010, 8055, 4)),
        ("Linz", _r(4020, 4040, 4)),
        ("Salzburg", _r(5020, 5026, 4)),
        ("Innsbruck", _r(6020, 6026, 4)),
        ("Klagenfurt am Wörthersee", _r(9020, 9073, 4)),
    ],
    "CH": [
        ("Zürich", _r(8001, 8057, 4)),
        ("Bern", _r(3005, 3027, 4)),
        ("Basel", _r(4051, 4059, 4)),
        ("Luzern", _r(6003, 6006, 4)),
        ("St. Gallen", _r(9000, 9016, 4)),
        ("Winterthur", _r(8400, 8411, 4)),
        ("Genève", _r(1201, 1209, 4)),
        ("Lausanne", _r(1003, 1018, 4)),
        ("Neuchâtel", _r(2000, 2000, 4)),
        ("Fribourg", _r(1700, 1700, 4)),
        ("Lugano", _r(6900, 6908, 4)),
        ("Bellinzona", _r(6500, 6500, 4)),
        ("Locarno", _r(6600, 6600, 4)),
    ],
    "FR": [
        ("Paris", _r(75001, 75020)),
        ("Lyon", _r(69001, 69009)),
        ("Marseille", _r(13001, 13016)),
        ("Toulouse", _r(31000, 31500)),
        ("Nice", _r(6000, 6300)),
        ("Nantes", _r(44000, 44300)),
        ("Strasbourg", _r(67000, 67200)),
        ("Montpellier", _r(34000, 34090)),
        ("Bordeaux", _r(33000, 33800)),
        ("Lille", _r(59000, 59800)),
        ("Rennes", _r(35000, 35700)),
        ("Reims", _r(51100, 51100)),
        ("Grenoble", _r(38000, 38100)),
        ("Dijon", _r(21000, 21000)),
        ("Angers", _r(49000, 49100)),
        ("Tours", _r(37000, 37200)),
    ],
    "BE": [
        ("Bruxelles", _r(1000, 1000, 4)),
        ("Liège", _r(4000, 4000, 4)),
        ("Namur", _r(5000, 5000, 4)),
        ("Charleroi", _r(6000, 6000, 4)),
        ("Antwerpen", _r(2000, 2060, 4)),
        ("Gent", _r(9000, 9050, 4)),
        ("Brugge", _r(8000, 8000, 4)),
        ("Leuven", _r(3000, 3001, 4)),
    ],
    "ES": [
        ("Madrid", _r(28001, 28055)),
        ("Barcelona", _r(8001, 8042)),
        ("Valencia", _r(46001, 46026)),
        ("Sevilla", _r(41001, 41020)),
        ("Zaragoza", _r(50001, 50021)),
        ("Málaga", _r(29001, 29018)),
        ("Bilbao", _r(48001, 48015)),
        ("Murcia", _r(30001, 30012)),
        ("Palma", _r(7001, 7015)),
        ("Valladolid", _r(47001, 47017)),
        ("Granada", _r(18001, 18015)),
        ("Alicante", _r(3001, 3016)),
        ("Salamanca", _r(37001, 37008)),
        ("Oviedo", _r(33001, 33013)),
    ],
    "MX": [
        ("Ciudad de México, CDMX", _r(1000, 16999)),
        ("Guadalajara, Jal.", _r(44100, 44990)),
        ("Monterrey, N.L.", _r(64000, 64990)),
        ("Puebla, Pue.", _r(72000, 72590)),
        ("Querétaro, Qro.", _r(76000, 76150)),
        ("Mérida, Yuc.", _r(97000, 97320)),
    ],
    "IT": [
        ("Roma (RM)", _r(118, 199)),
        ("Milano (MI)", _r(20121, 20162)),
        ("Napoli (NA)", _r(80121, 80147)),
        ("Torino (TO)", _r(10121, 10156)),
        ("Palermo (PA)", _r(90121, 90151)),
        ("Genova (GE)", _r(16121, 16167)),
        ("Bologna (BO)", _r(40121, 40141)),
        ("Firenze (FI)", _r(50121, 50145)),
        ("Bari (BA)", _r(70121, 70132)),
        ("Verona (VR)", _r(37121, 37142)),
        ("Padova (PD)", _r(35121, 35143)),
        ("Trieste (TS)", _r(34121, 34151)),
        ("Brescia (BS)", _r(25121, 25136)),
        ("Parma (PR)", _r(43121, 43126)),
    ],
    "NL": [
        ("Amsterdam", _r(1011, 1109, 4)),
        ("Rotterdam", _r(3011, 3089, 4)),
        ("Den Haag", _r(2491, 2599, 4)),
        ("Utrecht", _r(3511, 3585, 4)),
        ("Eindhoven", _r(5611, 5658, 4)),
        ("Groningen", _r(9711, 9747, 4)),
        ("Tilburg", _r(5011, 5049, 4)),
        ("Almere", _r(1311, 1364, 4)),
        ("Breda", _r(4811, 4839, 4)),
        ("Nijmegen", _r(6511, 6546, 4)),
        ("Haarlem", _r(2011, 2037, 4)),
        ("Arnhem", _r(6811, 6846, 4)),
        ("Zwolle", _r(8011, 8043, 4)),
        ("Leiden", _r(2311, 2334, 4)),
    ],
    "PT": [
        ("Lisboa", _r(1000, 1990, 4)),
        ("Porto", _r(4000, 4369, 4)),
        ("Braga", _r(4700, 4719, 4)),
        ("Coimbra", _r(3000, 3049, 4)),
        ("Faro", _r(8000, 8009, 4)),
        ("Aveiro", _r(3800, 3814, 4)),
        ("Setúbal", _r(2900, 2914, 4)),
        ("Funchal", _r(9000, 9064, 4)),
        ("Viseu", _r(3500, 3515, 4)),
        ("Évora", _r(7000, 7005, 4)),
    ],
    "BR": [
        ("São Paulo - SP", _r(1000, 5999)),
        ("Rio de Janeiro - RJ", _r(20000, 23799)),
        ("Belo Horizonte - MG", _r(30000, 31999)),
        ("Porto Alegre - RS", _r(90000, 91999)),
        ("Curitiba - PR", _r(80000, 82999)),
        ("Salvador - BA", _r(40000, 42599)),
        ("Recife - PE", _r(50000, 52999)),
        ("Fortaleza - CE", _r(60000, 61599)),
        ("Brasília - DF", _r(70000, 72799)),
        ("Campinas - SP", _r(13000, 13139)),
    ],
}

STREETS: dict[str, list[str]] = {
    "US": [
        "Oak Street",
        "Maple Avenue",
        "Elm Street",
        "Cedar Lane",
        "Pine Street",
        "Washington Ave",
        "Lake Shore Drive",
        "Park Place",
        "Highland Avenue",
        "Sunset Blvd",
        "Lincoln Road",
        "Main Street",
        "Jefferson St",
        "Church Street",
        "Willow Court",
        "Meadow Lane",
        "Hillcrest Drive",
        "Franklin Avenue",
        "Ridge Road",
        "River Road",
        "Chestnut Street",
        "Walnut Street",
        "Spring Street",
        "Madison Avenue",
        "Forest Drive",
        "Orchard Way",
    ],
    "GB": [
        "High Street",
        "Station Road",
        "Church Lane",
        "Victoria Road",
        "Mill Lane",
        "Park Avenue",
        "Queen's Road",
        "Kingsway",
        "Manor Close",
        "The Crescent",
        "Grange Road",
        "Albert Street",
        "Orchard Gardens",
        "Green Lane",
        "London Road",
        "Chapel Street",
        "York Road",
        "Cromwell Road",
        "Windsor Close",
        "Springfield Drive",
        "Clarence Street",
        "Elmfield Avenue",
        "St Mary's Road",
        "Northgate",
        "Beech Grove",
    ],
    "IE": [
        "Main Street",
        "Church Road",
        "Seafield Avenue",
        "Griffith Avenue",
        "Mount Street Upper",
        "Merrion Road",
        "Grove Park",
        "Ashfield Road",
        "Convent Road",
        "Oakley Park",
        "St. Patrick's Road",
        "Harbour View",
        "Castle Street",
        "Fairview Strand",
    ],
    "DE": [
        "Hauptstraße",
        "Bahnhofstraße",
        "Schillerstraße",
        "Goethestraße",
        "Gartenstraße",
        "Lindenweg",
        "Bergstraße",
        "Kirchgasse",
        "Am Markt",
        "Friedrichstraße",
        "Mozartstraße",
        "Rosenweg",
        "Birkenallee",
        "Schulstraße",
        "Waldstraße",
        "Dorfstraße",
        "Lessingstraße",
        "Kantstraße",
        "Uhlandstraße",
        "Beethovenstraße",
        "Feldweg",
        "Am Sonnenhang",
        "Königsallee",
        "Ringstraße",
        "Parkstraße",
        "Eichendorffweg",
        "Sophienstraße",
        "Wilhelm-Busch-Straße",
        "Karl-Marx-Allee",
    ],
    "AT": [
        "Mariahilfer Straße",
        "Landstraßer Hauptstraße",
        "Herrengasse",
        "Favoritenstraße",
        "Linzer Gasse",
        "Annenstraße",
        "Getreidegasse",
        "Museumstraße",
        "Hietzinger Kai",
        "Schottenfeldgasse",
        "Wiedner Hauptstraße",
        "Sackstraße",
    ],
    "CH": [
        "Bahnhofstrasse",
        "Seestrasse",
        "Dorfstrasse",
        "Rue du Rhône",
        "Avenue de la Gare",
        "Via Nassa",
        "Kirchweg",
        "Weinbergstrasse",
        "Rue de Lausanne",
        "Via Cantonale",
        "Hauptgasse",
        "Chemin des Vignes",
        "Birkenweg",
        "Badenerstrasse",
    ],
    "FR": [
        "rue de la République",
        "avenue Jean Jaurès",
        "rue Victor Hugo",
        "boulevard Gambetta",
        "rue Pasteur",
        "place de la Mairie",
        "rue du Moulin",
        "allée des Tilleuls",
        "chemin des Vignes",
        "rue Nationale",
        "avenue de la Gare",
        "rue des Lilas",
        "impasse des Roses",
        "rue Saint-Michel",
        "boulevard Voltaire",
        "rue Jules Ferry",
        "avenue Foch",
        "rue de Verdun",
        "rue du Faubourg Saint-Antoine",
        "quai des Chartrons",
        "rue Paul Bert",
        "rue Émile Zola",
        "rue des Écoles",
        "avenue de Paris",
    ],
    "BE": [
        "rue Royale",
        "avenue Louise",
        "chaussée de Waterloo",
        "Kerkstraat",
        "Meir",
        "Veldstraat",
        "rue Saint-Gilles",
        "Naamsestraat",
        "Steenweg op Brussel",
        "rue des Guillemins",
        "Langestraat",
        "boulevard d'Avroy",
    ],
    "ES": [
        "Calle Mayor",
        "Calle de Alcalá",
        "Avenida de la Constitución",
        "Calle Real",
        "Calle del Carmen",
        "Paseo de Gracia",
        "Calle Gran Vía",
        "Avenida de América",
        "Calle de Toledo",
        "Calle San Vicente",
        "Plaza de España",
        "Calle Larios",
        "Calle Sierpes",
        "Avenida Diagonal",
        "Calle de la Paz",
        "Ronda de Segovia",
        "Calle Princesa",
        "Calle Colón",
        "Camino Viejo",
        "Calle Goya",
        "Calle Serrano",
    ],
    "MX": [
        "Av. Insurgentes Sur",
        "Calle Madero",
        "Av. Reforma",
        "Calle Hidalgo",
        "Av. Revolución",
        "Calle Morelos",
        "Av. Juárez",
        "Calle 5 de Mayo",
        "Av. Chapultepec",
        "Calle Allende",
    ],
    "IT": [
        "Via Roma",
        "Via Giuseppe Garibaldi",
        "Corso Vittorio Emanuele II",
        "Via Mazzini",
        "Via Cavour",
        "Piazza della Repubblica",
        "Via Dante Alighieri",
        "Corso Italia",
        "Via Verdi",
        "Via dei Mille",
        "Viale Europa",
        "Via XX Settembre",
        "Via Manzoni",
        "Via San Francesco",
        "Via Nazionale",
        "Corso Buenos Aires",
        "Via Marconi",
        "Via Leopardi",
        "Viale Monza",
        "Via della Libertà",
        "Via Solferino",
    ],
    "NL": [
        "Kerkstraat",
        "Dorpsstraat",
        "Stationsweg",
        "Prinsengracht",
        "Molenweg",
        "Schoolstraat",
        "Julianalaan",
        "Beatrixstraat",
        "Nieuwstraat",
        "Wilhelminastraat",
        "Marktplein",
        "Herengracht",
        "Lindenlaan",
        "Parallelweg",
        "Eikenlaan",
        "Oranjestraat",
        "Burgemeester de Withstraat",
        "Hoofdstraat",
        "Vondellaan",
    ],
    "PT": [
        "Rua Augusta",
        "Avenida da Liberdade",
        "Rua de Santa Catarina",
        "Rua do Almada",
        "Avenida da República",
        "Rua Direita",
        "Rua da Prata",
        "Travessa do Carmo",
        "Rua Cândido dos Reis",
        "Avenida dos Aliados",
        "Rua de Cedofeita",
        "Largo do Rato",
        "Rua Miguel Bombarda",
        "Avenida de Roma",
        "Rua Ferreira Borges",
    ],
    "BR": [
        "Rua Augusta",
        "Avenida Paulista",
        "Rua Oscar Freire",
        "Rua da Consolação",
        "Avenida Atlântica",
        "Rua Voluntários da Pátria",
        "Avenida Sete de Setembro",
        "Rua XV de Novembro",
        "Rua das Flores",
        "Avenida Brasil",
        "Rua Bahia",
        "Avenida Getúlio Vargas",
        "Rua Haddock Lobo",
    ],
}

NEIGHBOURHOODS_BR = [
    "Bela Vista",
    "Pinheiros",
    "Centro",
    "Copacabana",
    "Moinhos de Vento",
    "Savassi",
    "Boa Viagem",
    "Jardins",
    "Botafogo",
    "Batel",
]


# ---------------------------------------------------------------- check digits


def luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in (bban + country + "00"))
    return f"{98 - int(digits) % 97:02d}"


CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            2,
            4,
            18,
            20,
            11,
            3,
            6,
            8,
            12,
            14,
            16,
            10,
            22,
            25,
            24,
            23,
        ],
        strict=True,
    )
)


def cf_even(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - 65


def it_check_char(body: str) -> str:
    total = sum(CF_ODD[c] if i % 2 == 0 else cf_even(c) for i, c in enumerate(body))
    return chr(65 + total % 26)


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------- people


@dataclass
class Person:
    first: str
    last: str
    female: bool
    dob: tuple[int, int, int]  # y, m, d

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


TITLES = {
    "en": ("Mr.", "Ms."),
    "de": ("Herr", "Frau"),
    "fr": ("M.", "Mme"),
    "es": ("Sr.", "Sra."),
    "it": ("Sig.", "Sig.ra"),
    "nl": ("dhr.", "mevr."),
    "pt": ("Sr.", "Sra."),
}
DEAR = {
    "en": ("Dear Mr.", "Dear Ms."),
    "de": ("Sehr geehrter Herr", "Sehr geehrte Frau"),
    "fr": ("Cher Monsieur", "Chère Madame"),
    "es": ("Estimado Sr.", "Estimada Sra."),
    "it": ("Gentile Sig.", "Gentile Sig.ra"),
    "nl": ("Geachte heer", "Geachte mevrouw"),
    "pt": ("Caro Sr.", "Cara Sra."),
}
HELLO = {
    "en": ("Hi Mr.", "Hi Ms."),
    "de": ("Hallo Herr", "Hallo Frau"),
    "fr": ("Bonjour M.", "Bonjour Mme"),
    "es": ("Hola Sr.", "Hola Sra."),
    "it": ("Buongiorno Sig.", "Buongiorno Sig.ra"),
    "nl": ("Beste meneer", "Beste mevrouw"),
    "pt": ("Olá Sr.", "Olá Sra."),
}
BORN = {
    "en": ("born on", "born on"),
    "de": ("geboren am", "geboren am"),
    "fr": ("né le", "née le"),
    "es": ("nacido el", "nacida el"),
    "it": ("nato il", "nata il"),
    "nl": ("geboren op", "geboren op"),
    "pt": ("nascido em", "nascida em"),
}
EXTRA_NAMES = {  # names Faker rarely produces but real documents do
    "en": [
        ("Siobhan", "O'Brien", True),
        ("Patrick", "O'Connor", False),
        ("Aoife", "McCarthy", True),
        ("Kwame", "Mensah", False),
        ("Priya", "Raghunathan", True),
        ("Wei", "Zhang", False),
    ],
    "de": [
        ("Jürgen", "Groß", False),
        ("Ayşe", "Yılmaz", True),
        ("Hans-Peter", "Müller-Lüdenscheidt", False),
    ],
    "fr": [
        ("Jean-Luc", "Dubois", False),
        ("Marie-Hélène", "Lefèvre", True),
        ("Karim", "Benali", False),
    ],
    "es": [("María José", "García López", True), ("Íñigo", "Etxeberria", False)],
    "it": [("Gianluca", "D'Angelo", False), ("Maria Grazia", "Lo Russo", True)],
    "nl": [
        ("Sanne", "de Vries", True),
        ("Bram", "van den Berg", False),
        ("Youssef", "El Amrani", False),
    ],
    "pt": [("João Pedro", "Gonçalves", False), ("Inês", "Magalhães", True)],
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}


def fmt_date(lang: str, country: str, y: int, m: int, d: int, style: int) -> str:
    month = MONTHS[lang].split()[m - 1]
    if lang == "en":
        if country == "US":
            opts = [
                f"{m:02d}/{d:02d}/{y}",
                f"{month} {d}, {y}",
                f"{m}/{d}/{y}",
                f"{y}-{m:02d}-{d:02d}",
            ]
        else:
            opts = [
                f"{d:02d}/{m:02d}/{y}",
                f"{d} {month} {y}",
                f"{d} {month[:3]} {y}",
                f"{y}-{m:02d}-{d:02d}",
            ]
    elif lang == "de":
        opts = [f"{d:02d}.{m:02d}.{y}", f"{d}. {month} {y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}"]
    elif lang == "fr":
        opts = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {month} {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{d:02d}",
        ]
    elif lang == "es":
        opts = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} de {month} de {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d}/{m}/{y}",
        ]
    elif lang == "it":
        opts = [f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}", f"{d:02d}.{m:02d}.{y}", f"{d}/{m}/{y}"]
    elif lang == "nl":
        opts = [f"{d:02d}-{m:02d}-{y}", f"{d} {month} {y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}"]
    else:
        opts = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} de {month} de {y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d:02d}.{m:02d}.{y}",
        ]
    return opts[style % len(opts)]


# ---------------------------------------------------------------- the sample context

ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
UPPER_DIGITS = string.ascii_uppercase + string.digits


class Ctx:
    """Value source for one sample: language, country, split, seeded RNG and Faker."""

    def __init__(self, split: str, lang: str, country: str, rng: random.Random, faker: Faker):
        self.split, self.lang, self.country, self.rng, self.fk = split, lang, country, rng, faker
        self.dev = split == "dev"
        self.people: dict[str, Person] = {}
        self.cache: dict[str, str] = {}

    # -- helpers
    def pick(self, seq: list[Any] | tuple[Any, ...] | str) -> Any:
        return self.rng.choice(seq)

    def own(self, seq: list[str]) -> list[str]:
        mine = [v for v in seq if side(v) == self.split]
        return mine or seq

    def rand(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def digits(self, n: int) -> str:
        return self.rand(string.digits, n)

    def split_fmt(self, dev: list[Any], held: list[Any], both: list[Any] | None = None) -> Any:
        return self.pick((dev if self.dev else held) + (both or []))

    # -- people
    def person(self, key: str = "") -> Person:
        if key not in self.people:
            self.people[key] = self._new_person()
        return self.people[key]

    def _new_person(self) -> Person:
        rng = self.rng
        y = rng.randint(1944, 2005)
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        if rng.random() < 0.06:
            first, last, female = rng.choice(EXTRA_NAMES[self.lang])
            return Person(first, last, female, (y, m, d))
        for _ in range(50):
            female = rng.random() < 0.5
            first = self.fk.first_name_female() if female else self.fk.first_name_male()
            last = self.fk.last_name()
            if side(first + "|" + last) == self.split and "." not in first + last:
                return Person(first, last, female, (y, m, d))
        return Person(first, last, female, (y, m, d))

    # -- contact
    def email_for(self, p: Person, corporate: bool = False) -> str:
        fold = ascii_fold(p.first.replace("ß", "ss")).lower()
        lfold = ascii_fold(p.last.replace("ß", "ss")).lower()
        if self.lang == "de":
            fold = ascii_fold(
                p.first.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
            ).lower()
            lfold = ascii_fold(
                p.last.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")
            ).lower()
        fold = re.sub(r"[^a-z]", "", fold.split()[0])
        lfold = re.sub(r"[^a-z]", "", lfold.replace(" ", ""))
        rng = self.rng
        if corporate:
            local = rng.choice(
                [f"{fold}.{lfold}", f"{fold[0]}.{lfold}", f"{lfold}", f"{fold}{lfold[0]}"]
            )
            return f"{local}@{self.company_domain()}"
        local = rng.choice(
            [
                f"{fold}.{lfold}",
                f"{fold}{lfold}{rng.randint(60, 99)}",
                f"{fold[0]}{lfold}",
                f"{lfold}.{fold}",
                f"{fold}_{lfold}",
                f"{fold}.{lfold}{rng.randint(1, 9)}",
            ]
        )
        if rng.random() < 0.12:
            local += "+" + rng.choice(["news", "shop", "bank", "work", "amazon", "2024"])
        return f"{local}@{rng.choice(self.mail_domains())}"

    def mail_domains(self) -> list[str]:
        common = ["gmail.com", "outlook.com", "hotmail.com", "icloud.com", "yahoo.com", "proton.me"]
        local = {
            "US": ["aol.com", "comcast.net", "att.net", "verizon.net"],
            "GB": ["btinternet.com", "sky.com", "yahoo.co.uk", "virginmedia.com", "hotmail.co.uk"],
            "IE": ["eircom.net", "gmail.com", "hotmail.ie"],
            "DE": ["gmx.de", "web.de", "t-online.de", "posteo.de", "freenet.de", "gmx.net"],
            "AT": ["gmx.at", "aon.at", "chello.at"],
            "CH": ["bluewin.ch", "gmx.ch", "sunrise.ch"],
            "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr"],
            "BE": ["skynet.be", "telenet.be", "proximus.be"],
            "ES": ["telefonica.net", "yahoo.es", "hotmail.es"],
            "MX": ["prodigy.net.mx"],
            "IT": ["libero.it", "virgilio.it", "alice.it", "tiscali.it"],
            "NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "planet.nl", "hetnet.nl"],
            "PT": ["sapo.pt", "netcabo.pt", "clix.pt"],
            "BR": ["uol.com.br", "bol.com.br", "terra.com.br"],
        }[self.country]
        return common + local * 2

    def company_domain(self) -> str:
        tld = {
            "US": "com",
            "GB": "co.uk",
            "IE": "ie",
            "DE": "de",
            "AT": "at",
            "CH": "ch",
            "FR": "fr",
            "BE": "be",
            "ES": "es",
            "MX": "com.mx",
            "IT": "it",
            "NL": "nl",
            "PT": "pt",
            "BR": "com.br",
        }[self.country]
        last = re.sub(r"[^a-z]", "", ascii_fold(self.fk.last_name()).lower())
        suffix = self.pick(
            [
                "group",
                "partner",
                "consulting",
                "logistik" if self.lang == "de" else "log",
                "tech",
                "bau" if self.lang == "de" else "build",
                "legal",
                "med",
                "immo",
            ]
        )
        dom = f"{last}-{suffix}.{tld}"
        if self.rng.random() < 0.25:
            dom = self.pick(["mail.", "eu.", "corp.", "intern."]) + dom
        return dom

    def obfuscate(self, email: str) -> str:
        local, dom = email.split("@")
        dparts = dom.split(".")
        style = self.split_fmt(
            ["(at)", " at dot", "[at] [dot]", FW_AT],
            ["(at)", " at dot", "[at] [dot]", FW_AT, "(at) (dot)", " AT DOT"],
        )
        if style == "(at)":
            return f"{local}(at){dom}"
        if style == FW_AT:
            return f"{local}{FW_AT}{dom}"
        if style == "[at] [dot]":
            return f"{local} [at] " + " [dot] ".join(dparts)
        if style == "(at) (dot)":
            return f"{local}(at)" + "(dot)".join(dparts)
        if style == " AT DOT":
            return f"{local} AT " + " DOT ".join(dparts)
        return f"{local} at " + " dot ".join(dparts)

    def phone(self, mobile: bool | None = None) -> str:
        rng, c = self.rng, self.country
        mobile = rng.random() < 0.6 if mobile is None else mobile
        d = self.digits
        if c == "US":
            area = rng.choice(
                [
                    "212",
                    "312",
                    "415",
                    "617",
                    "512",
                    "206",
                    "303",
                    "404",
                    "702",
                    "917",
                    "646",
                    "773",
                    "720",
                    "503",
                    "612",
                    "615",
                ]
            )
            ex = f"{rng.randint(2, 9)}{d(2)}"
            ln = d(4)
            return self.split_fmt(
                [
                    f"({area}) {ex}-{ln}",
                    f"{area}-{ex}-{ln}",
                    f"{area}{ex}{ln}",
                    f"+1 {area} {ex} {ln}",
                ],
                [
                    f"{area}.{ex}.{ln}",
                    f"({area}) {ex}-{ln} ext. {rng.randint(10, 499)}",
                    f"+1 ({area}) {ex}-{ln}",
                    f"1-{area}-{ex}-{ln}",
                ],
            )
        if c == "GB":
            if mobile:
                n = f"7{rng.choice(['4', '5', '7', '8', '9'])}{d(2)}"
                s = d(6)
                return self.split_fmt(
                    [f"0{n} {s}", f"+44 {n} {s}"], [f"+44 (0){n} {s}", f"0{n}{s}"]
                )
            a, b = f"{rng.randint(3, 8)}{d(3)}", d(4)
            return self.split_fmt(
                [f"020 {a} {b}", f"+44 20 {a} {b}"], [f"+44(0)20 {a} {b}", f"(020) {a} {b}"]
            )
        if c == "IE":
            n, a, b = rng.choice(["83", "85", "86", "87", "89"]), d(3), d(4)
            return self.pick([f"0{n} {a} {b}", f"+353 {n} {a} {b}", f"+353 (0){n} {a}{b}"])
        if c == "DE":
            if mobile:
                p = rng.choice(
                    [
                        "151",
                        "152",
                        "157",
                        "160",
                        "162",
                        "170",
                        "171",
                        "172",
                        "173",
                        "175",
                        "176",
                        "177",
                        "178",
                        "179",
                        "159",
                    ]
                )
                s = d(rng.choice([7, 8]))
                return self.split_fmt(
                    [f"0{p} {s}", f"+49 {p} {s}", f"0{p}/{s}"],
                    [f"+49 (0){p} {s[:4]} {s[4:]}", f"0{p}-{s}", f"0{p}{s}"],
                )
            a = rng.choice(["30", "89", "40", "221", "69", "711", "211", "341", "351", "511"])
            s = d(7 if len(a) == 2 else 6)
            return self.split_fmt(
                [f"0{a} {s}", f"+49 {a} {s}", f"(0{a}) {s}"],
                [f"+49 (0){a} {s}", f"0{a}/{s[:3]} {s[3:]}", f"0{a} {s}-0"],
            )
        if c == "AT":
            p = rng.choice(["664", "660", "676", "650", "699"])
            s = d(7)
            return self.pick([f"+43 {p} {s}", f"0{p} {s[:3]} {s[3:5]} {s[5:]}", f"0{p}/{s}"])
        if c == "CH":
            p = (
                rng.choice(["76", "77", "78", "79"])
                if mobile
                else rng.choice(["44", "31", "61", "22", "21"])
            )
            a, b, cc = d(3), d(2), d(2)
            return self.pick(
                [f"+41 {p} {a} {b} {cc}", f"0{p} {a} {b} {cc}", f"+41 (0){p} {a} {b} {cc}"]
            )
        if c in ("FR", "BE") and self.lang == "fr" and c == "FR":
            p = rng.choice(["6", "7"]) if mobile else rng.choice(["1", "2", "3", "4", "5"])
            g = [d(2) for _ in range(4)]
            return self.split_fmt(
                [f"0{p} {' '.join(g)}", f"+33 {p} {' '.join(g)}", f"0{p}{''.join(g)}"],
                [f"0{p}.{'.'.join(g)}", f"+33 (0){p} {' '.join(g)}", f"0{p}-{'-'.join(g)}"],
            )
        if c == "BE":
            p = rng.choice(["470", "471", "475", "476", "477", "478", "484", "485", "486", "496"])
            return self.pick(
                [
                    f"+32 {p} {d(2)} {d(2)} {d(2)}",
                    f"0{p} {d(2)} {d(2)} {d(2)}",
                    f"0{p}/{d(2)}.{d(2)}.{d(2)}",
                ]
            )
        if c == "ES":
            p = (
                f"{rng.choice(['6', '7'])}{d(2)}"
                if mobile
                else rng.choice(["91", "93", "96", "95"]) + d(1)
            )
            return self.split_fmt(
                [f"{p} {d(2)} {d(2)} {d(2)}", f"+34 {p} {d(2)} {d(2)} {d(2)}", f"{p}{d(6)}"],
                [f"+34 {p} {d(3)} {d(3)}", f"(+34) {p}{d(6)}", f"{p} {d(3)} {d(3)}"],
            )
        if c == "MX":
            a = rng.choice(["55", "33", "81", "222"])
            return self.pick(
                [f"+52 {a} {d(4)} {d(4)}", f"{a} {d(4)} {d(4)}", f"+52 1 {a} {d(4)} {d(4)}"]
            )
        if c == "IT":
            if mobile:
                p = rng.choice(
                    [
                        "320",
                        "328",
                        "333",
                        "338",
                        "339",
                        "340",
                        "345",
                        "347",
                        "348",
                        "349",
                        "366",
                        "380",
                        "392",
                    ]
                )
                return self.split_fmt(
                    [f"{p} {d(3)} {d(4)}", f"+39 {p} {d(7)}", f"{p}{d(7)}"],
                    [f"+39 {p} {d(3)} {d(4)}", f"{p}/{d(7)}", f"(+39) {p} {d(7)}"],
                )
            a = rng.choice(["06", "02", "011", "051", "055", "081"])
            return self.pick([f"{a} {d(4)} {d(4)}", f"+39 {a} {d(8)}", f"{a}-{d(7)}"])
        if c == "NL":
            if mobile:
                s = d(8)
                return self.split_fmt(
                    [f"06 {s}", f"06-{s}", f"+31 6 {s}"],
                    [f"+31 (0)6 {s[:4]} {s[4:]}", f"06{s}", f"+316{s}"],
                )
            a = rng.choice(["20", "10", "70", "30", "40", "50"])
            return self.pick([f"0{a} {d(3)} {d(4)}", f"0{a}-{d(7)}", f"+31 {a} {d(3)} {d(4)}"])
        if c == "PT":
            p = rng.choice(["91", "92", "93", "96"]) + d(1) if mobile else "21" + d(1)
            return self.split_fmt(
                [f"{p} {d(3)} {d(3)}", f"+351 {p} {d(3)} {d(3)}"],
                [f"{p}{d(6)}", f"(+351) {p} {d(3)} {d(3)}", f"00351 {p}{d(6)}"],
            )
        # BR
        a = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        return self.split_fmt(
            [f"({a}) 9{d(4)}-{d(4)}", f"+55 {a} 9{d(4)}-{d(4)}"],
            [f"{a} 9{d(4)}-{d(4)}", f"+55 ({a}) 9{d(4)} {d(4)}", f"({a}) 9 {d(4)}-{d(4)}"],
        )

    # -- addresses
    def address(self, multiline: bool = False) -> str:
        rng, c = self.rng, self.country
        street = self.pick(self.own(STREETS[c]))
        city, pc = self.pick(self.own([x[0] for x in CITIES[c]])), None
        spec = dict(CITIES[c])[city]
        if isinstance(spec, tuple):
            lo, hi, width = spec
            pc = f"{rng.randint(lo, hi):0{width}d}"
        elif c not in ("GB", "IE"):
            pc = self.pick(spec)
        no = str(rng.choice([rng.randint(1, 40), rng.randint(1, 180)]))
        sep = "\n" if multiline else ", "
        if c == "US":
            unit = rng.choice(
                [
                    "",
                    "",
                    "",
                    f" Apt {rng.randint(1, 30)}{rng.choice('ABCD')}",
                    f" Unit {rng.randint(100, 999)}",
                ]
            )
            city_, state = city.split(", ")
            return f"{rng.randint(10, 9999)} {street}{unit}{sep}{city_}, {state} {pc}"
        if c == "GB":
            district = self.pick(spec)
            pcode = f"{district} {rng.randint(1, 9)}{self.rand('ABDEFGHJLNPQRSTUWXYZ', 2)}"
            flat = rng.choice(["", "", f"Flat {rng.randint(1, 12)}, "])
            return f"{flat}{no} {street}{sep}{city} {pcode}"
        if c == "IE":
            ek = f"{self.pick(spec)} {self.rand('ACDEFHKNPRTVWXY0123456789', 4)}"
            return (
                f"{no} {street}{sep}{city}, {ek}"
                if not multiline
                else f"{no} {street}\n{city}\n{ek}"
            )
        if (
            c in ("DE", "AT", "CH")
            and self.lang != "fr"
            and not street.startswith(("Rue", "Avenue", "Via", "Chemin"))
        ):
            suffix = rng.choice(["", "", "", "a", "b"]) if c == "DE" else ""
            if c == "AT" and rng.random() < 0.4:
                suffix = f"/{rng.randint(1, 20)}"
            return f"{street} {no}{suffix}{sep}{pc} {city}"
        if (c in ("FR", "BE", "CH") and street[0].islower()) or street.startswith(
            ("Rue", "Avenue", "Chemin")
        ):
            bis = rng.choice(["", "", "", " bis", " ter"])
            if c == "FR":
                return f"{no}{bis} {street}{sep}{pc} {city}"
            return (
                f"{street} {no}{sep}{pc} {city}" if c == "CH" else f"{no} {street}{sep}{pc} {city}"
            )
        if c == "BE":
            return f"{street} {no}{sep}{pc} {city}"
        if c == "CH":
            return f"{street} {no}{sep}{pc} {city}"
        if c == "ES":
            floor = rng.choice(
                [
                    "",
                    f", {rng.randint(1, 9)}º {rng.choice('ABCD')}",
                    f", {rng.randint(1, 6)}.º izq.",
                    f", {rng.randint(1, 8)}º {rng.randint(1, 4)}ª",
                ]
            )
            st = (
                street
                if rng.random() < 0.7
                else street.replace("Calle ", "C/ ").replace("Avenida", "Avda.")
            )
            return f"{st}, {no}{floor}{sep}{pc} {city}"
        if c == "MX":
            col = self.pick(
                [
                    "Col. Roma Norte",
                    "Col. Condesa",
                    "Col. Del Valle",
                    "Col. Centro",
                    "Col. Americana",
                ]
            )
            return f"{street} {no}, {col}{sep}C.P. {pc}, {city}"
        if c == "IT":
            return (
                f"{street}, {no}{sep}{pc} {city}"
                if rng.random() < 0.6
                else f"{street} {no}{sep}{pc} {city}"
            )
        if c == "NL":
            letters = self.rand("ABCEGHJKLMNPRTVWXZ", 2)
            extra = rng.choice(["", "", "A", "-1", " hs", "-II"])
            return f"{street} {no}{extra}{sep}{pc} {letters} {city}"
        if c == "PT":
            floor = rng.choice(
                ["", f", {rng.randint(1, 8)}.º Esq.", f", {rng.randint(1, 8)}.º Dto.", " r/c"]
            )
            return f"{street}, {no}{floor}{sep}{pc}-{self.digits(3)} {city}"
        # BR
        apto = rng.choice(["", f", apto {rng.randint(11, 184)}", f", casa {rng.randint(1, 4)}"])
        bairro = self.pick(NEIGHBOURHOODS_BR)
        return f"{street}, {no}{apto} - {bairro}{sep}{city}, {pc[:5]}-{self.digits(3)}"

    # -- dates
    def dob(self, key: str = "") -> str:
        y, m, d = self.person(key).dob
        style = self.split_fmt([0, 1], [2, 3], [0])
        return fmt_date(self.lang, self.country, y, m, d, style)

    def some_date(self) -> str:
        y, m, d = (
            self.rng.choice([2024, 2025, 2026]),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
        )
        return fmt_date(self.lang, self.country, y, m, d, self.rng.randint(0, 1))

    # -- national IDs
    def ssn(self) -> str:
        while True:
            area = self.rng.randint(1, 899)
            if area != 666:
                break
        v = f"{area:03d}{self.rng.randint(1, 99):02d}{self.rng.randint(1, 9999):04d}"
        return self.split_fmt(
            [f"{v[:3]}-{v[3:5]}-{v[5:]}"],
            [f"{v[:3]} {v[3:5]} {v[5:]}", v],
            [f"{v[:3]}-{v[3:5]}-{v[5:]}"],
        )

    def nino(self) -> str:
        while True:
            a = self.pick("ABCEGHJKLMNOPRSTWXYZ")
            b = self.pick("ABCEGHJKLMNPRSTWXYZ")
            if a + b not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                break
        n = self.digits(6)
        s = self.pick("ABCD")
        return self.split_fmt(
            [f"{a}{b} {n[:2]} {n[2:4]} {n[4:]} {s}"], [f"{a}{b}{n}{s}", f"{a}{b} {n} {s}"]
        )

    def nir(self, key: str = "") -> str:
        p = self.person(key)
        y, m, _ = p.dob
        dept = self.pick(
            ["75", "69", "13", "33", "59", "44", "31", "67", "2A", "2B", "92", "93", "06", "35"]
        )
        body = f"{2 if p.female else 1}{y % 100:02d}{m:02d}{dept}{self.rng.randint(1, 990):03d}{self.rng.randint(1, 999):03d}"
        num = int(body.replace("2A", "19").replace("2B", "18"))
        key_ = f"{97 - num % 97:02d}"
        full = body + key_
        spaced = (
            f"{full[0]} {full[1:3]} {full[3:5]} {full[5:7]} {full[7:10]} {full[10:13]} {full[13:]}"
        )
        return self.split_fmt([spaced], [full, f"{full[:13]} {full[13:]}"])

    def dni(self) -> str:
        n = self.rng.randint(1000000, 99999999)
        v = f"{n:08d}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
        return self.split_fmt([v], [f"{v[:8]}-{v[8]}", f"{v[:2]}.{v[2:5]}.{v[5:8]}-{v[8]}"], [v])

    def nie(self) -> str:
        pre = self.pick("XYZ")
        n = self.rng.randint(0, 9999999)
        letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{'XYZ'.index(pre)}{n:07d}") % 23]
        return self.split_fmt(
            [f"{pre}{n:07d}{letter}"], [f"{pre}-{n:07d}-{letter}"], [f"{pre}{n:07d}{letter}"]
        )

    def codice_fiscale(self, key: str = "") -> str:
        p = self.person(key)

        def cons(s: str) -> str:
            return "".join(c for c in s if c not in "AEIOU")

        def vow(s: str) -> str:
            return "".join(c for c in s if c in "AEIOU")

        sur = re.sub(r"[^A-Z]", "", ascii_fold(p.last).upper())
        nam = re.sub(r"[^A-Z]", "", ascii_fold(p.first).upper())
        s3 = (cons(sur) + vow(sur) + "XXX")[:3]
        nc = cons(nam)
        n3 = nc[0] + nc[2] + nc[3] if len(nc) >= 4 else (nc + vow(nam) + "XXX")[:3]
        y, m, d = p.dob
        comune = self.pick(
            [
                "H501",
                "F205",
                "L219",
                "F839",
                "G273",
                "A944",
                "D612",
                "D969",
                "L736",
                "A662",
                "L781",
                "G224",
                "B157",
                "G337",
                "L424",
            ]
        )
        body = (
            f"{s3}{n3}{y % 100:02d}{'ABCDEHLMPRST'[m - 1]}{d + (40 if p.female else 0):02d}{comune}"
        )
        return body + it_check_char(body)

    def steuer_id(self) -> str:
        rng = self.rng
        while True:
            digits = rng.sample(range(10), 9)
            if digits[0] == 0:
                continue
            dup = rng.choice(digits)
            pos = rng.randint(1, 9)
            digits.insert(pos, dup)
            if digits[0] != 0:
                break
        product = 10
        for dgt in digits:
            s = (dgt + product) % 10 or 10
            product = (s * 2) % 11
        check = (11 - product) % 10
        v = "".join(map(str, digits)) + str(check)
        return self.split_fmt(
            [v, f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"],
            [f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}", f"{v[:3]}/{v[3:6]}/{v[6:]}"],
        )

    def bsn(self) -> str:
        while True:
            ds = [self.rng.randint(1, 9)] + [self.rng.randint(0, 9) for _ in range(7)]
            last = sum(w * x for w, x in zip(range(9, 1, -1), ds, strict=True)) % 11
            if last < 10:
                v = "".join(map(str, [*ds, last]))
                return self.split_fmt(
                    [v], [f"{v[:4]}.{v[4:6]}.{v[6:]}", f"{v[:3]} {v[3:6]} {v[6:]}"], [v]
                )

    def nif(self) -> str:
        ds = [self.rng.choice([1, 2, 2, 3])] + [self.rng.randint(0, 9) for _ in range(7)]
        r = sum(x * (9 - i) for i, x in enumerate(ds)) % 11
        v = "".join(map(str, [*ds, 0 if r < 2 else 11 - r]))
        return self.split_fmt([v], [f"{v[:3]} {v[3:6]} {v[6:]}"], [v])

    def cpf(self) -> str:
        while True:
            ds = [self.rng.randint(0, 9) for _ in range(9)]
            if len(set(ds)) > 1:
                break
        for n in (10, 11):
            r = sum(x * (n - i) for i, x in enumerate(ds)) % 11
            ds.append(0 if r < 2 else 11 - r)
        v = "".join(map(str, ds))
        return self.split_fmt(
            [f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"],
            [v, f"{v[:3]}.{v[3:6]}.{v[6:9]}/{v[9:]}"],
            [f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"],
        )

    def natid(self, key: str = "") -> tuple[str, str]:
        c = self.country if self.country in NATID else HOME[self.lang]
        if c == "BR" and self.lang != "pt":
            c = HOME[self.lang]
        kind = NATID[c]
        if kind == "es_dni" and self.rng.random() < 0.3:
            kind = "es_nie"
        fn = getattr(self, KIND_FN[kind])
        return kind, fn(key) if kind in ("fr_nir", "it_codice_fiscale") else fn()

    # -- documents
    def passport(self) -> str:
        c, rng = self.country, self.rng
        if c == "US":
            return self.pick([self.digits(9), "A" + self.digits(8)])
        if c in ("GB", "IE"):
            return self.digits(9) if c == "GB" else self.rand("PLTXN", 2) + self.digits(7)
        if c in ("DE", "AT", "CH"):
            if c == "AT":
                return self.pick("PUN") + self.digits(7)
            if c == "CH":
                return self.pick("SXF") + self.digits(7)
            return self.pick("CFGHJK") + self.rand("CFGHJKLMNPRTVWXYZ0123456789", 8)
        if c in ("FR", "BE"):
            return (
                f"{rng.randint(10, 24)}{self.rand('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}{self.digits(5)}"
                if c == "FR"
                else self.rand("EFGH", 2) + self.digits(6)
            )
        if c in ("ES", "MX"):
            return (
                self.rand("ABCDEFGHJKLMNPRSTVXYZ", 3) + self.digits(6)
                if c == "ES"
                else "G" + self.digits(8)
            )
        if c == "IT":
            return self.rand("ABCDEFGHJKLMNPRSTUVWXYZ", 2) + self.digits(7)
        if c == "NL":
            return (
                self.rand("ABCDEFGHIJKLMNPRSTUVWXYZ", 2)
                + self.rand("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 6)
                + self.digits(1)
            )
        if c == "PT":
            return self.pick("CLNP") + self.digits(6)
        return self.rand("ABCDEFGHJKLMNPRSTUVWXYZ", 2) + self.digits(6)

    def driver_license(self) -> str:
        c, rng, d = self.country, self.rng, self.digits
        if c == "US":
            return self.pick(
                [
                    self.pick(string.ascii_uppercase) + d(7),  # CA
                    f"{d(3)} {d(3)} {d(3)}",  # NY
                    f"{self.pick(string.ascii_uppercase)}{d(3)}-{d(3)}-{d(2)}-{d(3)}-{d(1)}",  # FL
                    d(8),  # TX
                    f"{self.pick(string.ascii_uppercase)}{d(3)}-{d(4)}-{d(4)}",  # IL
                    "WDL" + self.rand("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 9),  # WA
                    f"{self.pick(string.ascii_uppercase)}{d(4)} {d(5)} {d(5)}",  # NJ
                ]
            )
        if c in ("GB", "IE"):
            if c == "IE":
                return f"{d(3)}{d(3)}{d(3)}"
            p = self.person()
            sur = (re.sub(r"[^A-Z]", "", ascii_fold(p.last).upper()) + "99999")[:5]
            y, m, dd = p.dob
            mm = m + (50 if p.female else 0)
            ini = ascii_fold(p.first)[0].upper() + rng.choice(
                [ascii_fold(self.fk.first_name())[0].upper(), "9"]
            )
            return f"{sur}{str(y)[2]}{mm:02d}{dd:02d}{str(y)[3]}{ini}9{self.rand('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}"
        if c in ("DE", "AT", "CH"):
            if c == "AT":
                return d(8)
            return (
                self.rand("BCDFGHJKLMNPRSTVWXYZ0123456789", 4) + self.rand(UPPER_DIGITS, 5) + d(2)
                if c == "DE"
                else f"{d(6)}"
            )
        if c == "FR":
            return self.pick([d(12), f"{d(2)}{self.rand('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}{d(5)}"])
        if c == "BE":
            return d(10)
        if c in ("ES", "MX"):
            return self.dni() if c == "ES" else self.rand(string.ascii_uppercase, 1) + d(8)
        if c == "IT":
            return self.pick(
                [
                    f"U1{self.rand('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 7)}{self.pick(string.ascii_uppercase)}",
                    f"{self.pick(['MI', 'RM', 'TO', 'NA', 'BO', 'FI'])}{d(7)}{self.pick(string.ascii_uppercase)}",
                ]
            )
        if c == "NL":
            return d(10)
        if c == "PT":
            return self.pick(
                [f"{self.pick('LPBCAEFH')}-{d(6)} {d(1)}", f"{self.pick('LP')}-{d(7)} {d(1)}"]
            )
        return d(11)

    def mrn(self) -> str:
        c, d = self.country, self.digits
        if self.lang == "en":
            return self.split_fmt(
                [d(8), f"{d(3)}-{d(3)}-{d(2)}"], [d(7), f"{self.pick('EHMW')}{d(7)}", d(10)]
            )
        if self.lang == "de":
            return self.split_fmt(
                [d(9), f"{self.rng.randint(2019, 2026)}-{d(6)}"], [d(10), f"{d(4)}/{d(6)}"]
            )
        if self.lang == "fr":
            return self.split_fmt([d(9)], [d(10), f"{self.rng.randint(19, 26)}{d(7)}"])
        if self.lang == "es":
            return self.split_fmt([d(7)], [d(6), d(8)])
        if self.lang == "it":
            return self.split_fmt(
                [f"{self.rng.randint(2019, 2026)}/{d(6)}"], [d(8), f"{d(2)}.{d(6)}"]
            )
        if self.lang == "nl":
            return self.split_fmt([d(7)], [d(8), f"{d(3)}.{d(3)}.{d(2)}"])
        return self.split_fmt([d(7)] if c == "PT" else [d(8)], [f"{d(3)}.{d(3)}", d(9)])

    # -- money
    def iban(self) -> str:
        c, rng, d = self.country, self.rng, self.digits
        if c in ("US", "MX", "BR"):
            c = {"US": "GB", "MX": "ES", "BR": "PT"}[c]
        if c == "DE":
            bban = self.pick(
                [
                    "10010010",
                    "37040044",
                    "50010517",
                    "70150000",
                    "20050550",
                    "12030000",
                    "43060967",
                    "10090000",
                    "60050101",
                    "76050101",
                    "30050110",
                    "25050180",
                ]
            ) + d(10)
        elif c == "AT":
            bban = self.pick(["12000", "20111", "32000", "14000", "38000", "60000"]) + d(11)
        elif c == "CH":
            bban = self.pick(["09000", "00230", "00700", "00767", "08390"]) + d(12)
        elif c == "FR":
            b, g, a = (
                self.pick(["30004", "30003", "20041", "30002", "10278", "16606", "17515", "10107"]),
                d(5),
                d(11),
            )
            key = 97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97
            bban = f"{b}{g}{a}{key:02d}"
        elif c == "BE":
            first = self.pick(["001", "068", "310", "363", "735", "063", "096", "143"]) + d(7)
            chk = int(first) % 97 or 97
            bban = f"{first}{chk:02d}"
        elif c == "ES":
            bank, branch, acct = (
                self.pick(["2100", "0049", "0182", "0081", "2038", "0128", "0075"]),
                d(4),
                d(10),
            )
            w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

            def dc(s: str) -> int:
                r = 11 - sum(int(x) * y for x, y in zip(s, w, strict=True)) % 11
                return {11: 0, 10: 1}.get(r, r)

            bban = f"{bank}{branch}{dc('00' + bank + branch)}{dc(acct)}{acct}"
        elif c in ("IT",):
            body = (
                self.pick(["03069", "02008", "05034", "01030", "03062", "03440", "05387"])
                + d(5)
                + d(12)
            )
            bban = it_check_char(body) + body
        elif c == "NL":
            bban = self.pick(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"]) + d(
                10
            )
        elif c == "PT":
            body = self.pick(["0035", "0033", "0007", "0010", "0018", "0036"]) + d(4) + d(11)
            bban = body + f"{98 - int(body + '00') % 97:02d}"
        elif c == "IE":
            bban = self.pick(["AIBK93", "BOFI90", "IPBS99"]) + d(4) + d(8)
        else:  # GB
            bank, sort = self.pick(
                [("NWBK", "60"), ("BARC", "20"), ("LOYD", "30"), ("HBUK", "40"), ("MIDL", "40")]
            )
            bban = bank + sort + d(4) + d(8)
        cc = c
        iban = f"{cc}{iban_check(cc, bban)}{bban}"
        grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return self.split_fmt(
            [grouped, iban], [grouped, iban, grouped.lower() if rng.random() < 0.1 else grouped]
        )

    def card(self) -> str:
        rng = self.rng
        dev_issuers = ["visa", "visa", "mc", "mc", "amex", "discover"]
        held_issuers = ["visa", "visa", "mc2", "mc", "amex", "jcb", "diners", "maestro"]
        issuer = self.pick(dev_issuers if self.dev else held_issuers)
        prefix, length = {
            "visa": (
                self.pick(
                    ["4539", "4556", "4916", "4024", "4485", "4716", "4532", "4929", "4147", "4462"]
                ),
                16,
            ),
            "mc": (f"5{rng.randint(1, 5)}{self.digits(2)}", 16),
            "mc2": (str(rng.randint(2221, 2720)), 16),
            "amex": (self.pick(["34", "37"]) + self.digits(2), 15),
            "discover": (self.pick(["6011", "6445", "6500", "6529"]), 16),
            "jcb": (str(rng.randint(3528, 3589)), 16),
            "diners": (self.pick(["3056", "3852", "3600"]), 14),
            "maestro": (self.pick(["6759", "6761", "5018", "5020"]), 16),
        }[issuer]
        body = prefix + self.digits(length - len(prefix) - 1)
        num = body + luhn_digit(body)
        assert luhn_ok(num)
        if length == 15 or length == 14:
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[i : i + 4] for i in range(0, 16, 4)]
        return self.split_fmt([" ".join(groups), num], ["-".join(groups), num, " ".join(groups)])

    def ip(self) -> str:
        rng = self.rng
        while True:
            a = rng.randint(11, 223)
            if a not in (10, 100, 127, 169, 172, 192, 198, 203):
                break
        if rng.random() < 0.12 and not self.dev:
            return f"2a02:{rng.randint(0x800, 0x8FF):x}:{rng.randint(0, 0xFFFF):x}:{rng.randint(0, 0xFFFF):x}::{rng.randint(1, 0xFFF):x}"
        return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    # -- secrets
    def aws_ak(self) -> str:
        return self.pick(["AKIA", "AKIA", "AKIA", "ASIA"]) + self.rand(
            string.ascii_uppercase + "234567", 16
        )

    def aws_sk(self) -> str:
        return self.rand(B64, 40)

    def azure_key(self) -> str:
        if self.rng.random() < 0.5:
            return base64.b64encode(self.rng.randbytes(64)).decode()
        return self.rand("0123456789abcdef", 32)

    def azure_conn(self) -> str:
        acct = (
            "st"
            + self.pick(["contoso", "fabrikam", "billing", "ingest", "media", "backup"])
            + self.pick(["prod", "dev", "weu", "ne"])
            + self.digits(2)
        )
        key = base64.b64encode(self.rng.randbytes(64)).decode()
        return f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};EndpointSuffix=core.windows.net"

    def github(self) -> str:
        if self.rng.random() < 0.3:
            return "github_pat_11" + self.rand(UPPER_DIGITS, 20) + "_" + self.rand(ALNUM, 59)
        return self.pick(["ghp_", "ghp_", "gho_", "ghs_", "ghu_"]) + self.rand(ALNUM, 36)

    def slack(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.rand(ALNUM, 24)}"
        if r < 0.8:
            return f"xoxp-{self.digits(12)}-{self.digits(12)}-{self.digits(13)}-{self.rand('0123456789abcdef', 32)}"
        return f"https://hooks.slack.com/services/T{self.rand(UPPER_DIGITS, 8)}/B{self.rand(UPPER_DIGITS, 10)}/{self.rand(ALNUM, 24)}"

    def stripe(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return "sk_live_51" + self.rand(ALNUM, 97)
        if r < 0.7:
            return "sk_live_" + self.rand(ALNUM, 24)
        if r < 0.85:
            return "rk_live_51" + self.rand(ALNUM, 97)
        return "whsec_" + self.rand(ALNUM, 32)

    def google(self) -> str:
        return "AIza" + self.rand(B64URL, 35)

    def openai(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return "sk-proj-" + self.rand(B64URL, 74) + "T3BlbkFJ" + self.rand(B64URL, 74)
        if r < 0.8:
            return "sk-" + self.rand(ALNUM, 20) + "T3BlbkFJ" + self.rand(ALNUM, 20)
        return "sk-svcacct-" + self.rand(B64URL, 74) + "T3BlbkFJ" + self.rand(B64URL, 74)

    def anthropic(self) -> str:
        return "sk-ant-api03-" + self.rand(B64URL, 93) + "AA"

    def jwt(self) -> str:
        p = self.person("jwt")
        header = {"alg": self.pick(["HS256", "RS256", "ES256"]), "typ": "JWT"}
        if header["alg"] != "HS256":
            header["kid"] = self.rand("0123456789abcdef", 16)
        now = self.rng.randint(1_735_000_000, 1_790_000_000)
        payload = {
            "sub": self.rand("0123456789abcdef", 8)
            + "-"
            + self.rand("0123456789abcdef", 4)
            + "-4"
            + self.rand("0123456789abcdef", 3),
            "name": p.full,
            "email": self.email_for(p, corporate=True),
            "iss": f"https://auth.{self.company_domain()}",
            "aud": self.pick(["api", "web-app", "mobile", "billing-api"]),
            "roles": self.pick([["user"], ["admin"], ["user", "billing"], ["support"]]),
            "iat": now,
            "exp": now + self.pick([900, 3600, 86400]),
        }

        def enc(o: Any) -> str:
            return (
                base64.urlsafe_b64encode(
                    json.dumps(o, separators=(",", ":"), ensure_ascii=False).encode()
                )
                .decode()
                .rstrip("=")
            )

        sig_len = {"HS256": 43, "RS256": 342, "ES256": 86}[header["alg"]]
        return f"{enc(header)}.{enc(payload)}.{self.rand(B64URL, sig_len)}"

    def bearer(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return self.rand("0123456789abcdef", 40)
        if r < 0.7:
            return "ya29.a0" + self.rand(B64URL, 150)
        return self.rand(ALNUM, 32)

    def pem(self) -> str:
        kind = self.pick(["rsa", "pkcs8", "ec", "openssh"])
        rb = self.rng.randbytes
        if kind == "ec":
            der = (
                bytes.fromhex("30770201010420")
                + rb(32)
                + bytes.fromhex("a00a06082a8648ce3d030107a144034200")
                + b"\x04"
                + rb(64)
            )
            label = "EC PRIVATE KEY"
        elif kind == "rsa":
            der = bytes.fromhex("308204a40201000282010100") + rb(1180)
            label = "RSA PRIVATE KEY"
        elif kind == "pkcs8":
            der = bytes.fromhex(
                "308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100"
            ) + rb(1170)
            label = "PRIVATE KEY"
        else:
            der = (
                b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 "
                + rb(180)
            )
            label = "OPENSSH PRIVATE KEY"
        b = base64.b64encode(der).decode()
        width = 70 if kind == "openssh" else 64
        lines = [b[i : i + width] for i in range(0, len(b), width)]
        return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"

    def password(self) -> str:
        r = self.rng.random()
        word = self.pick(PW_WORDS[self.lang])
        if r < 0.45:
            return (
                word
                + self.pick(["", "#", "!", "_", "."])
                + str(self.rng.choice([self.rng.randint(1, 99), self.rng.randint(1960, 2025)]))
                + self.pick(["!", "", "?", "$"])
            )
        if r < 0.7:
            return self.rand(ALNUM + "!#$%&*@^", self.rng.randint(12, 20))
        if r < 0.85:
            leet = word.replace("a", "4").replace("e", "3").replace("o", "0").replace("i", "1")
            return leet + self.pick(["!", "#", "$"]) + self.digits(2)
        return "-".join(self.pick(PW_WORDS[self.lang]).lower() for _ in range(3)) + self.digits(1)

    def dburl(self) -> str:
        user = self.pick(
            ["app", "svc_orders", "admin", "billing_rw", "etl", "webapp", "root", "crm"]
        )
        pw = (
            self.rand(ALNUM, self.rng.randint(12, 24))
            if self.rng.random() < 0.6
            else self.password().replace("@", "").replace("#", "").replace("/", "").replace("?", "")
        )
        host = self.pick(
            [
                f"prod-db.{self.rand('abcdefghijklmnopqrstuvwxyz0123456789', 12)}.eu-central-1.rds.amazonaws.com",
                f"db-{self.pick(['main', 'replica', 'crm'])}.internal.{self.company_domain()}",
                f"{self.pick(['pg', 'sql', 'db'])}{self.rng.randint(1, 9)}.{self.company_domain()}",
            ]
        )
        db = self.pick(["orders", "crm", "billing", "app_prod", "customers", "analytics"])
        r = self.rng.random()
        if r < 0.35:
            return f"postgresql://{user}:{pw}@{host}:5432/{db}"
        if r < 0.5:
            return f"mysql://{user}:{pw}@{host}:3306/{db}"
        if r < 0.65:
            return f"mongodb+srv://{user}:{pw}@cluster0.{self.rand('abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/{db}?retryWrites=true&w=majority"
        if r < 0.75:
            return f"redis://default:{pw}@{host}:6379/0"
        if r < 0.85:
            return f"amqp://{user}:{pw}@{host}:5672/%2F"
        return f"Server=tcp:{host},1433;Database={db};User Id={user};Password={pw};Encrypt=True;"


COMPANIES = {
    "en": [
        "Northwind Logistics Ltd",
        "Bluebell Facilities Inc.",
        "Harbour Analytics LLC",
        "Redwood Dental Group",
        "Silverline Insurance plc",
        "Crescent Software Ltd",
    ],
    "de": [
        "Nordlicht Logistik GmbH",
        "Alpenblick Software AG",
        "Rheintal Haustechnik GmbH",
        "Elbufer Immobilien KG",
        "Sonnenhof Pflegedienst gGmbH",
        "Weserland Spedition GmbH",
    ],
    "fr": [
        "Atlantique Conseil SAS",
        "Bois Doré Menuiserie SARL",
        "Clinique des Alpes",
        "Horizon Logistique SA",
        "Les Ateliers du Rhône SAS",
        "Azur Informatique SARL",
    ],
    "es": [
        "Levante Logística S.L.",
        "Sierra Norte Ingeniería S.A.",
        "Clínica Mediterránea S.L.",
        "Grupo Alcázar Servicios",
        "Tramontana Software S.L.",
        "Almenara Seguros S.A.",
    ],
    "it": [
        "Dolomiti Servizi S.r.l.",
        "Laguna Software S.p.A.",
        "Ospedale San Giusto",
        "Adriatica Trasporti S.r.l.",
        "Colline Toscane Immobiliare S.r.l.",
        "Vesuvio Impianti S.p.A.",
    ],
    "nl": [
        "Polderzicht Logistiek B.V.",
        "Duinrand Software B.V.",
        "Zorggroep De Linde",
        "Waddenkust Installatietechniek",
        "Grachtenhof Vastgoed B.V.",
        "Maasoever Transport B.V.",
    ],
    "pt": [
        "Atlântico Logística, Lda.",
        "Serra da Estrela Software, S.A.",
        "Clínica do Mondego",
        "Ribeira Seguros, S.A.",
        "Tejo Facility Services, Lda.",
        "Douro Engenharia, Lda.",
    ],
}

PW_WORDS = {
    "en": [
        "Sunshine",
        "Dragon",
        "Liverpool",
        "Summer",
        "Bailey",
        "Charlie",
        "Football",
        "Princess",
        "Maple",
        "Chelsea",
    ],
    "de": [
        "Sommer",
        "Schalke",
        "Hase",
        "Bayern",
        "Sonnenblume",
        "Schatz",
        "Frühling",
        "Mausi",
        "Berlin",
        "Fussball",
    ],
    "fr": [
        "Soleil",
        "Marseille",
        "Doudou",
        "Chouchou",
        "Loulou",
        "Printemps",
        "Bonjour",
        "Nounours",
        "Paris",
    ],
    "es": [
        "Sevilla",
        "Corazon",
        "Tequiero",
        "Barcelona",
        "Verano",
        "Princesa",
        "Flamenco",
        "Madrid",
    ],
    "it": ["Juventus", "Amore", "Tesoro", "Napoli", "Estate", "Girasole", "Roma", "Ciao", "Milano"],
    "nl": [
        "Zomer",
        "Ajax",
        "Welkom",
        "Schatje",
        "Tulp",
        "Amsterdam",
        "Fiets",
        "Voetbal",
        "Zonnetje",
    ],
    "pt": [
        "Benfica",
        "Saudade",
        "Flamengo",
        "Verao",
        "Amor",
        "Lisboa",
        "Porto",
        "Sporting",
        "Brasil",
    ],
}
NATID = {
    "US": "us_ssn",
    "GB": "uk_nino",
    "DE": "de_steuer_id",
    "FR": "fr_nir",
    "ES": "es_dni",
    "IT": "it_codice_fiscale",
    "NL": "nl_bsn",
    "PT": "pt_nif",
    "BR": "br_cpf",
}
KIND_FN = {
    "us_ssn": "ssn",
    "uk_nino": "nino",
    "de_steuer_id": "steuer_id",
    "fr_nir": "nir",
    "es_dni": "dni",
    "es_nie": "nie",
    "it_codice_fiscale": "codice_fiscale",
    "nl_bsn": "bsn",
    "pt_nif": "nif",
    "br_cpf": "cpf",
}


# ---------------------------------------------------------------- labels per language
# (dev phrasing, held-out phrasing)

LBL: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "dob": {
        "en": (["Date of birth", "DOB"], ["D.O.B.", "Birth date"]),
        "de": (["Geburtsdatum", "geb."], ["Geb.-Datum", "geboren am"]),
        "fr": (["Date de naissance", "Né(e) le"], ["Date naiss.", "né(e) le"]),
        "es": (["Fecha de nacimiento", "F. nacimiento"], ["F. nac.", "Nacido/a el"]),
        "it": (["Data di nascita", "Nato/a il"], ["Data nascita", "D.N."]),
        "nl": (["Geboortedatum", "Geb. datum"], ["Geboren op", "Geb.datum"]),
        "pt": (["Data de nascimento", "Data nasc."], ["Nascido(a) em", "D.N."]),
    },
    "phone": {
        "en": (["Phone", "Mobile"], ["Tel.", "Cell"]),
        "de": (["Telefon", "Mobil"], ["Tel.", "Handy"]),
        "fr": (["Téléphone", "Portable"], ["Tél.", "Mobile"]),
        "es": (["Teléfono", "Móvil"], ["Tlf.", "Tel. de contacto"]),
        "it": (["Telefono", "Cellulare"], ["Tel.", "Cell."]),
        "nl": (["Telefoon", "Mobiel"], ["Tel.", "GSM"]),
        "pt": (["Telefone", "Telemóvel"], ["Tel.", "Contacto"]),
    },
    "email": {
        "en": (["Email", "E-mail address"], ["Mail", "Contact e-mail"]),
        "de": (["E-Mail", "E-Mail-Adresse"], ["Mail", "E-Mail privat"]),
        "fr": (["E-mail", "Courriel"], ["Adresse mail", "Mél."]),
        "es": (["Correo electrónico", "Email"], ["Correo", "E-mail"]),
        "it": (["E-mail", "Indirizzo e-mail"], ["Email", "Posta elettronica"]),
        "nl": (["E-mail", "E-mailadres"], ["Mail", "Emailadres"]),
        "pt": (["E-mail", "Correio eletrónico"], ["Email", "Endereço de e-mail"]),
    },
    "addr": {
        "en": (["Address", "Home address"], ["Mailing address", "Street address"]),
        "de": (["Anschrift", "Adresse"], ["Wohnanschrift", "Meldeadresse"]),
        "fr": (["Adresse", "Domicile"], ["Adresse postale", "Demeurant"]),
        "es": (["Dirección", "Domicilio"], ["Dirección postal", "Domicilio actual"]),
        "it": (["Indirizzo", "Residenza"], ["Residente in", "Domicilio"]),
        "nl": (["Adres", "Woonadres"], ["Postadres", "Woonachtig"]),
        "pt": (["Morada", "Endereço"], ["Residência", "Morada fiscal"]),
    },
    "passport": {
        "en": (["Passport No.", "Passport number"], ["Passport #", "Travel document no."]),
        "de": (["Reisepass-Nr.", "Passnummer"], ["Reisepassnummer", "Pass-Nr."]),
        "fr": (["N° de passeport", "Passeport"], ["Numéro de passeport", "Passeport n°"]),
        "es": (["N.º de pasaporte", "Pasaporte"], ["Núm. pasaporte", "Pasaporte n.º"]),
        "it": (["N. passaporto", "Passaporto"], ["Numero passaporto", "Passaporto n."]),
        "nl": (["Paspoortnummer", "Paspoort"], ["Nr. paspoort", "Paspoortnr."]),
        "pt": (["N.º do passaporte", "Passaporte"], ["Passaporte n.º", "Número do passaporte"]),
    },
    "dl": {
        "en": (["Driver's license", "DL #"], ["Driving licence no.", "License number"]),
        "de": (["Führerscheinnummer", "Führerschein-Nr."], ["Führerschein Nr.", "FS-Nr."]),
        "fr": (
            ["N° de permis de conduire", "Permis"],
            ["Permis de conduire n°", "Numéro de permis"],
        ),
        "es": (["Permiso de conducir", "N.º carné de conducir"], ["Carné de conducir", "Licencia"]),
        "it": (["Patente n.", "Numero patente"], ["Patente di guida", "N. patente"]),
        "nl": (["Rijbewijsnummer", "Rijbewijs"], ["Rijbewijsnr.", "Nr. rijbewijs"]),
        "pt": (["Carta de condução n.º", "Carta de condução"], ["N.º da carta", "Carta n.º"]),
    },
    "mrn": {
        "en": (["MRN", "Medical record no."], ["Patient ID", "Chart #"]),
        "de": (["Fallnummer", "Patienten-Nr."], ["Fallnr.", "Aufnahmenummer"]),
        "fr": (["IPP", "N° de dossier"], ["Dossier patient n°", "N° IPP"]),
        "es": (["N.º de historia clínica", "NHC"], ["Historia clínica n.º", "N.º HC"]),
        "it": (["N. cartella clinica", "Cartella n."], ["Nosologico", "N. nosologico"]),
        "nl": (["Patiëntnummer", "Dossiernummer"], ["Patiëntnr.", "Ziekenhuisnummer"]),
        "pt": (["N.º de processo", "Processo clínico n.º"], ["N.º de utente", "Prontuário"]),
    },
    "iban": {
        "en": (["IBAN", "Bank account (IBAN)"], ["IBAN", "Account"]),
        "de": (["IBAN", "Bankverbindung"], ["IBAN", "Kontoverbindung"]),
        "fr": (["IBAN", "RIB"], ["IBAN", "Coordonnées bancaires"]),
        "es": (["IBAN", "Cuenta"], ["IBAN", "N.º de cuenta"]),
        "it": (["IBAN", "Coordinate bancarie"], ["IBAN", "Conto"]),
        "nl": (["IBAN", "Rekeningnummer"], ["IBAN", "Bankrekening"]),
        "pt": (["IBAN", "Conta"], ["IBAN", "NIB/IBAN"]),
    },
    "card": {
        "en": (["Card number", "Credit card"], ["Card no.", "CC#"]),
        "de": (["Kartennummer", "Kreditkarte"], ["Kreditkartennr.", "Karte"]),
        "fr": (["Numéro de carte", "Carte bancaire"], ["N° de CB", "Carte n°"]),
        "es": (["Número de tarjeta", "Tarjeta"], ["Tarjeta de crédito", "N.º tarjeta"]),
        "it": (["Numero carta", "Carta di credito"], ["N. carta", "Carta"]),
        "nl": (["Kaartnummer", "Creditcard"], ["Creditcardnummer", "Kaart"]),
        "pt": (["Número do cartão", "Cartão de crédito"], ["N.º cartão", "Cartão"]),
    },
    "name": {
        "en": (["Name", "Full name"], ["Patient name", "Applicant"]),
        "de": (["Name", "Vor- und Nachname"], ["Name des Versicherten", "Antragsteller"]),
        "fr": (["Nom", "Nom complet"], ["Nom et prénom", "Demandeur"]),
        "es": (["Nombre", "Nombre completo"], ["Titular", "Solicitante"]),
        "it": (["Nome", "Nome e cognome"], ["Intestatario", "Richiedente"]),
        "nl": (["Naam", "Volledige naam"], ["Naam aanvrager", "Voor- en achternaam"]),
        "pt": (["Nome", "Nome completo"], ["Nome do requerente", "Titular"]),
    },
}
NATID_LBL: dict[str, tuple[list[str], list[str]]] = {
    "us_ssn": (["SSN", "Social Security No."], ["SSN#", "Social security number"]),
    "uk_nino": (["National Insurance number", "NI No."], ["NINO", "NI number"]),
    "de_steuer_id": (["Steuer-ID", "Steuerliche Identifikationsnummer"], ["IdNr.", "Steuer-IdNr."]),
    "fr_nir": (["N° de sécurité sociale", "NIR"], ["N° sécu", "Numéro de sécurité sociale"]),
    "es_dni": (["DNI", "NIF"], ["D.N.I.", "DNI/NIF"]),
    "es_nie": (["NIE", "N.I.E."], ["NIE", "Número de identidad de extranjero"]),
    "it_codice_fiscale": (["Codice fiscale", "C.F."], ["Cod. fiscale", "CF"]),
    "nl_bsn": (["BSN", "Burgerservicenummer"], ["BSN-nummer", "Sofinummer/BSN"]),
    "pt_nif": (["NIF", "Contribuinte n.º"], ["N.º de contribuinte", "NIF"]),
    "br_cpf": (["CPF", "CPF n.º"], ["CPF/MF", "CPF"]),
}
PW_PHRASE: dict[str, tuple[list[str], list[str]]] = {
    "en": (
        ["password set to ", "the password is ", "pw: "],
        ["new password: ", "login is the usual, password ", "passcode "],
    ),
    "de": (
        ["Passwort lautet ", "Kennwort: ", "das Passwort ist "],
        ["neues Passwort: ", "PW lautet ", "Passwort wurde auf "],
    ),
    "fr": (
        ["mot de passe : ", "le mot de passe est ", "mdp : "],
        ["nouveau mot de passe : ", "mot de passe provisoire ", "MDP "],
    ),
    "es": (
        ["contraseña: ", "la contraseña es ", "clave: "],
        ["nueva contraseña: ", "la clave de acceso es ", "contraseña provisional "],
    ),
    "it": (
        ["password: ", "la password è ", "pwd: "],
        ["nuova password: ", "la password provvisoria è ", "parola d'ordine "],
    ),
    "nl": (
        ["wachtwoord: ", "het wachtwoord is ", "ww: "],
        ["nieuw wachtwoord: ", "tijdelijk wachtwoord ", "wachtwoord is gezet op "],
    ),
    "pt": (
        ["senha: ", "a palavra-passe é ", "a senha é "],
        ["nova senha: ", "palavra-passe provisória ", "senha temporária "],
    ),
}


# ---------------------------------------------------------------- rendering

Piece = tuple[str | None, str]


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict[str, Any]] = []
        self.values: list[str] = []
        self.pos = 0

    def add(self, kind: str | None, text: str) -> None:
        if kind is not None:
            self.spans.append({"kind": kind, "start": self.pos, "end": self.pos + len(text)})
            self.values.append(text)
        self.parts.append(text)
        self.pos += len(text)

    def build(self) -> tuple[str, list[dict[str, Any]]]:
        text = "".join(self.parts)
        for span, value in zip(self.spans, self.values, strict=True):
            assert text[span["start"] : span["end"]] == value, (span, value)
            assert value == value.strip(), value
        return text, self.spans


SIMPLE: dict[str, tuple[str, Callable[[Ctx], str]]] = {
    "phone": ("phone", lambda c: c.phone()),
    "mobile": ("phone", lambda c: c.phone(True)),
    "landline": ("phone", lambda c: c.phone(False)),
    "addr": ("postal_address", lambda c: c.address()),
    "addrml": ("postal_address", lambda c: c.address(multiline=True)),
    "ssn": ("us_ssn", Ctx.ssn),
    "nino": ("uk_nino", Ctx.nino),
    "dni": ("es_dni", Ctx.dni),
    "nie": ("es_nie", Ctx.nie),
    "stid": ("de_steuer_id", Ctx.steuer_id),
    "bsn": ("nl_bsn", Ctx.bsn),
    "nif": ("pt_nif", Ctx.nif),
    "cpf": ("br_cpf", Ctx.cpf),
    "passport": ("passport", Ctx.passport),
    "dl": ("driver_license", Ctx.driver_license),
    "mrn": ("medical_record_number", Ctx.mrn),
    "iban": ("iban", Ctx.iban),
    "card": ("credit_card", Ctx.card),
    "ip": ("ip_address", Ctx.ip),
    "aws_ak": ("aws_access_key", Ctx.aws_ak),
    "aws_sk": ("aws_secret_key", Ctx.aws_sk),
    "azure_key": ("azure_key", Ctx.azure_key),
    "azure_conn": ("connection_string", Ctx.azure_conn),
    "github": ("github_token", Ctx.github),
    "slack": ("slack_token", Ctx.slack),
    "stripe": ("stripe_key", Ctx.stripe),
    "google": ("google_api_key", Ctx.google),
    "openai": ("openai_key", Ctx.openai),
    "anthropic": ("anthropic_key", Ctx.anthropic),
    "jwt": ("jwt", Ctx.jwt),
    "bearer": ("bearer_token", Ctx.bearer),
    "pem": ("private_key", Ctx.pem),
    "dburl": ("connection_string", Ctx.dburl),
    "pw": ("password", Ctx.password),
}

PUBLIC = {
    "en": [
        "Joe Biden",
        "Keir Starmer",
        "Taylor Swift",
        "Elon Musk",
        "Rishi Sunak",
        "Serena Williams",
        "Barack Obama",
        "Kamala Harris",
        "Tim Cook",
        "Emma Raducanu",
        "Michael D. Higgins",
        "Satya Nadella",
    ],
    "de": [
        "Olaf Scholz",
        "Angela Merkel",
        "Friedrich Merz",
        "Thomas Müller",
        "Annalena Baerbock",
        "Robert Habeck",
        "Alexander Van der Bellen",
        "Helene Fischer",
        "Jürgen Klopp",
        "Karin Keller-Sutter",
    ],
    "fr": [
        "Emmanuel Macron",
        "Marine Le Pen",
        "Kylian Mbappé",
        "Gabriel Attal",
        "Christine Lagarde",
        "Teddy Riner",
        "Aya Nakamura",
        "Édouard Philippe",
        "Léon Marchand",
        "Alexander De Croo",
    ],
    "es": [
        "Pedro Sánchez",
        "Alberto Núñez Feijóo",
        "Rafael Nadal",
        "Carlos Alcaraz",
        "Rosalía",
        "Isabel Díaz Ayuso",
        "Claudia Sheinbaum",
        "Yolanda Díaz",
        "Aitana Bonmatí",
        "Felipe VI",
    ],
    "it": [
        "Giorgia Meloni",
        "Sergio Mattarella",
        "Mario Draghi",
        "Jannik Sinner",
        "Elly Schlein",
        "Matteo Salvini",
        "Sofia Goggia",
        "Carlo Ancelotti",
        "Antonio Tajani",
        "Laura Pausini",
    ],
    "nl": [
        "Mark Rutte",
        "Dick Schoof",
        "Geert Wilders",
        "Max Verstappen",
        "Frans Timmermans",
        "Koning Willem-Alexander",
        "Bart De Wever",
        "Femke Bol",
        "Pieter Omtzigt",
        "Virgil van Dijk",
    ],
    "pt": [
        "Marcelo Rebelo de Sousa",
        "Luís Montenegro",
        "Cristiano Ronaldo",
        "Lula da Silva",
        "António Costa",
        "Jair Bolsonaro",
        "Gisele Bündchen",
        "António Guterres",
        "Neymar",
        "Rebeca Andrade",
    ],
}

SLOT_RE = re.compile(r"\{\{(\w+)(?::(\w+))?\}\}")


def filler(c: Ctx, name: str) -> str:
    rng, d = c.rng, c.digits
    if name == "date":
        return c.some_date()
    if name == "city":
        return c.pick(
            [x[0].split(",")[0].split(" (")[0].split(" - ")[0] for x in CITIES[c.country]]
        )
    if name == "company":
        return c.pick(COMPANIES[c.lang])
    if name == "n":
        return str(rng.randint(2, 48))
    if name == "n5":
        return str(rng.randint(10000, 99999))
    if name == "order":
        return c.pick(
            [
                f"{d(3)}-{d(7)}-{d(7)}",
                f"ORD-{rng.randint(2023, 2026)}-{d(6)}",
                f"#{d(8)}",
                f"A{d(9)}",
            ]
        )
    if name == "amount":
        v = rng.randint(5, 4999) + rng.randint(0, 99) / 100
        return (
            f"{v:,.2f} €".replace(",", "X").replace(".", ",").replace("X", ".")
            if c.lang != "en"
            else f"${v:,.2f}"
        )
    if name == "version":
        return c.pick(
            [
                f"{rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                f"{rng.randint(1, 6)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(1, 99)}",
                f"v{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
            ]
        )
    if name == "uuid":
        h = c.rand("0123456789abcdef", 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{c.pick('89ab')}{h[17:20]}-{h[20:]}"
    if name == "sha":
        return c.rand("0123456789abcdef", c.pick([7, 40]))
    if name == "ts":
        return f"{rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{d(3)}Z"
    if name == "time":
        return f"{rng.randint(7, 19):02d}:{c.pick(['00', '15', '30', '45'])}"
    if name == "hex":
        return "#" + c.rand("0123456789abcdef", 6)
    if name == "isbn":
        body = "978" + str(rng.randint(0, 3)) + d(8)
        chk = (10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body)) % 10) % 10
        full = body + str(chk)
        return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"
    if name == "tracking":
        return c.pick(
            [
                f"1Z{c.rand(UPPER_DIGITS, 6)}{d(10)}",
                f"JJD{d(18)}",
                f"00340434{d(12)}",
                f"{c.rand(string.ascii_uppercase, 2)}{d(9)}{c.pick(['DE', 'FR', 'ES', 'IT', 'NL', 'PT', 'GB'])}",
            ]
        )
    if name == "sku":
        return c.pick(
            [
                f"{d(4)}-{d(2)}-{c.pick(string.ascii_uppercase)}",
                f"SKU-{d(6)}",
                f"{c.rand(string.ascii_uppercase, 3)}-{d(5)}",
                f"P/N {d(3)}.{d(3)}.{d(3)}",
            ]
        )
    if name == "ean":
        body = c.pick(["400", "300", "840", "870", "560", "800"]) + d(9)
        chk = (10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body)) % 10) % 10
        return body + str(chk)
    if name == "port":
        return str(c.pick([80, 443, 5432, 6379, 8080, 8443, 9090, 3000, 27017, 5672]))
    if name == "pct":
        return f"{rng.randint(0, 99)}.{rng.randint(0, 9)}"
    if name == "exp":
        return f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"
    if name == "big":
        return d(rng.randint(9, 16))
    if name == "year":
        return str(rng.randint(2019, 2026))
    raise KeyError(name)


def resolve(c: Ctx, name: str, key: str) -> list[Piece]:
    lang, split_i = c.lang, 0 if c.dev else 1
    if name in SIMPLE:
        kind, fn = SIMPLE[name]
        if name == "dl" and c.country == "ES":
            kind = "es_dni"  # a Spanish driving licence carries the holder's DNI number
        cache_key = f"{name}:{key}"
        if key and cache_key in c.cache:
            return [(kind, c.cache[cache_key])]
        value = fn(c)
        if key:
            c.cache[cache_key] = value
        return [(kind, value)]
    p = c.person(key)
    if name == "name":
        return [("person", p.full)]
    if name == "last":
        return [("person", p.last)]
    if name == "inv":
        return [("person", f"{p.last.upper()}, {p.first}")]
    if name in ("dear", "hello"):
        table = DEAR if name == "dear" else HELLO
        return [(None, table[lang][p.female] + " "), ("person", p.last)]
    if name == "mr":
        return [(None, TITLES[lang][p.female])]
    if name == "born":
        return [(None, BORN[lang][p.female])]
    if name == "dob":
        return [("date_of_birth", c.dob(key))]
    if name == "email":
        ck = f"email:{key}"
        c.cache.setdefault(ck, c.email_for(p))
        return [("email", c.cache[ck])]
    if name == "cemail":
        ck = f"cemail:{key}"
        c.cache.setdefault(ck, c.email_for(p, corporate=True))
        return [("email", c.cache[ck])]
    if name == "oemail":
        return [("email", c.obfuscate(c.email_for(p)))]
    if name == "cf":
        return [("it_codice_fiscale", c.codice_fiscale(key))]
    if name == "nir":
        return [("fr_nir", c.nir(key))]
    if name == "natid":
        ck = f"natid:{key}"
        if ck not in c.cache:
            kind, value = c.natid(key)
            c.cache[ck] = kind + "|" + value
        kind, value = c.cache[ck].split("|", 1)
        return [(kind, value)]
    if name == "NATID":  # label + value
        ((kind, value),) = resolve(c, "natid", key)
        return [(None, c.pick(NATID_LBL[kind][split_i]) + ": "), (kind, value)]
    if name == "pwp":  # password in prose
        return [(None, c.pick(PW_PHRASE[lang][split_i])), ("password", c.password())]
    if name == "pub":
        ck = f"pub:{key}"
        c.cache.setdefault(ck, c.pick(PUBLIC[lang]))
        return [("person", c.cache[ck])]
    if name == "L":
        return [(None, c.pick(LBL[key][lang][split_i]))]
    if name == "xmail":  # documentation addresses are still e-mail addresses
        local = c.pick(
            ["user", "jane.doe", "max.mustermann", "alice+test", "admin", "j.smith", "noreply"]
        )
        return [
            (
                "email",
                f"{local}@{c.pick(['example.com', 'example.org', 'example.net', 'mail.example.com'])}",
            )
        ]
    return [(None, filler(c, name))]


def render(c: Ctx, template: str) -> Doc:
    doc = Doc()
    pos = 0
    for m in SLOT_RE.finditer(template):
        doc.add(None, template[pos : m.start()])
        for kind, text in resolve(c, m.group(1), m.group(2) or ""):
            doc.add(kind, text)
        pos = m.end()
    doc.add(None, template[pos:])
    return doc


@dataclass
class Template:
    id: str
    split: str
    format: str
    group: str
    texts: dict[str, Any]  # lang -> str | list[str] | Callable[[Ctx], str]
    weight: float = 1.0
    langs: tuple[str, ...] = field(default=())

    def text_for(self, c: Ctx) -> str:
        t = self.texts.get(c.lang, self.texts.get("*"))
        if callable(t):
            return t(c)
        if isinstance(t, list):
            return c.pick(t)
        return t


TEMPLATES: list[Template] = []


def T(
    tid: str, split: str, fmt: str, group: str, texts: dict[str, Any], weight: float = 1.0
) -> None:
    langs = tuple(lang for lang in LANGS if lang in texts) or LANGS
    TEMPLATES.append(Template(tid, split, fmt, group, texts, weight, langs))


def tech(base: str, notes: dict[str, str]) -> dict[str, str]:
    """One technical body for all languages; '@@' takes the language's comment or prose."""
    return {lang: base.replace("@@", notes[lang]) for lang in LANGS}


def rows(header: str, row: str, lo: int = 2, hi: int = 4) -> Callable[[Ctx], str]:
    def build(c: Ctx) -> str:
        n = c.rng.randint(lo, hi)
        return (
            header
            + "\n"
            + "\n".join(
                row.replace(":R", f":r{i}").replace("{{R}}", str(c.rng.randint(1000, 99999)))
                for i in range(n)
            )
        )

    return build


# ================================================================ dev templates (positive)

T(
    "d.email.address_change",
    "dev",
    "email",
    "positive",
    {
        "en": "Subject: Change of address\n\n{{dear:r}},\n\nplease note that as of {{date}} I have moved. My new address is {{addr}}. You can also reach me on {{phone}}.\n\nKind regards,\n{{name}}",
        "de": "Betreff: Adressänderung\n\n{{dear:r}},\n\nbitte beachten Sie, dass ich zum {{date}} umgezogen bin. Meine neue Anschrift lautet: {{addr}}. Telefonisch bin ich unter {{phone}} erreichbar.\n\nMit freundlichen Grüßen\n{{name}}",
        "fr": "Objet : Changement d'adresse\n\n{{dear:r}},\n\nje vous informe qu'à compter du {{date}} ma nouvelle adresse est : {{addr}}. Vous pouvez me joindre au {{phone}}.\n\nCordialement,\n{{name}}",
        "es": "Asunto: Cambio de domicilio\n\n{{dear:r}}:\n\nle comunico que desde el {{date}} mi nuevo domicilio es {{addr}}. Puede localizarme en el {{phone}}.\n\nUn saludo,\n{{name}}",
        "it": "Oggetto: Cambio di indirizzo\n\n{{dear:r}},\n\nLe comunico che dal {{date}} il mio nuovo indirizzo è {{addr}}. Sono raggiungibile al numero {{phone}}.\n\nCordiali saluti,\n{{name}}",
        "nl": "Onderwerp: Adreswijziging\n\n{{dear:r}},\n\nper {{date}} ben ik verhuisd. Mijn nieuwe adres is {{addr}}. U kunt mij bereiken op {{phone}}.\n\nMet vriendelijke groet,\n{{name}}",
        "pt": "Assunto: Alteração de morada\n\n{{dear:r}},\n\ninformo que a partir de {{date}} a minha nova morada é {{addr}}. Pode contactar-me pelo {{phone}}.\n\nCom os melhores cumprimentos,\n{{name}}",
    },
    1.3,
)

T(
    "d.email.bank_details",
    "dev",
    "email",
    "positive",
    {
        "en": "Hello,\n\ncould you pay my expense claim into my new account? IBAN {{iban}}, account holder {{name}}. The old account has been closed.\n\nThanks,\n{{name}}\n{{company}} | {{phone}} | {{cemail}}",
        "de": "Hallo zusammen,\n\nbitte überweist meine Reisekosten künftig auf mein neues Konto: IBAN {{iban}}, Kontoinhaber {{name}}.\n\nDanke und Gruß\n{{name}}\n{{company}}\nTel. {{phone}}\n{{cemail}}",
        "fr": "Bonjour,\n\nmerci de verser mes notes de frais sur mon nouveau compte : IBAN {{iban}}, titulaire {{name}}.\n\nBien à vous,\n{{name}}\n{{company}} – {{phone}} – {{cemail}}",
        "es": "Hola:\n\n¿podéis ingresarme los gastos del viaje en mi cuenta nueva? IBAN {{iban}}, a nombre de {{name}}.\n\nGracias,\n{{name}}\n{{company}} · {{phone}} · {{cemail}}",
        "it": "Ciao,\n\nvi chiedo di accreditare il rimborso spese sul mio nuovo conto: IBAN {{iban}}, intestato a {{name}}.\n\nGrazie,\n{{name}}\n{{company}} | {{phone}} | {{cemail}}",
        "nl": "Hoi,\n\nwillen jullie mijn declaratie voortaan overmaken naar mijn nieuwe rekening? IBAN {{iban}} t.n.v. {{name}}.\n\nGroet,\n{{name}}\n{{company}} | {{phone}} | {{cemail}}",
        "pt": "Olá,\n\npeço que o reembolso das despesas seja feito para a minha nova conta: IBAN {{iban}}, titular {{name}}.\n\nObrigado,\n{{name}}\n{{company}} | {{phone}} | {{cemail}}",
    },
)

T(
    "d.chat.card_dispute",
    "dev",
    "chat",
    "positive",
    {
        "en": "user: hi, I got charged twice for order {{order}}\nassistant: Sorry about that! Which card did you use?\nuser: {{card}} exp {{exp}}, the account email is {{email}}",
        "de": "Nutzer: Hallo, mir wurde Bestellung {{order}} doppelt abgebucht\nAssistent: Das tut mir leid. Mit welcher Karte haben Sie bezahlt?\nNutzer: {{card}}, gültig bis {{exp}}. Mein Konto läuft auf {{email}}",
        "fr": "client : bonjour, la commande {{order}} a été débitée deux fois\nassistant : Désolé ! Quelle carte avez-vous utilisée ?\nclient : la carte {{card}} exp {{exp}}, mon compte c'est {{email}}",
        "es": "usuario: hola, me habéis cobrado dos veces el pedido {{order}}\nasistente: ¡Lo sentimos! ¿Con qué tarjeta pagó?\nusuario: con la {{card}}, caduca {{exp}}. Mi correo es {{email}}",
        "it": "utente: salve, l'ordine {{order}} mi è stato addebitato due volte\nassistente: Ci scusi! Quale carta ha usato?\nutente: la {{card}} scad. {{exp}}, la mail dell'account è {{email}}",
        "nl": "klant: hoi, bestelling {{order}} is twee keer afgeschreven\nassistent: Excuses! Met welke kaart heeft u betaald?\nklant: {{card}} geldig t/m {{exp}}, mijn account is {{email}}",
        "pt": "cliente: olá, a encomenda {{order}} foi cobrada duas vezes\nassistente: Lamentamos! Que cartão utilizou?\ncliente: o cartão {{card}} val. {{exp}}, o email da conta é {{email}}",
    },
)

T(
    "d.ticket.helpdesk",
    "dev",
    "ticket",
    "positive",
    {
        "en": "Ticket #{{n5}} — Login fails after update\nReporter: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPriority: High\n\nSince version {{version}} I cannot sign in. The admin reset it yesterday, {{pwp}}, but it still says invalid credentials.",
        "de": "Ticket #{{n5}} – Anmeldung schlägt fehl\nGemeldet von: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPriorität: Hoch\n\nSeit dem Update auf {{version}} kann ich mich nicht mehr anmelden. Die IT hat es gestern zurückgesetzt, {{pwp}}, trotzdem kommt 'ungültige Anmeldedaten'.",
        "fr": "Ticket n° {{n5}} – Connexion impossible\nDemandeur : {{name}} <{{oemail}}>\n{{L:phone}} : {{phone}}\nPriorité : haute\n\nDepuis la version {{version}} je ne peux plus me connecter. Le support l'a réinitialisé hier, {{pwp}}, mais l'erreur persiste.",
        "es": "Incidencia #{{n5}} – No puedo iniciar sesión\nSolicitante: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPrioridad: alta\n\nDesde la versión {{version}} no consigo entrar. Ayer me la restablecieron, {{pwp}}, pero sigue dando error.",
        "it": "Ticket n. {{n5}} – Accesso non riuscito\nSegnalato da: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPriorità: alta\n\nDalla versione {{version}} non riesco più ad accedere. Ieri l'hanno reimpostata, {{pwp}}, ma l'errore rimane.",
        "nl": "Ticket #{{n5}} – Inloggen mislukt\nMelder: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPrioriteit: hoog\n\nSinds versie {{version}} kan ik niet meer inloggen. Gisteren is het gereset, {{pwp}}, maar ik krijg nog steeds een foutmelding.",
        "pt": "Pedido #{{n5}} – Falha no login\nRequerente: {{name}} <{{oemail}}>\n{{L:phone}}: {{phone}}\nPrioridade: alta\n\nDesde a versão {{version}} não consigo entrar. Ontem fizeram reset, {{pwp}}, mas continua a dar erro.",
    },
)

T(
    "d.hr.employment_confirmation",
    "dev",
    "hr_letter",
    "positive",
    {
        "en": "EMPLOYMENT VERIFICATION\n\nTo whom it may concern,\n\nWe confirm that {{mr}} {{name}}, {{born}} {{dob}}, residing at {{addr}}, has been employed by {{company}} as a full-time employee since {{date}}. {{NATID}}.\n\nSincerely,\n{{name:hr}}\nHR Manager",
        "de": "ARBEITGEBERBESCHEINIGUNG\n\nHiermit bestätigen wir, dass {{mr}} {{name}}, {{born}} {{dob}}, wohnhaft {{addr}}, seit dem {{date}} in Vollzeit bei der {{company}} beschäftigt ist. {{NATID}}.\n\nMit freundlichen Grüßen\n{{name:hr}}\nPersonalabteilung",
        "fr": "ATTESTATION EMPLOYEUR\n\nNous soussignés, {{company}}, attestons que {{mr}} {{name}}, {{born}} {{dob}}, demeurant {{addr}}, est employé(e) en CDI depuis le {{date}}. {{NATID}}.\n\nFait pour servir et valoir ce que de droit.\n{{name:hr}}, DRH",
        "es": "CERTIFICADO DE EMPRESA\n\n{{company}} certifica que {{mr}} {{name}}, {{born}} {{dob}}, con domicilio en {{addr}}, presta servicios en esta empresa desde el {{date}}. {{NATID}}.\n\nAtentamente,\n{{name:hr}}\nRecursos Humanos",
        "it": "DICHIARAZIONE DEL DATORE DI LAVORO\n\nSi attesta che {{mr}} {{name}}, {{born}} {{dob}}, residente in {{addr}}, è dipendente di {{company}} dal {{date}} con contratto a tempo indeterminato. {{NATID}}.\n\nDistinti saluti,\n{{name:hr}}\nUfficio Personale",
        "nl": "WERKGEVERSVERKLARING\n\nHierbij verklaren wij dat {{mr}} {{name}}, {{born}} {{dob}}, wonende te {{addr}}, sinds {{date}} in vaste dienst is bij {{company}}. {{NATID}}.\n\nMet vriendelijke groet,\n{{name:hr}}\nHR-afdeling",
        "pt": "DECLARAÇÃO DE VÍNCULO LABORAL\n\nDeclara-se que {{mr}} {{name}}, {{born}} {{dob}}, residente em {{addr}}, trabalha na {{company}} desde {{date}}. {{NATID}}.\n\nCom os melhores cumprimentos,\n{{name:hr}}\nRecursos Humanos",
    },
    1.3,
)

T(
    "d.med.discharge",
    "dev",
    "medical_note",
    "positive",
    {
        "en": "DISCHARGE SUMMARY\nPatient: {{inv}}\n{{L:dob}}: {{dob}}\n{{L:mrn}}: {{mrn}}\nAdmitted: {{date}}\n\nDiagnosis: community-acquired pneumonia. Treated with IV ceftriaxone, switched to oral amoxicillin. Follow-up with GP in 2 weeks.\nAttending: Dr. {{name:doc}}",
        "de": "ENTLASSBRIEF\nPatient: {{inv}}, geb. {{dob}}\n{{L:mrn}}: {{mrn}}\nAufnahme: {{date}}\n\nDiagnose: ambulant erworbene Pneumonie. Therapie mit Ceftriaxon i.v., Umstellung auf Amoxicillin p.o. Kontrolle beim Hausarzt in 2 Wochen.\nBehandelnde Ärztin/Arzt: Dr. med. {{name:doc}}",
        "fr": "COMPTE RENDU D'HOSPITALISATION\nPatient : {{inv}}, {{born}} {{dob}}\n{{L:mrn}} : {{mrn}}\nEntrée le {{date}}\n\nDiagnostic : pneumopathie communautaire. Ceftriaxone IV puis relais par amoxicilline per os. Contrôle chez le médecin traitant dans 15 jours.\nMédecin : Dr {{name:doc}}",
        "es": "INFORME DE ALTA\nPaciente: {{inv}}\n{{L:dob}}: {{dob}}\n{{L:mrn}}: {{mrn}}\nIngreso: {{date}}\n\nDiagnóstico: neumonía adquirida en la comunidad. Ceftriaxona IV y después amoxicilina oral. Control por su médico de cabecera en 2 semanas.\nFacultativo: Dr. {{name:doc}}",
        "it": "LETTERA DI DIMISSIONE\nPaziente: {{inv}}, {{born}} {{dob}}\n{{L:mrn}}: {{mrn}}\nRicovero: {{date}}\n\nDiagnosi: polmonite acquisita in comunità. Terapia con ceftriaxone e.v., poi amoxicillina per os. Controllo dal medico di base tra 2 settimane.\nMedico: Dott. {{name:doc}}",
        "nl": "ONTSLAGBRIEF\nPatiënt: {{inv}}, {{born}} {{dob}}\n{{L:mrn}}: {{mrn}}\nOpname: {{date}}\n\nDiagnose: pneumonie. Behandeld met ceftriaxon i.v., daarna amoxicilline oraal. Controle bij de huisarts over 2 weken.\nBehandelend arts: dr. {{name:doc}}",
        "pt": "NOTA DE ALTA\nDoente: {{inv}}\n{{L:dob}}: {{dob}}\n{{L:mrn}}: {{mrn}}\nInternamento: {{date}}\n\nDiagnóstico: pneumonia adquirida na comunidade. Ceftriaxona EV e depois amoxicilina oral. Consulta de seguimento com o médico de família em 2 semanas.\nMédico assistente: Dr. {{name:doc}}",
    },
    1.3,
)

T(
    "d.csv.customers",
    "dev",
    "csv",
    "positive",
    {
        "en": rows(
            "customer_id,name,email,phone,card_number,exp,amount",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.99",
        ),
        "de": rows(
            "kundennr,name,email,telefon,kartennummer,gueltig_bis,betrag",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.90",
        ),
        "fr": rows(
            "id_client,nom,email,telephone,carte,expiration,montant",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.00",
        ),
        "es": rows(
            "id_cliente,nombre,email,telefono,tarjeta,caducidad,importe",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.50",
        ),
        "it": rows(
            "id_cliente,nominativo,email,telefono,carta,scadenza,importo",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.00",
        ),
        "nl": rows(
            "klantnr,naam,email,telefoon,kaartnummer,vervalt,bedrag",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.95",
        ),
        "pt": rows(
            "id_cliente,nome,email,telefone,cartao,validade,valor",
            "{{R}},{{name:R}},{{email:R}},{{phone:R}},{{card:R}},{{exp}},{{n}}.90",
        ),
    },
)

T(
    "d.json.user_profile",
    "dev",
    "json",
    "positive",
    tech(
        '{"id": {{n5}}, "locale": "@@", "full_name": "{{name}}", "email": "{{email}}", "phone": "{{phone}}", '
        '"birth_date": "{{dob}}", "address": "{{addr}}", "iban": "{{iban}}", "newsletter": false}',
        {
            "en": "en-US",
            "de": "de-DE",
            "fr": "fr-FR",
            "es": "es-ES",
            "it": "it-IT",
            "nl": "nl-NL",
            "pt": "pt-PT",
        },
    ),
)

T(
    "d.yaml.app_config",
    "dev",
    "yaml",
    "positive",
    tech(
        "# @@\napp:\n  name: billing-service\n  port: {{port}}\ndatabase:\n  url: {{dburl}}\n  pool_size: 10\n"
        "openai:\n  api_key: {{openai}}\n  model: gpt-4o-mini\npayments:\n  stripe_secret: {{stripe}}\n"
        "notifications:\n  slack_token: {{slack}}\nci:\n  github_token: {{github}}\n",
        {
            "en": "production settings, do not commit",
            "de": "Produktivkonfiguration – nicht einchecken",
            "fr": "configuration de production, ne pas committer",
            "es": "configuración de producción, no subir al repo",
            "it": "configurazione di produzione, non committare",
            "nl": "productie-instellingen, niet committen",
            "pt": "configuração de produção, não fazer commit",
        },
    ),
)

T(
    "d.log.auth",
    "dev",
    "log",
    "positive",
    tech(
        "{{ts}} INFO  auth.login user={{email}} ip={{ip}} result=success\n"
        "{{ts}} INFO  api.call token={{bearer}} status=200\n"
        '{{ts}} WARN  auth.login user={{email:2}} ip={{ip}} result=failure reason="@@"\n'
        "{{ts}} DEBUG http.request GET /api/v2/me headers={'Authorization': 'Bearer {{jwt}}'}",
        {
            "en": "wrong password",
            "de": "falsches Passwort",
            "fr": "mot de passe incorrect",
            "es": "contraseña incorrecta",
            "it": "password errata",
            "nl": "onjuist wachtwoord",
            "pt": "senha incorreta",
        },
    ),
)

T(
    "d.env.app",
    "dev",
    "env",
    "positive",
    tech(
        "# @@\nNODE_ENV=production\nPORT={{port}}\nDATABASE_URL={{dburl}}\nOPENAI_API_KEY={{openai}}\n"
        "ANTHROPIC_API_KEY={{anthropic}}\nSTRIPE_SECRET_KEY={{stripe}}\nAZURE_STORAGE_KEY={{azure_key}}\nLOG_LEVEL=info\n",
        {
            "en": "copy to .env.local",
            "de": "nach .env.local kopieren",
            "fr": "à copier dans .env.local",
            "es": "copiar a .env.local",
            "it": "copiare in .env.local",
            "nl": "kopieer naar .env.local",
            "pt": "copiar para .env.local",
        },
    ),
)

T(
    "d.code.python_client",
    "dev",
    "code",
    "positive",
    tech(
        'import os\nfrom openai import OpenAI\n\n# @@\nclient = OpenAI(api_key="{{openai}}")\n'
        'GOOGLE_MAPS_KEY = "{{google}}"\n\ndef geocode(address: str) -> dict:\n'
        '    return requests.get(URL, params={"address": address, "key": GOOGLE_MAPS_KEY}).json()\n',
        {
            "en": "TODO move to env before release",
            "de": "TODO vor dem Release in die Umgebung verschieben",
            "fr": "TODO déplacer dans les variables d'env avant la mise en prod",
            "es": "TODO mover a variables de entorno",
            "it": "TODO spostare nelle variabili d'ambiente",
            "nl": "TODO naar env verplaatsen voor release",
            "pt": "TODO passar para variáveis de ambiente",
        },
    ),
)

T(
    "d.form.signup",
    "dev",
    "form",
    "positive",
    {
        lang: (
            f"{{{{L:name}}}}: {{{{name}}}}\n{{{{L:dob}}}}: {{{{dob}}}}\n{{{{L:addr}}}}: {{{{addr}}}}\n{{{{L:phone}}}}: {{{{phone}}}}\n"
            f"{{{{L:email}}}}: {{{{email}}}}\n{{{{NATID}}}}\n{{{{L:{doc}}}}}: {{{{{doc}}}}}"
        )
        for lang, doc in zip(
            LANGS, ["dl", "passport", "passport", "dl", "passport", "dl", "passport"], strict=True
        )
    },
    1.3,
)

T(
    "d.prompt.cover_letter",
    "dev",
    "prompt",
    "positive",
    {
        "en": "Can you write a short cover letter for me? I'm {{name}}, born {{dob}}, and I live at {{addr}}. Put my phone {{phone}} and email {{email}} in the header. The job is a junior data analyst role at {{company}}.",
        "de": "Kannst du mir ein kurzes Anschreiben formulieren? Ich heiße {{name}}, bin am {{dob}} geboren und wohne in der {{addr}}. Oben sollen meine Handynummer {{mobile}} und meine Mail {{email}} stehen. Es geht um eine Stelle als Sachbearbeiterin bei {{company}}.",
        "fr": "Peux-tu m'écrire une lettre de motivation ? Je m'appelle {{name}}, {{born}} {{dob}}, j'habite au {{addr}}. Mets mon portable {{mobile}} et mon mail {{email}} en en-tête. C'est pour un poste d'assistant comptable chez {{company}}.",
        "es": "¿Me escribes una carta de presentación? Me llamo {{name}}, {{born}} {{dob}}, y vivo en {{addr}}. Pon mi móvil {{mobile}} y mi correo {{email}} arriba. Es para un puesto de administrativo en {{company}}.",
        "it": "Mi scrivi una lettera di presentazione? Mi chiamo {{name}}, {{born}} {{dob}}, abito in {{addr}}. In alto metti il cellulare {{mobile}} e la mail {{email}}. È per un posto da impiegato amministrativo presso {{company}}.",
        "nl": "Kun je een korte sollicitatiebrief voor me schrijven? Ik ben {{name}}, {{born}} {{dob}}, en woon op {{addr}}. Zet mijn nummer {{mobile}} en mijn mail {{email}} bovenaan. Het gaat om een functie als administratief medewerker bij {{company}}.",
        "pt": "Podes escrever-me uma carta de apresentação? Chamo-me {{name}}, {{born}} {{dob}}, e moro na {{addr}}. Coloca o meu telemóvel {{mobile}} e o email {{email}} no cabeçalho. É para uma vaga de assistente administrativo na {{company}}.",
    },
    1.2,
)

T(
    "d.prompt.contact_obfuscated",
    "dev",
    "prompt",
    "positive",
    {
        "en": "If the buyer wants the bike, tell them to write to {{oemail}} or text {{mobile}} after 6pm. Please draft a friendly reply.",
        "de": "Falls jemand das Fahrrad will: bitte an {{oemail}} schreiben oder abends {{mobile}} anrufen. Formuliere mir eine nette Antwort.",
        "fr": "Si l'acheteur est intéressé, qu'il écrive à {{oemail}} ou m'appelle au {{mobile}} après 18h. Rédige une réponse sympa.",
        "es": "Si el comprador quiere la bici, que escriba a {{oemail}} o llame al {{mobile}} a partir de las 18h. Redáctame una respuesta amable.",
        "it": "Se l'acquirente è interessato, scriva a {{oemail}} oppure chiami il {{mobile}} dopo le 18. Scrivimi una risposta cordiale.",
        "nl": "Als de koper de fiets wil, mail dan naar {{oemail}} of bel {{mobile}} na 18.00 uur. Schrijf een vriendelijk antwoord.",
        "pt": "Se o comprador quiser a bicicleta, que escreva para {{oemail}} ou ligue para o {{mobile}} depois das 18h. Escreve uma resposta simpática.",
    },
)

T(
    "d.email.meeting_minutes",
    "dev",
    "email",
    "positive",
    {
        "en": "Minutes — project kickoff {{date}}\nAttendees: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nActions:\n- {{name:b}} sends the draft contract to {{cemail:e}}\n- {{name:c}} books the venue\nNext meeting at {{time}}.",
        "de": "Protokoll Projektstart {{date}}\nTeilnehmende: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nAufgaben:\n- {{name:b}} schickt den Vertragsentwurf an {{cemail:e}}\n- {{name:c}} bucht den Raum\nNächster Termin um {{time}} Uhr.",
        "fr": "Compte rendu – lancement du projet, {{date}}\nParticipants : {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nActions :\n- {{name:b}} envoie le projet de contrat à {{cemail:e}}\n- {{name:c}} réserve la salle\nProchaine réunion à {{time}}.",
        "es": "Acta – arranque del proyecto, {{date}}\nAsistentes: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nAcciones:\n- {{name:b}} envía el borrador del contrato a {{cemail:e}}\n- {{name:c}} reserva la sala\nPróxima reunión a las {{time}}.",
        "it": "Verbale – avvio progetto, {{date}}\nPresenti: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nAzioni:\n- {{name:b}} invia la bozza di contratto a {{cemail:e}}\n- {{name:c}} prenota la sala\nProssima riunione alle {{time}}.",
        "nl": "Notulen – kick-off {{date}}\nAanwezig: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nActiepunten:\n- {{name:b}} stuurt het conceptcontract naar {{cemail:e}}\n- {{name:c}} reserveert de zaal\nVolgend overleg om {{time}}.",
        "pt": "Ata – arranque do projeto, {{date}}\nPresentes: {{name:a}}, {{name:b}}, {{name:c}}, {{name:d}}\n\nAções:\n- {{name:b}} envia a minuta do contrato para {{cemail:e}}\n- {{name:c}} reserva a sala\nPróxima reunião às {{time}}.",
    },
)

T(
    "d.chat.devops_paste",
    "dev",
    "chat",
    "positive",
    tech(
        "@@\n\n```\n$ aws configure\nAWS Access Key ID [None]: {{aws_ak}}\nAWS Secret Access Key [None]: {{aws_sk}}\n"
        "Default region name [None]: eu-central-1\n$ aws s3 ls\nAn error occurred (SignatureDoesNotMatch)\n```",
        {
            "en": "why does this keep failing?? copied the keys straight from the console",
            "de": "warum klappt das nicht?? hab die Keys direkt aus der Konsole kopiert",
            "fr": "pourquoi ça plante ?? j'ai copié les clés directement depuis la console",
            "es": "¿por qué falla esto? he copiado las claves tal cual de la consola",
            "it": "perché continua a fallire? ho copiato le chiavi direttamente dalla console",
            "nl": "waarom faalt dit steeds? de keys komen zo uit de console",
            "pt": "porque é que isto falha? copiei as chaves diretamente da consola",
        },
    ),
)

T(
    "d.chat.ssh_key",
    "dev",
    "chat",
    "positive",
    tech(
        "@@\n\n{{pem}}",
        {
            "en": "here is the deploy key for the staging box, can you check the format?",
            "de": "hier der Deploy-Key für den Staging-Server, passt das Format?",
            "fr": "voici la clé de déploiement du serveur de préprod, le format est bon ?",
            "es": "aquí va la clave de despliegue del servidor de staging, ¿está bien el formato?",
            "it": "ecco la chiave di deploy per il server di staging, il formato va bene?",
            "nl": "hier de deploy key voor de staging-server, klopt het formaat?",
            "pt": "aqui está a chave de deploy do servidor de staging, o formato está certo?",
        },
    ),
    0.6,
)

T(
    "d.prompt.password_share",
    "dev",
    "prompt",
    "positive",
    {
        "en": "Write a short note for the babysitter: the wifi is 'Home-5G', {{pwp}}, and my number is {{mobile}} if anything comes up.",
        "de": "Schreib eine kurze Notiz für die Babysitterin: WLAN heißt 'FritzBox 7590', das {{pwp}}, und falls was ist, meine Nummer {{mobile}}.",
        "fr": "Écris un petit mot pour la baby-sitter : le wifi c'est 'Livebox-3F2A', {{pwp}}, et mon numéro est le {{mobile}} en cas de souci.",
        "es": "Escribe una nota para la canguro: la wifi es 'MOVISTAR_3F2A', {{pwp}}, y mi móvil es {{mobile}} por si pasa algo.",
        "it": "Scrivi un biglietto per la babysitter: il wifi è 'TIM-3F2A', {{pwp}}, e il mio numero è {{mobile}} per qualsiasi cosa.",
        "nl": "Schrijf een briefje voor de oppas: de wifi heet 'Ziggo3F2A', {{pwp}}, en bij problemen mijn nummer {{mobile}}.",
        "pt": "Escreve um bilhete para a babysitter: a rede wifi é 'MEO-3F2A', {{pwp}}, e o meu número é {{mobile}} se houver algum problema.",
    },
)

T(
    "d.prompt.tenant_ids",
    "dev",
    "prompt",
    "positive",
    {
        "en": "I need to fill a rental application. Name {{name}}, {{NATID}}, current address {{addr}}. Which documents should I attach?",
        "de": "Ich muss eine Mieterselbstauskunft ausfüllen. Name {{name}}, {{NATID}}, aktuelle Adresse {{addr}}. Welche Unterlagen brauche ich noch?",
        "fr": "Je remplis un dossier de location. Nom {{name}}, {{NATID}}, adresse actuelle {{addr}}. Quels justificatifs dois-je joindre ?",
        "es": "Tengo que rellenar una solicitud de alquiler. Nombre {{name}}, {{NATID}}, domicilio actual {{addr}}. ¿Qué documentos adjunto?",
        "it": "Devo compilare una domanda d'affitto. Nome {{name}}, {{NATID}}, indirizzo attuale {{addr}}. Quali documenti devo allegare?",
        "nl": "Ik vul een huuraanvraag in. Naam {{name}}, {{NATID}}, huidig adres {{addr}}. Welke documenten moet ik meesturen?",
        "pt": "Tenho de preencher uma candidatura de arrendamento. Nome {{name}}, {{NATID}}, morada atual {{addr}}. Que documentos devo anexar?",
    },
)

T(
    "d.chat.id_check",
    "dev",
    "chat",
    "positive",
    {
        "en": "user: is this the right format for the benefits form? {{NATID}}\nassistant: Looks plausible — don't share it in chats though.\nuser: ok, and the {{L:dl}} field: {{dl}}",
        "de": "Nutzer: Stimmt das Format so für den Antrag? {{NATID}}\nAssistent: Sieht plausibel aus – teilen Sie so etwas aber nicht im Chat.\nNutzer: ok, und {{L:dl}}: {{dl}}",
        "fr": "utilisateur : c'est le bon format pour le dossier ? {{NATID}}\nassistant : Ça semble correct, mais évitez de le partager dans un chat.\nutilisateur : ok, et le {{L:dl}} : {{dl}}",
        "es": "usuario: ¿está bien este formato para la solicitud? {{NATID}}\nasistente: Parece correcto, pero no lo compartas en chats.\nusuario: vale, y el {{L:dl}}: {{dl}}",
        "it": "utente: il formato va bene per la domanda? {{NATID}}\nassistente: Sembra corretto, ma non condividerlo in chat.\nutente: ok, e la {{L:dl}}: {{dl}}",
        "nl": "gebruiker: klopt dit formaat voor de aanvraag? {{NATID}}\nassistent: Lijkt in orde, maar deel dit liever niet in een chat.\ngebruiker: ok, en het {{L:dl}}: {{dl}}",
        "pt": "utilizador: este formato está certo para o pedido? {{NATID}}\nassistente: Parece correto, mas não partilhe isto em chats.\nutilizador: ok, e a {{L:dl}}: {{dl}}",
    },
    1.2,
)

T(
    "d.email.payroll_query",
    "dev",
    "email",
    "positive",
    {
        "en": "Hi payroll team,\n\nmy last payslip shows the wrong ID. Correct one: {{natid}}. My colleague {{name:b}} has the same problem, hers/his should be {{natid:b}}.\n\nThanks,\n{{name}}",
        "de": "Hallo Lohnbuchhaltung,\n\nauf meiner letzten Abrechnung steht eine falsche Steuer-ID. Richtig ist {{natid}}. Bei meinem Kollegen {{name:b}} ist es genauso, richtig wäre {{natid:b}}.\n\nDanke\n{{name}}",
        "fr": "Bonjour le service paie,\n\nmon dernier bulletin indique un mauvais numéro. Le bon est {{natid}}. Même souci pour ma collègue {{name:b}}, le sien est {{natid:b}}.\n\nMerci,\n{{name}}",
        "es": "Hola, equipo de nóminas:\n\nen mi última nómina aparece mal el documento. El correcto es {{natid}}. A mi compañero {{name:b}} le pasa lo mismo, el suyo es {{natid:b}}.\n\nGracias,\n{{name}}",
        "it": "Ciao ufficio paghe,\n\nnell'ultima busta paga il codice è sbagliato. Quello giusto è {{natid}}. Anche per la collega {{name:b}}: il suo è {{natid:b}}.\n\nGrazie,\n{{name}}",
        "nl": "Hoi salarisadministratie,\n\nop mijn laatste loonstrook staat een verkeerd nummer. Het juiste is {{natid}}. Bij mijn collega {{name:b}} ook, dat moet {{natid:b}} zijn.\n\nBedankt,\n{{name}}",
        "pt": "Olá equipa de salários,\n\no último recibo tem o número errado. O correto é {{natid}}. A minha colega {{name:b}} tem o mesmo problema, o dela é {{natid:b}}.\n\nObrigado,\n{{name}}",
    },
    1.3,
)

T(
    "d.news.politics",
    "dev",
    "news",
    "public_figure",
    {
        "en": "{{pub}} met {{pub:b}} on Tuesday to discuss tariffs; the talks in Brussels ended without a joint statement.",
        "de": "{{pub}} hat am Dienstag {{pub:b}} getroffen; das Gespräch über den Haushalt endete ohne Einigung.",
        "fr": "{{pub}} a reçu {{pub:b}} mardi à l'Élysée pour évoquer la situation budgétaire.",
        "es": "{{pub}} se reunió el martes con {{pub:b}} para hablar de la financiación autonómica.",
        "it": "{{pub}} ha incontrato martedì {{pub:b}} per discutere della legge di bilancio.",
        "nl": "{{pub}} sprak dinsdag met {{pub:b}} over de stikstofplannen; een akkoord bleef uit.",
        "pt": "{{pub}} recebeu {{pub:b}} na terça-feira para discutir o Orçamento do Estado.",
    },
)


# ================================================================ held-out templates (positive)

T(
    "h.email.travel_booking",
    "heldout",
    "email",
    "positive",
    {
        "en": "Hi,\n\nplease book the Lisbon trip for two travellers:\n1) {{name}} – {{L:dob}} {{dob}} – {{L:passport}} {{passport}}\n2) {{name:b}} – {{L:dob}} {{dob:b}}\nContact during travel: {{mobile}}\n\nCheers,\n{{name}}",
        "de": "Hallo,\n\nbitte die Reise nach Lissabon für zwei Personen buchen:\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nUnterwegs erreichbar unter {{mobile}}.\n\nViele Grüße\n{{name}}",
        "fr": "Bonjour,\n\nmerci de réserver le voyage à Lisbonne pour deux personnes :\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nJoignable pendant le séjour au {{mobile}}.\n\nBonne journée,\n{{name}}",
        "es": "Hola:\n\nreservad por favor el viaje a Lisboa para dos personas:\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nDurante el viaje estoy en el {{mobile}}.\n\nSaludos,\n{{name}}",
        "it": "Ciao,\n\nvi chiedo di prenotare il viaggio a Lisbona per due persone:\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nDurante il viaggio sono reperibile al {{mobile}}.\n\nA presto,\n{{name}}",
        "nl": "Hoi,\n\nwil je de reis naar Lissabon voor twee personen boeken?\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nTijdens de reis bereikbaar op {{mobile}}.\n\nGroetjes,\n{{name}}",
        "pt": "Olá,\n\npodem reservar a viagem a Madrid para duas pessoas?\n1) {{name}}, {{L:dob}} {{dob}}, {{L:passport}} {{passport}}\n2) {{name:b}}, {{L:dob}} {{dob:b}}\nDurante a viagem estou contactável pelo {{mobile}}.\n\nAbraço,\n{{name}}",
    },
    1.3,
)

T(
    "h.email.forward_header",
    "heldout",
    "email",
    "positive",
    {
        "en": "---------- Forwarded message ---------\nFrom: {{name}} <{{email}}>\nDate: {{date}}\nSubject: Re: parcel\nTo: {{name:b}} <{{cemail:b}}>\n\nThe parcel should go to {{addrml}}. If nobody answers the door call {{phone}}.",
        "de": "-------- Weitergeleitete Nachricht --------\nVon: {{name}} <{{email}}>\nDatum: {{date}}\nBetreff: AW: Paket\nAn: {{name:b}} <{{cemail:b}}>\n\nDas Paket bitte an folgende Adresse:\n{{addrml}}\nFalls niemand öffnet: {{phone}}",
        "fr": "-------- Message transféré --------\nDe : {{name}} <{{email}}>\nDate : {{date}}\nObjet : RE: colis\nÀ : {{name:b}} <{{cemail:b}}>\n\nLe colis doit être livré à :\n{{addrml}}\nSi personne ne répond, appeler le {{phone}}.",
        "es": "---------- Mensaje reenviado ---------\nDe: {{name}} <{{email}}>\nFecha: {{date}}\nAsunto: RE: paquete\nPara: {{name:b}} <{{cemail:b}}>\n\nEl paquete va a:\n{{addrml}}\nSi no abre nadie, llamad al {{phone}}.",
        "it": "---------- Messaggio inoltrato ---------\nDa: {{name}} <{{email}}>\nData: {{date}}\nOggetto: R: pacco\nA: {{name:b}} <{{cemail:b}}>\n\nIl pacco va spedito a:\n{{addrml}}\nSe non risponde nessuno chiamate il {{phone}}.",
        "nl": "---------- Doorgestuurd bericht ---------\nVan: {{name}} <{{email}}>\nDatum: {{date}}\nOnderwerp: RE: pakket\nAan: {{name:b}} <{{cemail:b}}>\n\nHet pakket moet naar:\n{{addrml}}\nAls er niet wordt opengedaan, bel {{phone}}.",
        "pt": "---------- Mensagem encaminhada ---------\nDe: {{name}} <{{email}}>\nData: {{date}}\nAssunto: RE: encomenda\nPara: {{name:b}} <{{cemail:b}}>\n\nA encomenda deve ser entregue em:\n{{addrml}}\nSe ninguém abrir, liguem para o {{phone}}.",
    },
    1.3,
)

T(
    "h.chat.rewrite_letter",
    "heldout",
    "chat",
    "positive",
    {
        "en": "Make this sound more polite please: \"I, {{name}}, tenant at {{addr}}, still haven't got my deposit back. Transfer it to {{iban}} by Friday or I'll take this further.\"",
        "de": "Formulier das bitte höflicher: „Ich, {{name}}, Mieterin/Mieter in der {{addr}}, warte immer noch auf meine Kaution. Überweisen Sie sie bis Freitag auf {{iban}}, sonst schalte ich einen Anwalt ein.“",
        "fr": "Rends ce message plus poli : « Moi, {{name}}, locataire au {{addr}}, j'attends toujours ma caution. Virez-la sur {{iban}} avant vendredi, sinon je saisis la commission de conciliation. »",
        "es": "Hazlo más educado: «Yo, {{name}}, inquilino en {{addr}}, sigo sin recibir la fianza. Ingresadla en {{iban}} antes del viernes o iré a un abogado.»",
        "it": "Riscrivilo in modo più cortese: «Io, {{name}}, inquilino in {{addr}}, aspetto ancora la restituzione del deposito. Versatelo su {{iban}} entro venerdì o mi rivolgo a un avvocato.»",
        "nl": "Maak dit wat beleefder: 'Ik, {{name}}, huurder op {{addr}}, heb mijn borg nog steeds niet terug. Maak het voor vrijdag over naar {{iban}}, anders schakel ik het Juridisch Loket in.'",
        "pt": "Torna isto mais educado: «Eu, {{name}}, inquilino na {{addr}}, ainda não recebi a caução. Transfiram-na para {{iban}} até sexta ou avanço com um advogado.»",
    },
    1.2,
)

T(
    "h.ticket.bug_report",
    "heldout",
    "ticket",
    "positive",
    tech(
        "BUG-{{n5}}: checkout returns 500\n\n@@\n\n```\n{{ts}} ERROR payment.capture customer={{email}} client_ip={{ip}}\n"
        "{{ts}} ERROR upstream call failed: POST https://api.payments.local/v1/charges\n"
        "  Authorization: Bearer {{bearer}}\n  card={{card}}\n```",
        {
            "en": "Steps: add item, pay with the customer's saved card. Log below.",
            "de": "Schritte: Artikel in den Warenkorb, mit hinterlegter Karte zahlen. Log unten.",
            "fr": "Étapes : ajouter un article, payer avec la carte enregistrée du client. Log ci-dessous.",
            "es": "Pasos: añadir artículo, pagar con la tarjeta guardada del cliente. Log abajo.",
            "it": "Passi: aggiungere un articolo, pagare con la carta salvata del cliente. Log sotto.",
            "nl": "Stappen: artikel toevoegen, betalen met de opgeslagen kaart van de klant. Log hieronder.",
            "pt": "Passos: adicionar artigo, pagar com o cartão guardado do cliente. Log abaixo.",
        },
    ),
)

T(
    "h.hr.onboarding",
    "heldout",
    "hr_letter",
    "positive",
    {
        "en": "NEW STARTER FORM\nEmployee: {{name}}\nStart date: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nSalary account: {{iban}}\nEmergency contact: {{name:e}} ({{phone:e}})",
        "de": "PERSONALBOGEN NEUEINSTELLUNG\nMitarbeiter/in: {{name}}\nEintritt: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nGehaltskonto: {{iban}}\nNotfallkontakt: {{name:e}}, {{phone:e}}",
        "fr": "FICHE D'ARRIVÉE\nSalarié(e) : {{name}}\nDate d'entrée : {{date}}\n{{L:dob}} : {{dob}}\n{{NATID}}\nCompte de paie : {{iban}}\nPersonne à prévenir : {{name:e}} – {{phone:e}}",
        "es": "FICHA DE ALTA\nEmpleado/a: {{name}}\nFecha de incorporación: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nCuenta de nómina: {{iban}}\nContacto de emergencia: {{name:e}} ({{phone:e}})",
        "it": "SCHEDA NUOVO ASSUNTO\nDipendente: {{name}}\nData assunzione: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nConto per lo stipendio: {{iban}}\nContatto in caso di emergenza: {{name:e}} ({{phone:e}})",
        "nl": "INDIENSTTREDINGSFORMULIER\nMedewerker: {{name}}\nDatum in dienst: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nSalarisrekening: {{iban}}\nNoodcontact: {{name:e}} ({{phone:e}})",
        "pt": "FICHA DE ADMISSÃO\nColaborador(a): {{name}}\nData de admissão: {{date}}\n{{L:dob}}: {{dob}}\n{{NATID}}\nConta para vencimento: {{iban}}\nContacto de emergência: {{name:e}} ({{phone:e}})",
    },
    1.3,
)

T(
    "h.med.referral",
    "heldout",
    "medical_note",
    "positive",
    {
        "en": "Dear Dr. {{last:doc}},\n\nthank you for seeing {{name}} ({{L:dob}} {{dob}}, {{L:mrn}} {{mrn}}), who lives at {{addr}}. She/he reports 3 weeks of exertional chest pain; ECG shows ST depression in V4–V6. Please assess for angiography.\n\nBest wishes,\nDr. {{name:gp}}",
        "de": "Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,\n\nwir überweisen {{name}}, geb. {{dob}}, {{L:mrn}} {{mrn}}, wohnhaft {{addr}}, zur kardiologischen Abklärung bei belastungsabhängigen Thoraxschmerzen seit 3 Wochen.\n\nMit kollegialen Grüßen\nDr. med. {{name:gp}}",
        "fr": "Cher confrère,\n\nje vous adresse {{name}}, {{born}} {{dob}}, {{L:mrn}} {{mrn}}, domicilié(e) {{addr}}, pour douleurs thoraciques d'effort depuis 3 semaines. L'ECG montre un sous-décalage ST en V4–V6.\n\nConfraternellement,\nDr {{name:gp}}",
        "es": "Estimado/a colega:\n\nle remito a {{name}}, {{born}} {{dob}}, {{L:mrn}} {{mrn}}, con domicilio en {{addr}}, por dolor torácico de esfuerzo de 3 semanas de evolución.\n\nUn cordial saludo,\nDra. {{name:gp}}",
        "it": "Gentile collega,\n\ninvio alla Sua attenzione {{name}}, {{born}} {{dob}}, {{L:mrn}} {{mrn}}, residente in {{addr}}, per dolore toracico da sforzo da 3 settimane.\n\nCordiali saluti,\nDott.ssa {{name:gp}}",
        "nl": "Geachte collega,\n\nGraag verwijs ik {{name}}, {{born}} {{dob}}, {{L:mrn}} {{mrn}}, wonende {{addr}}, naar u in verband met inspanningsgebonden pijn op de borst sinds 3 weken.\n\nMet collegiale groet,\n{{name:gp}}, huisarts",
        "pt": "Caro colega,\n\nreferencio {{name}}, {{born}} {{dob}}, {{L:mrn}} {{mrn}}, residente na {{addr}}, por dor torácica de esforço com 3 semanas de evolução.\n\nCom os melhores cumprimentos,\nDr.ª {{name:gp}}",
    },
    1.3,
)

T(
    "h.csv.payroll",
    "heldout",
    "csv",
    "positive",
    {
        "en": rows(
            "emp_no;name;ni_or_ssn;iban;dob", "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}"
        ),
        "de": rows(
            "Personalnr;Name;Steuer-ID;IBAN;Geburtsdatum",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
        "fr": rows(
            "matricule;nom;nir;iban;date_naissance",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
        "es": rows(
            "n_empleado;nombre;dni;iban;fecha_nacimiento",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
        "it": rows(
            "matricola;nominativo;codice_fiscale;iban;data_nascita",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
        "nl": rows(
            "personeelsnr;naam;bsn;iban;geboortedatum",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
        "pt": rows(
            "n_colaborador;nome;nif;iban;data_nascimento",
            "{{R}};{{name:R}};{{natid:R}};{{iban:R}};{{dob:R}}",
        ),
    },
)

T(
    "h.json.api_payload",
    "heldout",
    "json",
    "positive",
    tech(
        '{\n  "headers": {"Authorization": "Bearer {{jwt}}", "X-Request-Id": "{{uuid}}"},\n  "body": {\n'
        '    "customer": {"name": "{{name}}", "email": "{{email}}", "phone": "{{phone}}"},\n'
        '    "payment": {"card": "{{card}}", "expiry": "{{exp}}"},\n    "note": "@@"\n  }\n}',
        {
            "en": "leave at the door",
            "de": "bitte beim Nachbarn abgeben",
            "fr": "laisser devant la porte",
            "es": "dejar en conserjería",
            "it": "lasciare al portiere",
            "nl": "bij de buren afgeven",
            "pt": "deixar na portaria",
        },
    ),
)

T(
    "h.yaml.k8s_secret",
    "heldout",
    "yaml",
    "positive",
    tech(
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: backend-secrets\n  annotations:\n    note: "@@"\ntype: Opaque\n'
        'stringData:\n  GITHUB_TOKEN: {{github}}\n  AZURE_STORAGE_CONNECTION_STRING: "{{azure_conn}}"\n'
        "  GOOGLE_API_KEY: {{google}}\n  OPENAI_API_KEY: {{openai}}\n  SENTRY_ENV: production\n",
        {
            "en": "rotate quarterly",
            "de": "vierteljährlich rotieren",
            "fr": "rotation trimestrielle",
            "es": "rotar cada trimestre",
            "it": "ruotare ogni trimestre",
            "nl": "elk kwartaal roteren",
            "pt": "rodar trimestralmente",
        },
    ),
)

T(
    "h.log.access",
    "heldout",
    "log",
    "positive",
    tech(
        '{{ip}} - - [12/Mar/2026:10:41:07 +0100] "GET /account/reset?email={{email}}&lang=@@ HTTP/1.1" 302 0 "-" "Mozilla/5.0"\n'
        '{{ip:2}} - - [12/Mar/2026:10:41:09 +0100] "POST /login HTTP/1.1" 200 512 "-" "okhttp/4.12.0"\n'
        "[app] sqlalchemy.exc.OperationalError: could not connect to {{dburl}}",
        {"en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pt": "pt"},
    ),
)

T(
    "h.env.exports",
    "heldout",
    "env",
    "positive",
    tech(
        "# @@\nexport AWS_ACCESS_KEY_ID={{aws_ak}}\nexport AWS_SECRET_ACCESS_KEY={{aws_sk}}\n"
        "export GH_TOKEN={{github}}\nexport SLACK_BOT_TOKEN={{slack}}\nexport AZURE_OPENAI_API_KEY={{azure_key}}\n"
        "export ANTHROPIC_API_KEY={{anthropic}}\nexport STRIPE_API_KEY={{stripe}}\n",
        {
            "en": "source this before running deploy.sh",
            "de": "vor deploy.sh sourcen",
            "fr": "à sourcer avant deploy.sh",
            "es": "cargar antes de ejecutar deploy.sh",
            "it": "da caricare prima di deploy.sh",
            "nl": "sourcen voor deploy.sh",
            "pt": "carregar antes de correr o deploy.sh",
        },
    ),
)

T(
    "h.code.curl_js",
    "heldout",
    "code",
    "positive",
    tech(
        "// @@\nconst res = await fetch(`https://maps.googleapis.com/maps/api/geocode/json?address=${q}&key={{google}}`);\n\n"
        'curl https://api.anthropic.com/v1/messages \\\n  -H "x-api-key: {{anthropic}}" \\\n'
        '  -H "anthropic-version: 2023-06-01" -d @body.json\n\n'
        'curl -H "Authorization: token {{github}}" https://api.github.com/user/repos',
        {
            "en": "quick test, remove the key later",
            "de": "schneller Test, Key später entfernen",
            "fr": "test rapide, enlever la clé ensuite",
            "es": "prueba rápida, quitar la clave después",
            "it": "test veloce, togliere la chiave dopo",
            "nl": "snelle test, key later weghalen",
            "pt": "teste rápido, remover a chave depois",
        },
    ),
)

T(
    "h.form.insurance_claim",
    "heldout",
    "form",
    "positive",
    {
        lang: (
            f"== {head} ==\n{{{{L:name}}}} ........ {{{{name}}}}\n{{{{L:dob}}}} ........ {{{{dob}}}}\n{{{{L:addr}}}} ........ {{{{addr}}}}\n"
            f"{{{{L:phone}}}} ........ {{{{phone}}}}\n{{{{L:email}}}} ........ {{{{email}}}}\n{{{{L:dl}}}} ........ {{{{dl}}}}\n{{{{L:iban}}}} ........ {{{{iban}}}}"
        )
        for lang, head in zip(
            LANGS,
            [
                "CLAIM FORM – MOTOR",
                "SCHADENMELDUNG KFZ",
                "DÉCLARATION DE SINISTRE AUTO",
                "PARTE DE SINIESTRO",
                "DENUNCIA DI SINISTRO AUTO",
                "SCHADEFORMULIER AUTO",
                "PARTICIPAÇÃO DE SINISTRO AUTOMÓVEL",
            ],
            strict=True,
        )
    },
    1.3,
)

T(
    "h.prompt.tax_help",
    "heldout",
    "prompt",
    "positive",
    {
        "en": "I'm doing my taxes this weekend. My {{NATID}} and my refund should go to {{iban}}. I also paid {{amount}} for childcare for my daughter. What can I deduct?",
        "de": "Ich mache am Wochenende meine Steuererklärung. Meine {{NATID}}, die Erstattung soll auf {{iban}}. Außerdem habe ich {{amount}} Kita-Gebühren gezahlt. Was kann ich absetzen?",
        "fr": "Je fais ma déclaration d'impôts ce week-end. Mon {{NATID}} et le remboursement doit aller sur {{iban}}. J'ai aussi payé {{amount}} de frais de garde. Qu'est-ce que je peux déduire ?",
        "es": "Este finde hago la renta. Mi {{NATID}} y la devolución tiene que ir a {{iban}}. Además pagué {{amount}} de guardería. ¿Qué puedo desgravar?",
        "it": "Questo fine settimana faccio il 730. Il mio {{NATID}} e il rimborso va su {{iban}}. Ho pagato anche {{amount}} di asilo nido. Cosa posso detrarre?",
        "nl": "Ik doe dit weekend mijn belastingaangifte. Mijn {{NATID}} en de teruggave moet naar {{iban}}. Ik heb ook {{amount}} aan kinderopvang betaald. Wat kan ik aftrekken?",
        "pt": "Vou entregar o IRS este fim de semana. O meu {{NATID}} e o reembolso deve ir para {{iban}}. Também paguei {{amount}} de creche. O que posso deduzir?",
    },
    1.2,
)

T(
    "h.chat.forum_contact",
    "heldout",
    "chat",
    "positive",
    {
        "en": "[forum] selling my old camera, DM doesn't work so mail me: {{oemail}} (or {{oemail:b}}). Phone {{phone}}. - {{name}}",
        "de": "[Forum] Verkaufe meine alte Kamera, PN geht nicht, also bitte Mail an {{oemail}} (oder {{oemail:b}}). Tel. {{phone}}. Gruß {{name}}",
        "fr": "[forum] je vends mon ancien appareil photo, les MP ne marchent pas : écrivez à {{oemail}} (ou {{oemail:b}}). Tél. {{phone}}. {{name}}",
        "es": "[foro] vendo mi cámara antigua, los MP no funcionan, escribid a {{oemail}} (o {{oemail:b}}). Tel. {{phone}}. Un saludo, {{name}}",
        "it": "[forum] vendo la mia vecchia fotocamera, i MP non vanno, scrivete a {{oemail}} (oppure {{oemail:b}}). Tel. {{phone}}. {{name}}",
        "nl": "[forum] verkoop mijn oude camera, PB werkt niet dus mail naar {{oemail}} (of {{oemail:b}}). Tel. {{phone}}. Groet, {{name}}",
        "pt": "[fórum] vendo a minha câmara antiga, as MP não funcionam, escrevam para {{oemail}} (ou {{oemail:b}}). Tel. {{phone}}. {{name}}",
    },
)

T(
    "h.chat.team_notes",
    "heldout",
    "chat",
    "positive",
    {
        "en": "{{hello:a}}, quick recap: {{name:b}} and {{name:c}} will cover the weekend shift, {{name:d}} is off sick. Spare key is with the caretaker at {{addr}}.",
        "de": "{{hello:a}}, kurz zusammengefasst: {{name:b}} und {{name:c}} übernehmen den Wochenenddienst, {{name:d}} ist krank. Der Ersatzschlüssel liegt beim Hausmeister, {{addr}}.",
        "fr": "{{hello:a}}, petit récap : {{name:b}} et {{name:c}} assurent la permanence du week-end, {{name:d}} est en arrêt maladie. Le double des clés est chez le gardien, {{addr}}.",
        "es": "{{hello:a}}, resumen rápido: {{name:b}} y {{name:c}} cubren el turno del fin de semana, {{name:d}} está de baja. La llave de repuesto la tiene el conserje en {{addr}}.",
        "it": "{{hello:a}}, riepilogo veloce: {{name:b}} e {{name:c}} coprono il turno del weekend, {{name:d}} è in malattia. La chiave di scorta è dal portiere in {{addr}}.",
        "nl": "{{hello:a}}, even kort: {{name:b}} en {{name:c}} draaien de weekenddienst, {{name:d}} is ziek. De reservesleutel ligt bij de beheerder, {{addr}}.",
        "pt": "{{hello:a}}, resumo rápido: {{name:b}} e {{name:c}} ficam com o turno do fim de semana, {{name:d}} está de baixa. A chave suplente está com o porteiro na {{addr}}.",
    },
    1.2,
)

T(
    "h.email.credentials_handover",
    "heldout",
    "email",
    "positive",
    {
        "en": "{{hello}},\n\nyour VPN account is ready. Username: vpn-{{n5}}, {{pwp}} – please change it at first login. The database for the report is at {{dburl}}.\n\nIT Service Desk",
        "de": "{{hello}},\n\nIhr VPN-Zugang ist eingerichtet. Benutzer: vpn-{{n5}}, {{pwp}} – bitte bei der ersten Anmeldung ändern. Die Reporting-Datenbank erreichen Sie unter {{dburl}}.\n\nIT-Service",
        "fr": "{{hello}},\n\nvotre accès VPN est prêt. Identifiant : vpn-{{n5}}, {{pwp}} – à changer à la première connexion. La base de reporting est accessible via {{dburl}}.\n\nSupport informatique",
        "es": "{{hello}}:\n\nsu acceso VPN ya está activo. Usuario: vpn-{{n5}}, {{pwp}} – cámbiela en el primer inicio de sesión. La base de datos de informes está en {{dburl}}.\n\nSoporte TI",
        "it": "{{hello}},\n\nl'accesso VPN è pronto. Utente: vpn-{{n5}}, {{pwp}} – da cambiare al primo accesso. Il database dei report è su {{dburl}}.\n\nHelpdesk IT",
        "nl": "{{hello}},\n\nuw VPN-account is klaar. Gebruikersnaam: vpn-{{n5}}, {{pwp}} – wijzig dit bij de eerste keer inloggen. De rapportagedatabase staat op {{dburl}}.\n\nServicedesk ICT",
        "pt": "{{hello}},\n\no seu acesso VPN está pronto. Utilizador: vpn-{{n5}}, {{pwp}} – altere-a no primeiro acesso. A base de dados de relatórios está em {{dburl}}.\n\nApoio Informático",
    },
)

T(
    "h.chat.ssh_key",
    "heldout",
    "chat",
    "positive",
    tech(
        "{{pem}}\n\n@@",
        {
            "en": "^ that's the key from ~/.ssh on the old laptop, will it work on the new one?",
            "de": "^ das ist der Schlüssel aus ~/.ssh vom alten Laptop, geht der auf dem neuen?",
            "fr": "^ c'est la clé du ~/.ssh de l'ancien portable, elle marchera sur le nouveau ?",
            "es": "^ es la clave de ~/.ssh del portátil viejo, ¿funcionará en el nuevo?",
            "it": "^ è la chiave di ~/.ssh del vecchio portatile, funzionerà sul nuovo?",
            "nl": "^ dat is de sleutel uit ~/.ssh van de oude laptop, werkt die op de nieuwe?",
            "pt": "^ é a chave do ~/.ssh do portátil antigo, vai funcionar no novo?",
        },
    ),
    0.6,
)

T(
    "h.prompt.kyc_letter",
    "heldout",
    "prompt",
    "positive",
    {
        "en": "Draft a short letter to my bank to update my records: account holder {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "de": "Entwirf ein kurzes Schreiben an meine Bank zur Aktualisierung meiner Daten: Kontoinhaber {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "fr": "Rédige un court courrier à ma banque pour mettre à jour mon dossier : titulaire {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "es": "Redacta una carta breve a mi banco para actualizar mis datos: titular {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "it": "Scrivi una breve lettera alla mia banca per aggiornare i dati: intestatario {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "nl": "Schrijf een korte brief aan mijn bank om mijn gegevens bij te werken: rekeninghouder {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
        "pt": "Escreve uma carta curta ao meu banco para atualizar os meus dados: titular {{name}}, {{NATID}}, {{L:passport}} {{passport}}, {{L:dob}} {{dob}}.",
    },
    1.2,
)

T(
    "h.ticket.identity_check",
    "heldout",
    "ticket",
    "positive",
    {
        "en": "[KYC-{{n5}}] Manual review\nCustomer: {{name}}\nID on file: {{natid}}\nDocument: {{L:passport}} {{passport}}\nResult: mismatch on date of birth ({{dob}} vs. form). Spouse {{name:b}} ({{natid:b}}) passed.",
        "de": "[KYC-{{n5}}] Manuelle Prüfung\nKunde: {{name}}\nHinterlegte ID: {{natid}}\nDokument: {{L:passport}} {{passport}}\nErgebnis: Geburtsdatum weicht ab ({{dob}}). Ehepartner {{name:b}} ({{natid:b}}) bestanden.",
        "fr": "[KYC-{{n5}}] Revue manuelle\nClient : {{name}}\nIdentifiant : {{natid}}\nPièce : {{L:passport}} {{passport}}\nRésultat : date de naissance divergente ({{dob}}). Conjoint {{name:b}} ({{natid:b}}) validé.",
        "es": "[KYC-{{n5}}] Revisión manual\nCliente: {{name}}\nIdentificador: {{natid}}\nDocumento: {{L:passport}} {{passport}}\nResultado: la fecha de nacimiento no coincide ({{dob}}). Cónyuge {{name:b}} ({{natid:b}}) validado.",
        "it": "[KYC-{{n5}}] Verifica manuale\nCliente: {{name}}\nIdentificativo: {{natid}}\nDocumento: {{L:passport}} {{passport}}\nEsito: data di nascita non corrispondente ({{dob}}). Coniuge {{name:b}} ({{natid:b}}) verificato.",
        "nl": "[KYC-{{n5}}] Handmatige controle\nKlant: {{name}}\nID: {{natid}}\nDocument: {{L:passport}} {{passport}}\nUitkomst: geboortedatum wijkt af ({{dob}}). Partner {{name:b}} ({{natid:b}}) akkoord.",
        "pt": "[KYC-{{n5}}] Revisão manual\nCliente: {{name}}\nIdentificador: {{natid}}\nDocumento: {{L:passport}} {{passport}}\nResultado: data de nascimento não coincide ({{dob}}). Cônjuge {{name:b}} ({{natid:b}}) aprovado.",
    },
    1.3,
)

T(
    "h.news.sports_culture",
    "heldout",
    "news",
    "public_figure",
    {
        "en": "After the final, {{pub}} thanked the fans, while {{pub:b}} was seen in the stands with the trophy.",
        "de": "Nach dem Finale bedankte sich {{pub}} bei den Fans; auch {{pub:b}} saß auf der Tribüne.",
        "fr": "Après la finale, {{pub}} a remercié le public, tandis que {{pub:b}} assistait au match depuis la tribune.",
        "es": "Tras la final, {{pub}} agradeció el apoyo del público y {{pub:b}} lo celebró desde el palco.",
        "it": "Dopo la finale {{pub}} ha ringraziato i tifosi, mentre {{pub:b}} era in tribuna d'onore.",
        "nl": "Na de finale bedankte {{pub}} de fans; ook {{pub:b}} zat op de tribune.",
        "pt": "Depois da final, {{pub}} agradeceu aos adeptos e {{pub:b}} assistiu ao jogo na tribuna.",
    },
)


# ================================================================ hard negatives, dev

T(
    "d.neg.release_notes",
    "dev",
    "prose",
    "negative",
    {
        "en": "Release {{version}} (build {{n5}}) is out. Fixes: memory leak in the exporter, retry on HTTP 503. Commit {{sha}}. Upgrade from {{version}} is automatic; the API still listens on port {{port}}.",
        "de": "Update auf {{version}} ist verfügbar (Build {{n5}}). Behoben: Speicherleck im Exporter, Wiederholung bei HTTP 503. Commit {{sha}}. Der Dienst läuft weiter auf Port {{port}}.",
        "fr": "La version {{version}} (build {{n5}}) est disponible. Corrections : fuite mémoire dans l'exporteur, nouvel essai sur HTTP 503. Commit {{sha}}. Le service écoute toujours sur le port {{port}}.",
        "es": "Ya está disponible la versión {{version}} (build {{n5}}). Corregido: fuga de memoria en el exportador, reintento en HTTP 503. Commit {{sha}}. El servicio sigue en el puerto {{port}}.",
        "it": "È disponibile la versione {{version}} (build {{n5}}). Correzioni: memory leak nell'exporter, nuovo tentativo su HTTP 503. Commit {{sha}}. Il servizio resta sulla porta {{port}}.",
        "nl": "Versie {{version}} (build {{n5}}) is uit. Opgelost: geheugenlek in de exporter, opnieuw proberen bij HTTP 503. Commit {{sha}}. De dienst draait nog op poort {{port}}.",
        "pt": "A versão {{version}} (build {{n5}}) já está disponível. Corrigido: fuga de memória no exportador, nova tentativa em HTTP 503. Commit {{sha}}. O serviço continua na porta {{port}}.",
    },
    1.2,
)

T(
    "d.neg.order_status",
    "dev",
    "email",
    "negative",
    {
        "en": "Your order {{order}} has shipped!\nTracking number: {{tracking}}\nEstimated delivery: {{date}}\nTotal: {{amount}}\nQuestions? Visit our help centre.",
        "de": "Ihre Bestellung {{order}} ist unterwegs!\nSendungsnummer: {{tracking}}\nVoraussichtliche Zustellung: {{date}}\nGesamtbetrag: {{amount}}\nFragen? Besuchen Sie unser Hilfe-Center.",
        "fr": "Votre commande {{order}} a été expédiée !\nNuméro de suivi : {{tracking}}\nLivraison prévue : {{date}}\nTotal : {{amount}}\nDes questions ? Consultez notre centre d'aide.",
        "es": "¡Tu pedido {{order}} ya está en camino!\nNúmero de seguimiento: {{tracking}}\nEntrega estimada: {{date}}\nTotal: {{amount}}\n¿Dudas? Visita nuestro centro de ayuda.",
        "it": "Il tuo ordine {{order}} è stato spedito!\nNumero di tracciamento: {{tracking}}\nConsegna prevista: {{date}}\nTotale: {{amount}}\nDomande? Visita il centro assistenza.",
        "nl": "Je bestelling {{order}} is verzonden!\nTrack & trace: {{tracking}}\nVerwachte bezorging: {{date}}\nTotaal: {{amount}}\nVragen? Kijk in ons helpcentrum.",
        "pt": "A sua encomenda {{order}} foi enviada!\nN.º de seguimento: {{tracking}}\nEntrega prevista: {{date}}\nTotal: {{amount}}\nDúvidas? Visite o nosso centro de ajuda.",
    },
    1.2,
)

T(
    "d.neg.product_talk",
    "dev",
    "chat",
    "negative",
    {
        "en": "Thinking of trading my Ford Focus for a Honda Jazz. Also got the new Jordan sneakers in size 44 for {{amount}}. Worth it?",
        "de": "Überlege, meinen Ford Focus gegen einen VW Polo zu tauschen. Dazu noch die neuen Jordan-Sneaker in Größe 44 für {{amount}}. Lohnt sich das?",
        "fr": "Je pense échanger ma Ford Focus contre une Peugeot 208. J'ai aussi pris les nouvelles Jordan en 44 pour {{amount}}. Ça vaut le coup ?",
        "es": "Estoy pensando cambiar mi Ford Focus por un Seat Ibiza. También me he comprado las Jordan nuevas en la talla 44 por {{amount}}. ¿Merece la pena?",
        "it": "Penso di cambiare la mia Ford Focus con una Fiat Panda. Ho preso anche le nuove Jordan numero 44 per {{amount}}. Ne vale la pena?",
        "nl": "Ik denk erover mijn Ford Focus in te ruilen voor een Toyota Yaris. Ook de nieuwe Jordans in maat 44 gekocht voor {{amount}}. Slim?",
        "pt": "Estou a pensar trocar o meu Ford Focus por um Renault Clio. Também comprei as Jordan novas no 44 por {{amount}}. Vale a pena?",
    },
)

T(
    "d.neg.config_clean",
    "dev",
    "yaml",
    "negative",
    tech(
        '# @@\nserver:\n  host: 0.0.0.0\n  port: {{port}}\n  request_timeout_ms: 30000\ntheme:\n  primary: "{{hex}}"\n  accent: "{{hex}}"\n'
        "cluster_id: {{uuid}}\nopenai:\n  api_key: ${OPENAI_API_KEY}\n  base_url: https://api.openai.com/v1\nretries: 3\n",
        {
            "en": "defaults, secrets come from the environment",
            "de": "Standardwerte, Secrets kommen aus der Umgebung",
            "fr": "valeurs par défaut, les secrets viennent de l'environnement",
            "es": "valores por defecto, los secretos vienen del entorno",
            "it": "valori predefiniti, i segreti arrivano dall'ambiente",
            "nl": "standaardwaarden, secrets komen uit de omgeving",
            "pt": "valores por omissão, os segredos vêm do ambiente",
        },
    ),
    1.2,
)

T(
    "d.neg.code_placeholders",
    "dev",
    "code",
    "negative",
    tech(
        '# @@ (v{{version}})\nimport os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", "sk-..."), timeout={{n}})\n'
        'STRIPE_KEY = "sk_live_YOUR_KEY_HERE"\nheaders = {"Authorization": "Bearer <YOUR_TOKEN>", "x-api-key": "YOUR_API_KEY"}\n',
        {
            "en": "example from the README",
            "de": "Beispiel aus der README",
            "fr": "exemple tiré du README",
            "es": "ejemplo del README",
            "it": "esempio dal README",
            "nl": "voorbeeld uit de README",
            "pt": "exemplo do README",
        },
    ),
    1.2,
)

T(
    "d.neg.log_system",
    "dev",
    "log",
    "negative",
    tech(
        "{{ts}} INFO  scheduler job=nightly-export id={{uuid}} status=started\n{{ts}} INFO  exporter rows=48213 duration_ms=9132\n"
        "{{ts}} WARN  cache miss ratio {{pct}}% above threshold (@@)\n{{ts}} INFO  scheduler job=nightly-export status=done sha={{sha}}",
        {
            "en": "check TTL",
            "de": "TTL prüfen",
            "fr": "vérifier le TTL",
            "es": "revisar TTL",
            "it": "controllare TTL",
            "nl": "TTL controleren",
            "pt": "verificar TTL",
        },
    ),
    1.2,
)

T(
    "d.neg.math",
    "dev",
    "prompt",
    "negative",
    {
        "en": "Compute {{n5}} × {{n}} and then {{big}} mod 97. Also, is {{big}} prime? Show the steps.",
        "de": "Berechne {{n5}} × {{n}} und danach {{big}} mod 97. Ist {{big}} eine Primzahl? Bitte mit Rechenweg.",
        "fr": "Calcule {{n5}} × {{n}} puis {{big}} mod 97. Et {{big}} est-il premier ? Détaille les étapes.",
        "es": "Calcula {{n5}} × {{n}} y luego {{big}} mod 97. ¿Es {{big}} primo? Explica los pasos.",
        "it": "Calcola {{n5}} × {{n}} e poi {{big}} mod 97. {{big}} è primo? Mostra i passaggi.",
        "nl": "Bereken {{n5}} × {{n}} en daarna {{big}} mod 97. Is {{big}} een priemgetal? Laat de stappen zien.",
        "pt": "Calcula {{n5}} × {{n}} e depois {{big}} mod 97. {{big}} é primo? Mostra os passos.",
    },
    0.8,
)

T(
    "d.neg.doc_example",
    "dev",
    "docs",
    "negative",
    {
        "en": 'To invite a user, POST to /v1/invites with {"email": "{{xmail}}"}. The response contains an id like {{uuid}}.',
        "de": 'Um Nutzer einzuladen, sende POST an /v1/invites mit {"email": "{{xmail}}"}. Die Antwort enthält eine ID wie {{uuid}}.',
        "fr": 'Pour inviter un utilisateur, envoyez un POST à /v1/invites avec {"email": "{{xmail}}"}. La réponse contient un id du type {{uuid}}.',
        "es": 'Para invitar a un usuario, haz POST a /v1/invites con {"email": "{{xmail}}"}. La respuesta incluye un id como {{uuid}}.',
        "it": 'Per invitare un utente, invia un POST a /v1/invites con {"email": "{{xmail}}"}. La risposta contiene un id come {{uuid}}.',
        "nl": 'Om een gebruiker uit te nodigen, POST naar /v1/invites met {"email": "{{xmail}}"}. Het antwoord bevat een id zoals {{uuid}}.',
        "pt": 'Para convidar um utilizador, faça POST para /v1/invites com {"email": "{{xmail}}"}. A resposta contém um id como {{uuid}}.',
    },
    0.6,
)

T(
    "d.neg.travel_plan",
    "dev",
    "prompt",
    "negative",
    {
        "en": "Plan a 4-day trip: arrive in {{city}} on {{date}}, train to {{city}} on day 3, flight back at {{time}}. Budget {{amount}}.",
        "de": "Plane eine 4-tägige Reise: Ankunft in {{city}} am {{date}}, am dritten Tag mit dem Zug nach {{city}}, Rückflug um {{time}} Uhr. Budget {{amount}}.",
        "fr": "Organise un voyage de 4 jours : arrivée à {{city}} le {{date}}, train pour {{city}} le 3e jour, vol retour à {{time}}. Budget {{amount}}.",
        "es": "Planifica un viaje de 4 días: llegada a {{city}} el {{date}}, tren a {{city}} el tercer día, vuelo de vuelta a las {{time}}. Presupuesto {{amount}}.",
        "it": "Organizza un viaggio di 4 giorni: arrivo a {{city}} il {{date}}, treno per {{city}} il terzo giorno, volo di ritorno alle {{time}}. Budget {{amount}}.",
        "nl": "Plan een reis van 4 dagen: aankomst in {{city}} op {{date}}, op dag 3 de trein naar {{city}}, terugvlucht om {{time}}. Budget {{amount}}.",
        "pt": "Planeia uma viagem de 4 dias: chegada a {{city}} em {{date}}, comboio para {{city}} no 3.º dia, voo de regresso às {{time}}. Orçamento {{amount}}.",
    },
    1.2,
)

T(
    "d.neg.inventory_csv",
    "dev",
    "csv",
    "negative",
    tech(
        "sku,ean,description,qty,unit_price,warehouse\n{{sku}},{{ean}},@@ 230V,{{n}},{{n}}.90,{{city}}\n{{sku}},{{ean}},@@ 12V,{{n}},{{n}}.50,{{city}}\n",
        {
            "en": "Power supply",
            "de": "Netzteil",
            "fr": "Alimentation",
            "es": "Fuente de alimentación",
            "it": "Alimentatore",
            "nl": "Voeding",
            "pt": "Fonte de alimentação",
        },
    ),
)

# ================================================================ hard negatives, held-out

T(
    "h.neg.changelog",
    "heldout",
    "docs",
    "negative",
    tech(
        "## Changelog\n\n### {{version}} – {{date}}\n- @@\n- Bump protobuf to 4.25.3, grpcio to 1.62.1\n- Docker image tag v10.2.0.1, digest sha256:{{sha}}{{sha}}\n\n### {{version}}\n- Build {{n5}}",
        {
            "en": "Fixed rounding of totals above 1,000,000.00",
            "de": "Update auf 4.1.2.8: Rundung bei Beträgen über 1.000.000,00 korrigiert",
            "fr": "Correction de l'arrondi des montants au-delà de 1 000 000,00",
            "es": "Corregido el redondeo de importes superiores a 1.000.000,00",
            "it": "Corretto l'arrotondamento degli importi oltre 1.000.000,00",
            "nl": "Afronding van bedragen boven 1.000.000,00 gecorrigeerd",
            "pt": "Corrigido o arredondamento de valores acima de 1.000.000,00",
        },
    ),
    1.2,
)

T(
    "h.neg.invoice_books",
    "heldout",
    "email",
    "negative",
    {
        "en": "Invoice {{order}}\n1 × 'Designing Data-Intensive Applications' ISBN {{isbn}}\n1 × 'The Pragmatic Programmer' ISBN {{isbn}}\nSubtotal {{amount}}, VAT 20%. Payment due within 30 days.",
        "de": "Rechnung {{order}}\n1 × „Der Process“ ISBN {{isbn}}\n1 × „Faust I“ ISBN {{isbn}}\nZwischensumme {{amount}}, zzgl. 7 % MwSt. Zahlbar innerhalb von 14 Tagen.",
        "fr": "Facture {{order}}\n1 × « L'Étranger » ISBN {{isbn}}\n1 × « Le Petit Prince » ISBN {{isbn}}\nSous-total {{amount}}, TVA 5,5 %. Paiement à 30 jours.",
        "es": "Factura {{order}}\n1 × «Cien años de soledad» ISBN {{isbn}}\n1 × «La sombra del viento» ISBN {{isbn}}\nSubtotal {{amount}}, IVA 4 %. Pago a 30 días.",
        "it": "Fattura {{order}}\n1 × «Il nome della rosa» ISBN {{isbn}}\n1 × «Se questo è un uomo» ISBN {{isbn}}\nImponibile {{amount}}, IVA 4%. Pagamento a 30 giorni.",
        "nl": "Factuur {{order}}\n1 × 'Het achterhuis' ISBN {{isbn}}\n1 × 'De avonden' ISBN {{isbn}}\nSubtotaal {{amount}}, btw 9%. Betaling binnen 14 dagen.",
        "pt": "Fatura {{order}}\n1 × «Ensaio sobre a Cegueira» ISBN {{isbn}}\n1 × «Os Maias» ISBN {{isbn}}\nSubtotal {{amount}}, IVA 6%. Pagamento a 30 dias.",
    },
    1.2,
)

T(
    "h.neg.car_ad",
    "heldout",
    "prose",
    "negative",
    {
        "en": "FOR SALE: Mercedes-Benz C 220 d, 2019, 84,000 miles, one owner. Also a Tommy Hilfiger jacket and Nike Air Jordan 1 (UK 9). Viewing in {{city}}, price {{amount}} ono.",
        "de": "VERKAUFE: Mercedes-Benz C 220 d, Bj. 2019, 84.000 km, Scheckheft. Dazu eine Tommy-Hilfiger-Jacke und Nike Air Jordan 1 (Gr. 43). Besichtigung in {{city}}, VB {{amount}}.",
        "fr": "À VENDRE : Renault Mégane 1.5 dCi, 2019, 84 000 km, première main. Aussi une veste Tommy Hilfiger et des Nike Air Jordan 1 (43). Visible à {{city}}, prix {{amount}} à débattre.",
        "es": "SE VENDE: Seat León 1.5 TSI, 2019, 84.000 km, un solo dueño. También chaqueta Tommy Hilfiger y Nike Air Jordan 1 (43). Se puede ver en {{city}}, precio {{amount}} negociable.",
        "it": "VENDO: Alfa Romeo Giulia 2.2, 2019, 84.000 km, unico proprietario. Anche giacca Tommy Hilfiger e Nike Air Jordan 1 (43). Visibile a {{city}}, prezzo {{amount}} trattabile.",
        "nl": "TE KOOP: Volvo V60 T4, 2019, 84.000 km, eerste eigenaar. Ook een Tommy Hilfiger-jas en Nike Air Jordan 1 (maat 43). Te bezichtigen in {{city}}, vraagprijs {{amount}}.",
        "pt": "VENDE-SE: Peugeot 308 1.5 BlueHDi, 2019, 84.000 km, único dono. Também casaco Tommy Hilfiger e Nike Air Jordan 1 (43). Ver em {{city}}, preço {{amount}} negociável.",
    },
)

T(
    "h.neg.compose_clean",
    "heldout",
    "yaml",
    "negative",
    tech(
        '# @@\nservices:\n  api:\n    image: ghcr.io/acme/api:{{version}}\n    ports: ["{{port}}:{{port}}"]\n    environment:\n'
        "      DATABASE_URL: ${DATABASE_URL}\n      ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY:?missing}\n      TZ: Europe/Berlin\n"
        '    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:{{port}}/health"]\n      interval: 30s\n',
        {
            "en": "local development only",
            "de": "nur für lokale Entwicklung",
            "fr": "développement local uniquement",
            "es": "solo desarrollo local",
            "it": "solo sviluppo locale",
            "nl": "alleen lokale ontwikkeling",
            "pt": "apenas desenvolvimento local",
        },
    ),
    1.2,
)

T(
    "h.neg.readme_placeholders",
    "heldout",
    "docs",
    "negative",
    tech(
        "### @@ ({{version}})\n\n```bash\nexport PORT={{port}}\nexport SLACK_BOT_TOKEN=xoxb-your-token\nexport GITHUB_TOKEN=<your-personal-access-token>\n"
        "export AWS_ACCESS_KEY_ID=AKIA...\nexport AWS_SECRET_ACCESS_KEY=********\n"
        'curl -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/status\n```',
        {
            "en": "Configuration",
            "de": "Konfiguration",
            "fr": "Configuration",
            "es": "Configuración",
            "it": "Configurazione",
            "nl": "Configuratie",
            "pt": "Configuração",
        },
    ),
    1.2,
)

T(
    "h.neg.metrics",
    "heldout",
    "log",
    "negative",
    tech(
        'ts={{ts}} level=info msg="@@" trace_id={{sha}} span_id={{uuid}} latency_p99_ms={{n}}.{{n}} rps={{n5}}\n'
        'ts={{ts}} level=info msg="gc" heap_mb={{n5}} pause_ms={{pct}} node=ip-10-0-12-31\n',
        {
            "en": "request served",
            "de": "Anfrage bedient",
            "fr": "requête servie",
            "es": "petición atendida",
            "it": "richiesta servita",
            "nl": "verzoek afgehandeld",
            "pt": "pedido atendido",
        },
    ),
    1.2,
)

T(
    "h.neg.finance_report",
    "heldout",
    "prose",
    "negative",
    {
        "en": "Q3 revenue rose {{pct}}% to $4.82bn; EPS 1.37 vs 1.21 expected. Shares closed at 182.44 (+2.1%). Guidance for FY{{year}} unchanged.",
        "de": "Der Umsatz stieg im dritten Quartal um {{pct}} % auf 4,82 Mrd. Euro; Ergebnis je Aktie 1,37 Euro. Die Aktie schloss bei 182,44 Euro (+2,1 %).",
        "fr": "Le chiffre d'affaires du T3 progresse de {{pct}} % à 4,82 Md€ ; BPA de 1,37 €. L'action a clôturé à 182,44 € (+2,1 %).",
        "es": "Los ingresos del tercer trimestre subieron un {{pct}} % hasta 4.820 millones; BPA de 1,37 €. La acción cerró en 182,44 € (+2,1 %).",
        "it": "Il fatturato del terzo trimestre cresce del {{pct}}% a 4,82 miliardi; utile per azione 1,37 euro. Il titolo ha chiuso a 182,44 euro (+2,1%).",
        "nl": "De omzet steeg in het derde kwartaal met {{pct}}% tot 4,82 miljard euro; winst per aandeel 1,37 euro. Het aandeel sloot op 182,44 euro (+2,1%).",
        "pt": "As receitas do 3.º trimestre subiram {{pct}}% para 4,82 mil milhões; lucro por ação de 1,37 €. As ações fecharam nos 182,44 € (+2,1%).",
    },
)

T(
    "h.neg.api_docs",
    "heldout",
    "docs",
    "negative",
    {
        "en": "Example: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` returns 200 with the profile.",
        "de": "Beispiel: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` liefert 200 mit dem Profil.",
        "fr": "Exemple : `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` renvoie 200 avec le profil.",
        "es": "Ejemplo: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` devuelve 200 con el perfil.",
        "it": "Esempio: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` restituisce 200 con il profilo.",
        "nl": "Voorbeeld: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` geeft 200 met het profiel.",
        "pt": "Exemplo: `curl -u {{xmail}}:token https://api.example.com/users/{{uuid}}` devolve 200 com o perfil.",
    },
    0.6,
)

T(
    "h.neg.meeting_schedule",
    "heldout",
    "chat",
    "negative",
    {
        "en": "Moving the quarterly review to {{date}} at {{time}}, room 3.14, dial-in code 845 221 907#. Agenda v2.3 attached.",
        "de": "Das Quartalsreview verschiebt sich auf den {{date}} um {{time}} Uhr, Raum 3.14, Einwahlcode 845 221 907#. Agenda v2.3 im Anhang.",
        "fr": "La revue trimestrielle est déplacée au {{date}} à {{time}}, salle 3.14, code d'accès 845 221 907#. Ordre du jour v2.3 en pièce jointe.",
        "es": "La revisión trimestral pasa al {{date}} a las {{time}}, sala 3.14, código de acceso 845 221 907#. Adjunto el orden del día v2.3.",
        "it": "La revisione trimestrale è spostata al {{date}} alle {{time}}, sala 3.14, codice di accesso 845 221 907#. In allegato l'agenda v2.3.",
        "nl": "Het kwartaaloverleg verschuift naar {{date}} om {{time}}, zaal 3.14, inbelcode 845 221 907#. Agenda v2.3 in de bijlage.",
        "pt": "A revisão trimestral passa para {{date}} às {{time}}, sala 3.14, código de acesso 845 221 907#. Agenda v2.3 em anexo.",
    },
    1.2,
)

T(
    "h.neg.recipe_units",
    "heldout",
    "prose",
    "negative",
    {
        "en": "Bake at 180 °C for {{n}} min. For 12 muffins: {{n}}0 g flour, 2 eggs, 125 ml milk. Serves 4–6.",
        "de": "Bei 180 °C {{n}} Min. backen. Für 12 Muffins: {{n}}0 g Mehl, 2 Eier, 125 ml Milch. Reicht für 4–6 Personen.",
        "fr": "Cuire à 180 °C pendant {{n}} min. Pour 12 muffins : {{n}}0 g de farine, 2 œufs, 125 ml de lait.",
        "es": "Hornear a 180 °C durante {{n}} min. Para 12 magdalenas: {{n}}0 g de harina, 2 huevos, 125 ml de leche.",
        "it": "Cuocere a 180 °C per {{n}} minuti. Per 12 muffin: {{n}}0 g di farina, 2 uova, 125 ml di latte.",
        "nl": "Bak {{n}} min op 180 °C. Voor 12 muffins: {{n}}0 g bloem, 2 eieren, 125 ml melk.",
        "pt": "Levar ao forno a 180 °C durante {{n}} min. Para 12 queques: {{n}}0 g de farinha, 2 ovos, 125 ml de leite.",
    },
    0.8,
)


# ---------------------------------------------------------------- writing the splits

TARGETS = {"positive": 545, "public_figure": 45, "negative": 320}


def generate(split: str, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(f"{seed}:{split}")
    fakers: dict[str, Faker] = {}
    for i, loc in enumerate(sorted(set(LOCALE.values()))):
        fk = Faker(loc)
        fk.seed_instance(seed * 100 + i + (0 if split == "dev" else 50))
        fakers[loc] = fk
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for group, target in TARGETS.items():
        templates = [t for t in TEMPLATES if t.split == split and t.group == group]
        total_w = sum(t.weight for t in templates)
        for t in templates:
            n = round(target * t.weight / total_w)
            made = tries = 0
            while made < n and tries < n * 5:
                tries += 1
                lang = t.langs[tries % len(t.langs)]
                countries = COUNTRIES[split][lang]
                country = rng.choices([c for c, _ in countries], [w for _, w in countries])[0]
                ctx = Ctx(split, lang, country, rng, fakers[LOCALE[(lang, country)]])
                text, spans = render(ctx, t.text_for(ctx)).build()
                if text in seen:
                    continue
                seen.add(text)
                if group != "negative":
                    assert spans, t.id
                out.append(
                    {
                        "text": text,
                        "spans": spans,
                        "lang": lang,
                        "format": t.format,
                        "group": group,
                        "template": t.id,
                    }
                )
                made += 1
    rng.shuffle(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    ids = [t.id for t in TEMPLATES]
    assert len(ids) == len(set(ids)), "duplicate template id"
    for split in SPLITS:
        samples = generate(split, args.seed)
        path = args.out / f"pii_real_{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for s in samples:
                fh.write(json.dumps(s, ensure_ascii=False) + "\n")
        kinds = Counter(sp["kind"] for s in samples for sp in s["spans"])
        groups = Counter(s["group"] for s in samples)
        print(f"{path.name}: {len(samples)} samples {dict(groups)}, {sum(kinds.values())} spans")


if __name__ == "__main__":
    main()
