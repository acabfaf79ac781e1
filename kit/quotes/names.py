"""Step 3: person names, titles, honorifics and roles, as word lists and small helpers.

How a run of capitalised words splits into a title and a name, whether it
names a person (not a place or an organisation), and what kind of noun phrase
(pronoun, name, descriptor) names a speaker. The lowest-level module of the
package: it imports nothing from the others.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kit.segment import abbreviations, stopwords, words

__all__ = [
    "_ADVERBS",
    "_AGE",
    "_APPOSITION_AFTER",
    "_GENDER",
    "_INDEFINITE",
    "_LONG_RUN",
    "_NOT_NAMES",
    "_PARTICLES",
    "_PERSON_HEADS",
    "_PLACE_PREPOSITIONS",
    "_ROLE_SYNONYMS",
    "_RUN",
    "_RUN_AFTER",
    "_UP",
    "_TITLE_STOP",
    "_find_word",
    "_is_person_name",
    "_key",
    "_leading_np",
    "_name_start",
    "_np_kind",
    "_run_info",
    "_sentence_word",
    "_split_name",
    "_split_run",
    "_strip_adverbs",
    "_word_count",
]


# --- Step 3: names, titles and roles -------------------------------------------

# Python's re has no class for upper-case letters; this one covers Latin (with
# accents), Greek and Cyrillic.
_UP = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
def _full_stop_after(words: frozenset[str]) -> str:
    r"""A regex for the full stop after any of ``words`` (capitalised): ``(?:(?<=Mr|Dr)\.|(?<=Mrs)\.)``.
    Python's look-behind needs a fixed width, so the words are grouped by length."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(re.escape(word.capitalize()))
    return "(?:" + "|".join(f"(?<={'|'.join(group)})\\." for _, group in sorted(by_length.items())) + ")"


# Abbreviations written before or after a name (Mr., Gen., Jr.), from the kit's one list.
_TITLE_STOP = _full_stop_after(abbreviations("title", "name"))
_NAME_WORD = rf"""
    [{_UP}]                                         # a capital letter, then
    (?:
        (?:\.[{_UP}])+\.                            #   the rest of an initialism: U.S., U.K.
      | \.(?=\s+[{_UP}])                            #   the full stop of an initial: John F. Kennedy
      | [\w’'-]*                                    #   the rest of a word: Khamenei, O’Brien, Al-Assad
        {_TITLE_STOP}?                              #   and the full stop of Mr., Gen., Prof., Jr.
    )
"""
# A run of capitalised words, with the small words that join names and titles
# (Leader of the Islamic Revolution Ayatollah Ali Khamenei, Ursula von der Leyen,
# Bashar al-Assad). It starts with a capital letter, which lets the regex
# engine skip quickly to the next candidate on a long text.
_RUN = re.compile(
    rf"""
    {_NAME_WORD}
    (?:\s+(?:(?:of|the|de|da|di|del|der|den|van|von|bin|ibn|al|el|du|le|la)\s+)*
       (?:(?:al|el|bin|ibn|abu|abd)-)?{_NAME_WORD})*
    """,
    re.VERBOSE,
)
_LONG_RUN = re.compile(  # a run of two or more words: the names that can introduce a person
    rf"""
    {_NAME_WORD}
    (?:\s+(?:(?:of|the|de|da|di|del|der|den|van|von|bin|ibn|al|el|du|le|la)\s+)*
       (?:(?:al|el|bin|ibn|abu|abd)-)?{_NAME_WORD})+
    """,
    re.VERBOSE,
)
_RUN_AFTER = re.compile(  # (minister) Abbas Araghchi, (Leader) of the Islamic Revolution Ayatollah ...
    rf"\s+(?P<name>(?:of\s+(?:the\s+)?)?{_RUN.pattern})", re.VERBOSE
)
_APPOSITION_AFTER = re.compile(  # (the foreign secretary), David Whitcombe,
    rf"(?:\s+(?:of|for|at)\s+[^,.;:!?“”\"]{{1,60}})?,\s+(?P<name>{_RUN.pattern})\s*[,.]", re.VERBOSE
)
_PARTICLES = frozenset("of the de da di del der den van von bin ibn al el du le la".split())

# Words of offices and courtesy titles: dropped from a name, and the roles a
# later "the president" or "the minister" refers back to.
_TITLES = frozenset(
    """
    president vice prime minister premier chancellor secretary general secretary-general
    attorney leader senator sen rep representative congressman congresswoman governor gov
    mayor king queen prince princess emperor empress pope cardinal archbishop bishop judge
    justice chief executive officer ceo cfo coo chairman chairwoman chair director head
    spokesman spokeswoman spokesperson ambassador envoy commissioner commander gen lt
    lieutenant col colonel maj major capt captain sgt sergeant adm admiral marshal field
    count countess duke duchess baron lord lady mr mrs ms miss dr prof professor foreign
    monsieur madame mademoiselle uncle aunt private cadet corporal
    defence defense interior finance economy health deputy acting former state affairs
    president-elect mp mep member council councillor councilman councilwoman steward
    coach manager founder co-founder negotiator speaker delegate
    """.split()
)
# Honorifics kept as part of a name.
_HONORIFICS = frozenset("ayatollah grand hojatoleslam seyyed sayyid sheikh shaikh sir dame".split())
# Words of the title phrase after "of" (Minister of Foreign Affairs Abbas Araghchi).
_TITLE_OBJECTS = frozenset(
    """
    state foreign affairs defence defense interior finance justice health revolution
    commerce trade energy education transport labour labor agriculture treasury economy
    islamic republic national federal staff
    """.split()
)
_GENDER = {
    **dict.fromkeys("mr sir king prince emperor duke baron lord count spokesman chairman "
                    "congressman councilman".split(), "m"),
    **dict.fromkeys("mrs ms miss dame queen princess empress duchess countess lady "
                    "spokeswoman chairwoman congresswoman councilwoman".split(), "f"),
}
# A capitalised word that makes a run a place, an organisation or a date.
_NOT_PERSON = frozenset(
    """
    house union east west north south new republic revolution corridor states kingdom
    nations tv news agency ministry council committee party department office bank court
    army forces force guard guards corps times post journal street square road sea ocean
    gulf river mountains island islands city county province region airport station
    university college school institute center centre foundation organization
    organisation association group company corporation inc ltd co fund programme program
    agreement treaty accord summit conference assembly parliament senate congress cabinet
    government administration navy police service security press reuters agence
    commission authority board agency's ministry's network channel radio television
    st saint san santa fort port mount lake cape
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december god
    """.split()
)
# Capitalised words that start a sentence but are never a name.
_NOT_NAMES = frozenset(
    """
    a an after afterwards again also although and as asked at before but by despite
    during earlier even finally for from further furthermore here however if in indeed
    instead it its last later like meanwhile moreover nevertheless next now on once
    overall separately since so still that the then there these they this those though
    thus to today tomorrow under until upon we what when where while with within without
    yesterday yet he she i you his her their our my sometimes yes oh ah well suddenly
    perhaps every never always soon first finally let dear poor old young little good
    thank thanks please even still besides therefore hence whereupon nor neither either
    behind beside below above among around across along beyond toward towards through
    throughout inside outside near against between except past round call
    """.split()
)
_FUNCTION_WORDS = frozenset(
    """in on at to of for with by from a an the and but or nor as that which who whom whose
    it is was are were be been this these those there here not no so than then if when
    while after before about into onto over under via per because since until""".split()
)
_AGE = re.compile(r"(\d+)-year-old")
# Role words a text uses for one person: the education secretary is "the minister".
_ROLE_SYNONYMS = {
    "minister": ("secretary",),
    "secretary": ("minister",),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "spokesperson": ("spokesman", "spokeswoman"),
}
_PRONOUNS = frozenset("he she they we i it you".split())
_DETERMINERS = frozenset("the a an one another his her its their our some several two three".split())
_INDEFINITE = frozenset("a an one another some several two three".split())
# Heads of a descriptor that can be a person ("the minister", "the Leader").
_PERSON_HEADS = _TITLES | frozenset(
    """
    official spokesman spokeswoman spokesperson analyst expert lawyer prosecutor doctor
    researcher economist diplomat officer player actor author father mother wife husband
    son daughter man woman resident witness survivor student teacher lawmaker candidate
    counterpart cleric boss owner worker farmer nurse pilot soldier victim activist
    campaigner organizer organiser scientist historian writer poet priest imam rabbi
    interviewer strategist adviser advisor aide firefighter machinist engineer driver
    investor billionaire businessman businesswoman entrepreneur protester artist singer
    musician designer architect chef paramedic surgeon physician grandmother grandfather
    midfielder striker defender goalkeeper referee detective inspector neighbour neighbor
    passenger customer parent friend colleague relative voter shopper fan visitor tourist
    patient local
    """.split()
)
_ADVERBS = frozenset(
    """also then later again once further previously earlier recently repeatedly
    reportedly publicly privately simply flatly now just still even has had have
    would will was were is did does""".split()
)


# --- Words and names: small helpers ---------------------------------------------

def _word_count(s: str) -> int:
    """How many words ``s`` has, counted as :func:`kit.words` counts them."""
    return len(words(s))


def _clean(word: str) -> str:
    """A name word without a possessive or a full stop: Khamenei’s -> Khamenei."""
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)]
            break
    return word


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return _clean(word).rstrip(".").lower()


def _find_word(s: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``word`` (lower-case) occurs in ``s[start:end]`` as a whole word, in
    lower or title case. ``str.find`` is many times faster than a case-blind regex."""
    end = len(s) if end is None else min(end, len(s))
    places = []
    for form in (word, word.capitalize()):
        at = s.find(form, start, end)
        while at >= 0:
            before, after = s[at - 1 : at] if at else "", s[at + len(word) : at + len(word) + 1]
            if not (before.isalnum() or before in "’'-" and before) and not (
                after.isalnum() or after in "’'-" and after
            ):
                places.append(at)
            at = s.find(form, at + 1, end)
    return sorted(places)


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Split the words of a capitalised run into (title words, name words).

    ``Belarusian President Alexander Lukashenko`` -> (Belarusian President,
    Alexander Lukashenko); ``Leader of the Islamic Revolution Ayatollah Ali
    Khamenei`` -> (Leader of the Islamic Revolution, Ayatollah Ali Khamenei).
    """
    words = [_clean(w) for w in words]
    last_title = max((i for i, w in enumerate(words) if _key(w) in _TITLES), default=-1)
    if last_title < 0 and len(words) > 1 and _key(words[0]) in _PERSON_HEADS:
        last_title = 0  # an occupation that starts a sentence: Firefighter Liam Carver
    title, name = words[: last_title + 1], words[last_title + 1 :]
    if name and name[0] == "of":  # the rest of the title: of (the) Foreign Affairs ...
        k = 1
        while k < len(name) and (name[k] == "the" or _key(name[k]) in _TITLE_OBJECTS):
            k += 1
        objects = any(_key(w) in _TITLE_OBJECTS for w in name[1:k])
        title, name = title + name[:k], name[k:]
        honorific = next((i for i, w in enumerate(name) if _key(w) in _HONORIFICS), None)
        capitals = [i for i, w in enumerate(name) if w[:1].isupper()]
        if honorific is not None:  # of the Islamic Revolution Ayatollah Ali Khamenei
            title, name = title + name[:honorific], name[honorific:]
        elif len(capitals) >= 3:  # of the United Nations António Guterres
            cut = capitals[-2]
            title, name = title + name[:cut], name[cut:]
        elif not objects:  # chief executive of Brenner Logistik: a company, not a name
            title, name = title + name, []
    if "of" in name:  # President Putin of Russia
        name = name[: name.index("of")]
    while name and not name[0][:1].isupper():  # never start a name with "the" or "de"
        name = name[1:]
    return title, name


@lru_cache(maxsize=16384)
def _split_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`_split_name` of a run as written, remembered (a book repeats its names)."""
    title, name = _split_name(run.split())
    return tuple(title), tuple(name)


_ROMAN = re.compile(r"[IVXLC]+")
_PLACE_PREPOSITIONS = [[w] for w in "in at near from into toward towards through across beyond outside inside".split()]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The kit's stopword list, read once (``kit.segment.stopwords`` builds a new set each call)."""
    return frozenset(stopwords())


@lru_cache(maxsize=16384)
def _run_info(run: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], bool] | None:
    """A run's title words, name words, name keys, and whether it introduces a
    person (a title, or two or more capitalised name words); None if it does
    not name a person. Remembered, since a book repeats its names."""
    title, name = _split_run(run)
    if not name or not _is_person_name(list(name)):
        return None
    keys = frozenset(_key(w) for w in name if w[:1].isupper())
    return title, name, keys, bool(title) or len(keys) > 1


def _sentence_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word that starts a sentence
    (When, Sometimes, Suddenly), never part of a name."""
    key = _key(word)
    return (
        key in _NOT_NAMES
        or key in _stopwords()
        or (key.endswith("ly") and len(key) > 4)  # Suddenly
        or (key.endswith("ing") and len(key) > 5)  # Seeing, Meeting
    )


def _is_person_name(name: list[str]) -> bool:
    """Whether capitalised name words look like a person's name, not a place or group."""
    capitals = [w for w in name if w[:1].isupper()]
    if not capitals or any(_key(w) in _NOT_PERSON for w in capitals):
        return False
    if _key(capitals[0]) in _NOT_NAMES:
        return False
    return not any(  # an acronym (BBC, IRNA) is an organisation; a regnal number (XVII) is not
        len(w) > 1 and w.isupper() and "." not in w and not _ROMAN.fullmatch(w) for w in capitals
    )


def _name_start(words: list[str]) -> int | None:
    """Where the name at the end of a phrase starts: 2 in "shop steward Leanne
    Marsh", 0 in "Leader of the Islamic Revolution Ayatollah Ali Khamenei"."""
    start = None
    for i in range(len(words) - 1, -1, -1):
        if words[i][:1].isupper():
            start = i
        elif words[i] not in _PARTICLES or start is None:
            break
    return start


@lru_cache(maxsize=16384)
def _np_kind(chunk: str) -> str | None:
    """What kind of noun phrase a chunk of text is: "pronoun" (he), "name"
    (Ayatollah Khamenei, shop steward Leanne Marsh), "descriptor" (the Leader,
    a spokesman for the ministry, officials), or None (not a noun phrase)."""
    words = chunk.split()
    if not words or len(words) > 9:
        return None
    first, low = words[0], words[0].lower()
    if len(words) == 1 and low in _PRONOUNS:
        return "pronoun"
    start = _name_start(words)
    if start is not None and start > 0 and words[start - 1] not in _FUNCTION_WORDS and (
        sum(w[:1].isupper() for w in words[start:]) >= 2 or _key(words[start - 1]) in _PERSON_HEADS
    ):
        return "name"  # the billionaire investor Marcus Hale, Union boss Ken Ashworth
    if low in _DETERMINERS:
        return "descriptor"
    if first[:1].isupper():
        if _key(first) not in _TITLES and (
            low in _NOT_NAMES or low.endswith("ing") or low.endswith("ly")
        ):
            return None  # Asked about ..., Speaking on ..., Separately
        if first.endswith(("’s", "'s")) and len(words) > 1:
            return "descriptor"  # Iran’s foreign minister
        if all(w[:1].isupper() or w in _PARTICLES or _key(w) in _TITLES for w in words):
            return "name"
        return "descriptor"  # Analysts at Berenberg
    if low in _FUNCTION_WORDS or words[-1].lower() in _FUNCTION_WORDS or not first.isalpha():
        return None
    capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
    if capitals and capitals[0] <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in words[capitals[0]:]):
        return "name"  # shop steward Leanne Marsh: lower-case role words, then a name
    if len(words) <= 3 and not capitals:
        return "descriptor"  # officials, police
    return None


@lru_cache(maxsize=16384)
def _strip_adverbs(chunk: str) -> str:
    words = chunk.split()
    while words and (words[-1] in _ADVERBS or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=16384)
def _leading_np(chunk: str) -> str:
    """The noun phrase a clause starts with: "Opposition leader Tom Redfern" in
    "Opposition leader Tom Redfern accused the government", "" if none."""
    words = chunk.split()
    if not words:
        return ""
    if words[0].lower() in _PRONOUNS:
        return words[0]
    if words[0].lower() in _DETERMINERS:  # up to a person noun: the board’s chairman
        heads = [i for i, w in enumerate(words[:6]) if _key(w) in _PERSON_HEADS]
        if not heads:
            return ""
        k = heads[0]
        while k + 1 in heads:  # the chief executive officer
            k += 1
        return " ".join(words[: k + 1])
    taken = []
    for i, w in enumerate(words):
        if w.endswith(("’s", "'s")) and i + 1 < len(words):  # Iran’s foreign minister
            heads = [k for k in range(i + 1, min(len(words), i + 4)) if _key(words[k]) in _PERSON_HEADS]
            return " ".join(words[: heads[-1] + 1]) if heads else ""
        if w[:1].isupper() or _key(w) in _TITLES or (taken and w in _PARTICLES):
            taken.append(w)
        else:
            break
    while taken and not taken[-1][:1].isupper():
        taken.pop()
    return " ".join(taken)
