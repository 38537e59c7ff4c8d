"""The words `factcheck extract` reads a fact from, per language: hedges, currencies, count nouns,
reference numbers, relation cues.  Tables only; extract.py applies them.

A count noun maps to a unit of units.py (``landen`` -> ``countries``), or to a unit the draft
declares under ``units:`` (``zijden`` -> ``sides``).  Nouns match as written or as the last part of
a compound (``ministersposten`` ends in ``posten``); a noun in no table becomes a declared unit of
its own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, eq=False)  # hashed by identity: look-ups of a word in it are cached
class Words:
    """What one language writes hedges, nouns and cues with."""

    hedges_before: tuple[tuple[str, str], ...]  # words right before a number -> qualifier
    hedges_after: tuple[tuple[str, str], ...]  # words right after it ("of meer")
    currencies: dict[str, str]  # a word after (or a sign before) a number -> currency code
    nouns: dict[str, str]  # count noun -> unit
    plurals: tuple[tuple[str, str], ...]  # a singular's ending -> its plural's: a singular counts as its plural
    stopwords: frozenset[str]  # words that end a noun phrase and never name a fact
    modifiers: frozenset[str]  # words between a number and its noun that are not the noun
    participle: str  # pattern of a verb form that ends a noun phrase: "40 teruggekeerd"
    number_of: str  # "aantal": the noun of a number stated before it
    positions: str  # pattern of the nouns a cardinal after them names a position of: "fase twee"
    references: tuple[tuple[str, str], ...]  # pattern of a reference number (from a word's start) -> why excluded
    inclusion: str  # pattern of the cues that a total includes parts
    from_to: tuple[str, str]  # "van" X "naar" Y
    increase: str  # pattern of verbs that say a value went up
    decrease: str
    dateline: str  # pattern before a document's own date: "Den Haag,"
    #: the language's commonest words: the language of a text is the one whose words it uses most
    common: frozenset[str]


_TIME_NL = {"dag": "days", "dagen": "days", "week": "weeks", "weken": "weeks", "weekse": "weeks",
            "maand": "months", "maanden": "months", "jaar": "years", "jaren": "years", "jarige": "years",
            "uur": "hours", "uren": "hours", "minuten": "minutes", "seconden": "seconds"}
_TIME_EN = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
            "months": "months", "year": "years", "years": "years", "hour": "hours", "hours": "hours",
            "minutes": "minutes", "seconds": "seconds"}

DUTCH = Words(
    hedges_before=(("ongeveer", "circa"), ("circa", "circa"), ("ca.", "circa"), ("zo'n", "circa"),
                   ("rond de", "circa"), ("rond", "circa"), ("ruim", "more_than"), ("meer dan", "more_than"),
                   ("bijna", "almost"), ("ten minste", "at_least"), ("tenminste", "at_least"),
                   ("minimaal", "at_least"), ("minstens", "at_least"), ("maximaal", "at_most"),
                   ("hoogstens", "at_most"), ("ten hoogste", "at_most"), ("binnen", "at_most"),
                   ("waarschijnlijk", "probably")),
    hedges_after=(("of meer", "at_least"), ("of minder", "at_most")),
    currencies={"euro": "EUR", "euro's": "EUR", "eur": "EUR", "€": "EUR", "dollar": "USD", "dollars": "USD",
                "usd": "USD", "$": "USD", "pond": "GBP", "gbp": "GBP", "£": "GBP", "frank": "CHF",
                "chf": "CHF", "yen": "JPY", "jpy": "JPY"},
    nouns={**dict.fromkeys(("mensen", "personen", "persoon", "slachtoffers", "doden", "gewonden", "ontheemden",
                            "vluchtelingen", "militairen", "soldaten", "officieren", "trainers", "instructeurs",
                            "leiders", "burgers", "inwoners", "kinderen", "vrouwen", "mannen", "strijders",
                            "medewerkers", "deelnemers", "veroordeelden", "gedetineerden", "sympathisanten",
                            "facilitatoren", "leden", "agenten", "experts", "adviseurs", "ambtenaren",
                            "Nederlanders", "Syriërs", "Irakezen", "Koerden", "jihadisten", "terroristen",
                            "man", "gevangenen", "studenten", "patiënten", "artsen"), "persons"),
           **dict.fromkeys(("landen", "land", "lidstaten", "staten", "naties"), "countries"),
           **dict.fromkeys(("vliegtuigen", "toestellen", "jachtvliegtuigen", "helikopters", "F-16's"), "aircraft"),
           **dict.fromkeys(("projecten", "project"), "projects"),
           **dict.fromkeys(("posities", "posten", "functies", "zetels"), "positions"),
           **dict.fromkeys(("groepen", "groeperingen", "groep", "facties"), "groups"),
           **dict.fromkeys(("organisaties", "ngo's", "instellingen"), "organisations"),
           **dict.fromkeys(("wapens", "geweren"), "weapons"),
           "raketten": "missiles", "bataljons": "battalions", "bataljon": "battalions",
           **dict.fromkeys(("detachementen", "detachement"), "detachments"),
           **dict.fromkeys(("cursussen", "cursus", "opleidingen", "trainingen"), "courses"),
           **dict.fromkeys(("pogingen", "poging"), "attempts"),
           **dict.fromkeys(("steden", "stad"), "cities"), "stemmen": "votes",
           **dict.fromkeys(("documenten", "brieven", "rapporten"), "documents"),
           **dict.fromkeys(("bijeenkomsten", "vergaderingen", "conferenties"), "meetings"),
           **dict.fromkeys(("eenheden", "eenheid"), "units"),
           **dict.fromkeys(("plaatsen", "dorpen", "gemeenten", "plaats"), "places"),
           **dict.fromkeys(("zijden", "kanten", "partijen"), "sides"),
           "initiatieven": "initiatives", "vonnissen": "sentences", "doodvonnissen": "sentences",
           **dict.fromkeys(("theater", "theaters"), "theatres"), "partners": "partners",
           "voertuigen": "vehicles", "schepen": "ships", "fregatten": "ships", "scholen": "schools",
           "ziekenhuizen": "hospitals", "gezinnen": "families", "families": "families", "huishoudens": "households",
           "aanslagen": "attacks", "aanvallen": "attacks", "luchtaanvallen": "strikes", "missies": "missions",
           "operaties": "operations", "bedrijven": "companies", "woningen": "homes", **_TIME_NL},
    plurals=(),  # "een" before a Dutch singular is read as one only before a unit of time ("een week")
    stopwords=frozenset(("de", "het", "een", "van", "in", "op", "en", "of", "naar", "voor", "met", "aan", "te",
                         "tot", "bij", "uit", "over", "door", "om", "als", "dat", "die", "dit", "deze", "is",
                         "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had",
                         "zal", "zullen", "kan", "kunnen", "niet", "ook", "nog", "wel", "al", "er", "hier",
                         "daar", "sinds", "tijdens", "na", "per", "tegen", "jl", "jl.", "a.s.", "wij", "we",
                         "zij", "ze", "hij", "u", "ons", "hun", "haar", "zijn", "wat", "wie", "waar", "hoe",
                         "dan", "maar", "want", "omdat", "nu", "inmiddels", "onder", "tussen", "zo", "dd",
                         "d.d.", "vanaf", "binnen", "mede", "ruim", "circa", "ongeveer", "bijna", "waarvan",
                         "hiervan", "wie")),
    modifiers=frozenset(("extra", "meest", "meer", "minder", "andere", "overige", "nieuwe", "zeer", "ruim",
                         "verschillende", "eigen")),
    participle=r"(?:terug|aan|af|op|uit|in|mee|toe|door|om|neer|bij|weg|na)?ge\w+[dt]",
    number_of="aantal",
    positions=r"fase|stap|ronde|niveau|hoofdstuk",
    references=((r"Kamerstuk(?:ken)?\s+\d[\d ]*(?:/\d[\d ]*)?(?:,\s*nrs?\.\s*\d+(?:\s*(?:en|,)\s*\d+)*)?",
                 "parliamentary document number"),
                (r"(?<!\w)nrs?\.\s*\d+", "document number"),
                (r"(?<!\w)(?i:artikel|art\.)\s+\d+[a-z]?(?!\w)", "an article number, a name"),
                (r"(?<!\w)(?i:resolutie)\s+\d+", "the number of a resolution"),
                (r"(?<!\w)(?i:pagina|blz\.)\s+\d+", "a page number")),
    inclusion=r"(?i:waarvan|hiervan|daarvan|van wie|onder wie|waaronder|inclusief)(?!\w)",
    from_to=("van", "naar|tot"),
    increase=r"(?i:verhoogd|opgehoogd|toegenomen|gestegen|uitgebreid|verdubbeld|gegroeid|vergroot)",
    decrease=r"(?i:teruggebracht|verlaagd|verminderd|gedaald|afgenomen|gekrompen|ingekrompen|verkleind)",
    dateline=r"(?m)^[ \t]*(?:Den Haag|'s-Gravenhage|Amsterdam|Brussel|[A-Z][\w'-]+(?: [A-Z][\w'-]+)?),[ \t]*"
             r"|^[ \t]*(?i:datum):?[ \t]*",
    common=frozenset(("de", "het", "een", "van", "en", "is", "op", "dat", "niet", "voor", "met", "zijn",
                      "wordt", "worden", "ook", "naar", "aan", "bij", "deze", "die")),
)

ENGLISH = Words(
    hedges_before=(("about", "circa"), ("around", "circa"), ("approximately", "circa"), ("roughly", "circa"),
                   ("some", "circa"), ("circa", "circa"), ("nearly", "almost"), ("almost", "almost"),
                   ("more than", "more_than"), ("over", "more_than"), ("at least", "at_least"),
                   ("no fewer than", "at_least"), ("at most", "at_most"), ("up to", "at_most"),
                   ("no more than", "at_most"), ("within", "at_most"), ("probably", "probably"),
                   ("likely", "probably")),
    hedges_after=(("or more", "at_least"), ("or fewer", "at_most"), ("or less", "at_most")),
    currencies={"euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "dollar": "USD", "dollars": "USD",
                "usd": "USD", "$": "USD", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "£": "GBP",
                "francs": "CHF", "chf": "CHF", "yen": "JPY", "jpy": "JPY"},
    nouns={**dict.fromkeys(("people", "persons", "person", "victims", "dead", "deaths", "casualties", "wounded",
                            "refugees", "soldiers", "troops", "officers", "trainers", "instructors", "leaders",
                            "civilians", "residents", "inhabitants", "children", "women", "men", "fighters",
                            "employees", "staff", "participants", "members", "prisoners", "students",
                            "workers", "adults", "individuals", "patients", "doctors"), "persons"),
           **dict.fromkeys(("countries", "country", "nations", "states"), "countries"),
           **dict.fromkeys(("aircraft", "planes", "jets", "helicopters", "F-16s"), "aircraft"),
           **dict.fromkeys(("projects", "project"), "projects"),
           **dict.fromkeys(("positions", "posts", "seats"), "positions"),
           **dict.fromkeys(("groups", "group", "factions"), "groups"),
           **dict.fromkeys(("organisations", "organizations", "agencies", "institutions"), "organisations"),
           **dict.fromkeys(("weapons", "guns", "rifles", "mortars"), "weapons"), "missiles": "missiles",
           "battalions": "battalions",
           "detachments": "detachments", "courses": "courses", "attempts": "attempts",
           **dict.fromkeys(("cities", "towns"), "cities"), "votes": "votes",
           **dict.fromkeys(("documents", "letters", "reports"), "documents"),
           **dict.fromkeys(("meetings", "conferences"), "meetings"), "units": "units",
           **dict.fromkeys(("places", "villages"), "places"), "sides": "sides", "parties": "sides",
           "initiatives": "initiatives", "sentences": "sentences", "theatres": "theatres",
           "theaters": "theatres", "partners": "partners", "vehicles": "vehicles", "ships": "ships",
           "schools": "schools", "hospitals": "hospitals", "families": "families", "households": "households",
           "cases": "cases", "attacks": "attacks", "strikes": "strikes", "airstrikes": "strikes",
           "operations": "operations", "missions": "missions", "companies": "companies", "homes": "homes",
           "checks": "checks", "inspections": "inspections", **_TIME_EN},
    plurals=(("y", "ies"), ("", "s"), ("", "es")),
    stopwords=frozenset(("the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "with", "at", "by",
                         "from", "as", "that", "this", "these", "those", "is", "are", "was", "were", "be",
                         "been", "has", "have", "had", "will", "would", "can", "could", "not", "also",
                         "since", "during", "after", "before", "per", "against", "we", "they", "he", "she",
                         "it", "its", "their", "our", "which", "who", "what", "where", "how", "than", "but",
                         "because", "now", "between", "under", "into", "about", "over", "some", "nearly",
                         "almost", "including", "whom")),
    modifiers=frozenset(("more", "additional", "extra", "other", "new", "most", "very", "different")),
    participle=r"(?!)",  # English past participles also stand for people ("250 displaced")
    number_of="number of",
    positions=r"phase|step|round|stage|level|chapter",
    references=((r"(?<!\w)(?i:article|art\.|section)\s+\d+[a-z]?(?!\w)", "an article or section number, a name"),
                (r"(?<!\w)(?i:resolution)\s+\d+", "the number of a resolution"),
                (r"(?<!\w)(?i:no|nos|nr)\.\s*\d+", "document number"),
                (r"(?<!\w)(?i:page|p\.)\s+\d+", "a page number")),
    inclusion=r"(?i:of which|of whom|including|among them|of these)(?!\w)",
    from_to=("from", "to"),
    increase=r"(?i:increased|raised|rose|grew|expanded|doubled|went up)",
    decrease=r"(?i:reduced|cut|decreased|fell|dropped|lowered|went down)",
    dateline=r"(?m)^[ \t]*[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)?,[ \t]*|^[ \t]*(?i:date|dated|issued):?[ \t]*",
    common=frozenset(("the", "of", "and", "to", "in", "is", "that", "for", "with", "are", "was", "on",
                      "this", "by", "be", "which", "has", "have", "from", "were")),
)

WORDS: Final = {"nl": DUTCH, "en": ENGLISH}
