"""Step 3's vocabulary: person names, titles, honorifics, roles and organisations.

How a run of capitalised words splits into a title and a name, and whether it
names a person (not a place or an organisation). What kind of noun phrase
names a speaker is :mod:`kit.quotes.phrases`, built on these words. The
lowest-level module of the package: it imports nothing from the others.

>>> split_name("Belarusian President Alexander Lukashenko".split())
(['Belarusian', 'President'], ['Alexander', 'Lukashenko'])
>>> split_name("Leader of the Islamic Revolution Ayatollah Ali Khamenei".split())
(['Leader', 'of', 'the', 'Islamic', 'Revolution'], ['Ayatollah', 'Ali', 'Khamenei'])
>>> split_name("Charlie King".split()), split_name("Queen".split())
(([], ['Charlie', 'King']), (['Queen'], []))
"""

from __future__ import annotations

import re
from functools import lru_cache

from kit.segment import abbreviations, spelt_out, stopwords, tokens

__all__ = [
    "ADVERBS",
    "ADVERB_PATTERN",
    "AGE",
    "AUXILIARIES",
    "DATES",
    "APPOSITION_AFTER",
    "COURTESY_ABROAD",
    "DETERMINERS",
    "FUNCTION_WORDS",
    "GROUP_HEADS",
    "INDEFINITE",
    "KIN",
    "LINE_GAP",
    "NOT_NAMES",
    "NOT_PERSON",
    "PARTICLES",
    "PERSON_GESTURES",
    "PERSON_HEADS",
    "POSSESSIVES",
    "PLACE_ENDS",
    "PLACE_PREPOSITIONS",
    "PREPOSITIONS",
    "POST_ADJECTIVES",
    "POST_PREPOSITIONS",
    "PRONOUN_GENDER",
    "ROLE_SYNONYMS",
    "RUN",
    "RUN_AFTER",
    "SOURCE_HEADS",
    "TITLES",
    "TITLE_STOP",
    "TO_HEADS",
    "UNNAMED_HEADS",
    "UP",
    "VOICES",
    "gender_of_words",
    "head_key",
    "is_bare_plural",
    "is_group",
    "is_organisation",
    "is_person_name",
    "is_sentence_word",
    "name_key",
    "role_word",
    "split_name",
    "split_run",
    "trie_pattern",
    "word_count",
]


# --- Capitalised runs: the shapes names are written in ----------------------------

def _ranges(letters: list[str]) -> str:
    """``letters`` (in code-point order) for a regex class, each run of neighbours
    written as a range: ``ABCÀÁ`` becomes ``A-CÀ-Á``.

    >>> _ranges(list("ABCEÀÁ"))
    'A-CEÀ-Á'
    """
    out, i = [], 0
    while i < len(letters):
        j = i
        while j + 1 < len(letters) and ord(letters[j + 1]) == ord(letters[j]) + 1:
            j += 1
        out.append(letters[i] if i == j else f"{letters[i]}-{letters[j]}")
        i = j + 1
    return "".join(out)


UP = _ranges([c for c in map(chr, range(0x41, 0x530)) if c.isupper()])
"""Upper-case letters (Latin with accents, Greek, Cyrillic), for regex classes:
Python's ``re`` has no class of its own for them. Written as ranges where the
letters run on (``A-Z``, ``Α-Ρ``): every pattern with a capital in it parses
this class, and 430 single letters made the kit's import half again as slow."""


def _full_stop_after(found: frozenset[str]) -> str:
    r"""A regex for the full stop after any of ``found`` (capitalised): ``(?:(?<=Mr|Dr)\.|(?<=Mrs)\.)``.
    Python's look-behind needs a fixed width, so the words are grouped by length."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(found):
        by_length.setdefault(len(word), []).append(re.escape(word.capitalize()))
    return "(?:" + "|".join(f"(?<={'|'.join(group)})\\." for _, group in sorted(by_length.items())) + ")"


TITLE_STOP = _full_stop_after(abbreviations("title", "name"))
"""The full stop after an abbreviation written before or after a name (Mr., Gen.,
Jr.), from the kit's one abbreviation list."""

_NAME_WORD = rf"""
    [{UP}]                                          # a capital letter, then
    (?:
        (?:\.[{UP}])+\.                             #   the rest of an initialism: U.S., U.K.
      | \.(?=\s+[{UP}])                             #   the full stop of an initial: John F. Kennedy
      | (?:[^\W_]|[’'])*(?:-(?:[^\W_]|[’'])+)*       #   the rest of a word: Khamenei, O’Brien, Al-Assad
                                                    #   (one hyphen at a time: not Vyses--Mrs.; no
                                                    #   underscore: Gutenberg's _italics_, _Mr. Smith_)
        {TITLE_STOP}?                               #   and the full stop of Mr., Gen., Prof., Jr.
    )
"""
_JOINERS = r"(?:of|the|de|da|di|del|der|den|van|von|bin|ibn|al|el|du|le|la)"
LINE_GAP = r"[ \t\xa0]*(?:\n[ \t\xa0]*)?"
r"""The gap between two words of a name or a clause: spaces, and at most one line
break, where a book wraps its lines (never a paragraph's end); it may be empty, so a
pattern that needs a space adds ``(?<=\s)``. Written so that it matches any gap in one
way only: as ``[ \t]*\n?[ \t]*`` a space could fall in either half, and a pattern that
fails after a run of n words (a headline in capitals before a colon) made re try 2**n
ways."""
RUN = re.compile(
    rf"""
    {_NAME_WORD}
    (?:{LINE_GAP}(?<=\s)(?:{_JOINERS}\s+)*(?:(?:al|el|bin|ibn|abu|abd)-)?{_NAME_WORD})*
    """,
    re.VERBOSE,
)
"""A run of capitalised words, with the small words that join names and titles
(Leader of the Islamic Revolution Ayatollah Ali Khamenei, Ursula von der Leyen,
Bashar al-Assad). A run may cross one line break (books wrap their lines)."""
RUN_AFTER = re.compile(rf"{LINE_GAP}(?<=\s)(?P<name>(?:of\s+(?:the\s+)?)?{RUN.pattern})", re.VERBOSE)
"""A run right after a role word, on the same line or the next: (minister) Abbas Araghchi,
(Leader) of the Islamic Revolution ...; never across a blank line."""
APPOSITION_AFTER = re.compile(
    rf"(?:\s+(?:of|for|at)\s+[^,.;:!?“”\"]{{1,60}})?,\s+(?P<name>{RUN.pattern})\s*[,.]", re.VERBOSE
)
"""A name in commas after a role: (the foreign secretary), David Whitcombe,"""
PARTICLES = frozenset(_JOINERS[3:-1].split("|"))


# --- Word lists ---------------------------------------------------------------------

COURTESY_ABROAD = {
    **dict.fromkeys("herr signor señor senor".split(), "m"),
    **dict.fromkeys("mme mlle frau fräulein fraulein signora signorina señora señorita senora senorita".split(), "f"),
}
"""Courtesy titles of translated novels (*Mlle. Blanche*, *Herr Schmidt*), with the gender
each says: titles (:data:`TITLES`) that tell a man from a woman. (Not *M.* for Monsieur: it
is as often an initial, *J. M. Barrie*.)"""
TITLES = frozenset(COURTESY_ABROAD) | frozenset(
    """
    president vice prime minister premier chancellor secretary general secretary-general
    attorney leader senator sen rep representative congressman congresswoman governor gov
    mayor king queen prince princess emperor empress pope cardinal archbishop bishop judge
    justice chief executive officer ceo cfo coo chairman chairwoman chair director head
    spokesman spokeswoman spokesperson ambassador envoy commissioner commander gen lt
    lieutenant col colonel maj major capt captain sgt sergeant adm admiral marshal field
    count countess duke duchess baron lord lady mr mrs ms miss dr prof professor foreign
    monsieur madame mademoiselle uncle aunt private cadet corporal rev reverend
    defence defense interior finance economy health deputy acting former state affairs
    president-elect mp mep member council councillor councilman councilwoman steward
    coach manager founder co-founder negotiator speaker delegate minority majority whip
    editor-in-chief commander-in-chief attorney-general director-general vice-president
    lieutenant-colonel lieutenant-general major-general governor-elect co-chair co-chairman
    co-host co-anchor co-moderator moderator treasurer secretary-treasurer
    nominee candidate host anchor correspondent editor columnist
    presidents senators governors judges justices generals admirals colonels captains
    majors lieutenants sergeants doctors drs professors lords ladies misses messrs mesdames
    """.split()
)
"""Words of offices and courtesy titles: dropped from a name, and the roles a
later "the president" or "the minister" refers back to. With the plurals
written before two names (*Captains Harville and Wentworth*, *Presidents Obama
and Bush*): the first name is a person's, not "Captains Harville"."""
_HONORIFICS = frozenset("ayatollah grand hojatoleslam seyyed sayyid sheikh shaikh sir dame".split())
"""Honorifics kept as part of a name (news writing keeps them on every mention)."""
_TITLE_OBJECTS = frozenset(
    """
    state foreign affairs defence defense interior finance justice health revolution
    commerce trade energy education transport labour labor agriculture treasury economy
    islamic republic national federal staff
    """.split()
)
"""Words of the title phrase after "of" (Minister of Foreign Affairs Abbas Araghchi)."""
ROLE_SYNONYMS = {
    "minister": ("secretary",),
    "secretary": ("minister",),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "spokesperson": ("spokesman", "spokeswoman"),
    "sen": ("senator",),
    "senator": ("sen",),
    "gov": ("governor",),
    "governor": ("gov",),
    "rep": ("representative", "congressman", "congresswoman"),
    "representative": ("rep", "congressman", "congresswoman"),
    "congressman": ("rep", "representative"),
    "congresswoman": ("rep", "representative"),
    "gen": ("general",),
    "general": ("gen",),
    "capt": ("captain",),
    "captain": ("capt",),
    "col": ("colonel",),
    "colonel": ("col",),
    "prof": ("professor",),
    "professor": ("prof",),
    "dr": ("doctor",),
    "doctor": ("dr",),
    "democrat": ("democratic",),
}
"""Role words a text uses for one person: the education secretary is "the
minister", Sen. Jane Doe is "the senator", and Democratic Sen. Jane Doe is "the
Democrat" (the party's noun; a Republican is one word either way)."""
_GENDERED = {
    **dict.fromkeys(
        "mr sir king prince emperor duke baron lord count spokesman chairman congressman "
        "councilman monsieur master father husband son brother uncle grandfather man "
        "gentleman boy businessman nephew widower lad fellow chap monk friar abbot "
        "bridegroom groom landlord papa dad daddy male gent grandpa stepfather stepson godfather "
        "boyfriend viscount earl marquis".split(), "m"),
    **dict.fromkeys(
        "mrs ms miss dame queen princess empress duchess countess lady spokeswoman "
        "chairwoman congresswoman councilwoman madame mademoiselle mother wife daughter "
        "sister aunt grandmother woman girl businesswoman niece widow lass maid maiden "
        "nun abbess bride landlady mamma mama mum mummy actress waitress hostess "
        "governess mistress seamstress stewardess heiress priestess goddess female gentlewoman "
        "matron crone hag wench damsel grandma granny stepmother stepdaughter godmother girlfriend "
        "viscountess marchioness baroness".split(), "f"),
    **COURTESY_ABROAD,
}
_NOT_MAN = frozenset("human inhuman superhuman shaman talisman caiman ottoman german roman".split())
"""Words that end in *man* without being one (*the human*, *the German*)."""
PRONOUN_GENDER = {
    **dict.fromkeys("he him his himself".split(), "m"),
    **dict.fromkeys("she her hers herself".split(), "f"),
}
"""The gender a third-person pronoun gives: what a text says of a person by
writing *he* or *she* after the name."""
DATES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today tonight yesterday tomorrow
    spring summer autumn fall winter christmas easter""".split()
) | abbreviations("date")
"""Words of a date: "Sunday morning, Clinton slammed ..." starts with a date, not a subject."""
NOT_PERSON = frozenset(
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
    st saint san santa fort port mount lake cape caucus campaign democrats republicans
    bridge bridges avenue terrace mansions gardens palace cathedral
    hotel casino stadium arena museum hospital library building
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december god christmas
    """.split()
)
"""A capitalised word that makes a run a place, an organisation or a date."""
PLACE_ENDS = frozenset(
    """
    hill hills heath park green church chapel ditch cottage villa valley vale lane hall wood woods
    common field fields place row gate cross abbey manor farm castle grove mill wharf dock
    streets downs moor marsh pond mall tower towers plaza
    """.split()
)
"""Last words of the names of places (Saffron Hill, Hyde Park, Barton Cottage) that
are surnames too (Damon Hill, Lois Lane, Dorothy Green): a name ending in one is a
person's only where the text treats it as one (a title, a reporting verb, a
vocative, *he* or *she* after it, the surname alone), while a name with a word of
:data:`NOT_PERSON` never is."""
NOT_NAMES = frozenset(
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
    throughout inside outside near against between except past round call no not nay
    madam ma'am pray indeed alas hush hark lo o mamma papa mama lest unless whether
    of amid amidst alongside given based following regarding concerning including among already such
    i'm i'll i've i'd
    about because how why which whose whom just almost quite down into off onto out over up via
    whilst whereas whenever wherever beneath underneath unlike only
    """.split()
)
"""Capitalised words that start a sentence (or address someone) but are never a name."""
FUNCTION_WORDS = frozenset(
    """in on at to of for with by from a an the and but or nor as that which who whom whose
    it is was are were be been this these those there here not no so than then if when
    while after before about into onto over under via per because since until""".split()
)
AGE = re.compile(r"(\d+)-year-old")
"""An age used as a description: the 34-year-old."""
AUXILIARIES = frozenset("""is was are were be been being has have had do does did can could will would
    shall should may might must""".split())
"""Auxiliary verbs and forms of *be*: a phrase with one inside is a clause, not a noun phrase."""
POSSESSIVES = frozenset("his her its their my our your".split())
"""The possessive determiners: *her* account, *his* father."""
DETERMINERS = frozenset("the a an one another his her its their my our your some several two three this that".split())
INDEFINITE = frozenset("a an one another some several many most few two three four five".split())
"""Determiners that introduce someone new: "a spokesman" never refers back."""
PERSON_GESTURES = frozenset(
    """
    smiled nodded frowned shrugged grinned winked blushed bowed chuckled laughed sighed wept sobbed
    gasped yawned blinked scowled beamed giggled coloured colored flushed hesitated
    """.split()
)
"""What a face or a body does, which no place or thing does: *Holmes smiled*
makes *Holmes* a person, where *Florence lay* or *Iran warned* would not."""
KIN = {"mother": ("f", True), "wife": ("f", True), "father": ("m", None), "husband": ("m", None),
       "brother": ("m", None), "son": ("m", None), "sister": ("f", False), "daughter": ("f", False)}
"""Relations a family name settles, with the gender they say and whether the relative
is written *Mrs.* or *Lady* (True), never so (False) or either way (None): *her
mother* is the one married woman of her surname, *her sister* the one unmarried
(:mod:`kit.quotes.resolve`); and a clause whose subject is one (*and her mother
said*) has a subject of its own (:mod:`kit.quotes.subjects`)."""
PERSON_HEADS = TITLES | frozenset(_GENDERED) | frozenset(
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
    patient local pollster consultant operative donor supporter critic opponent rival
    democrat republican conservative liberal independent representative source
    businessman nominee challenger incumbent frontrunner front-runner contender
    stranger companion child boy girl gentleman lady youth fellow servant clerk jew
    treasurer chairperson councillor councilor sheriff superintendent principal headteacher constable
    dean provost rector vicar pastor reporter partner lecturer employee auditor trustee
    """.split()
)
"""Heads of a descriptor that can be a person ("the minister", "the Leader")."""
GROUP_HEADS = frozenset(
    """
    campaign committee office ministry department agency government administration
    party council court board union group company firm newspaper paper magazine
    network station website site report statement memo letter document ad
    advertisement release study poll survey analysis filing complaint lawsuit indictment
    email e-mail tweet post video book article editorial column blog note transcript
    """.split()
)
"""Heads of a descriptor that names an organisation or a document ("the Clinton
campaign", "the IMF report"). Such a speaker is named by the organisation."""
SOURCE_HEADS = frozenset(
    "report statement memo letter document ad advertisement release study poll survey "
    "analysis filing complaint lawsuit indictment email e-mail tweet post video website account feed "
    "editorial column transcript".split()
)
"""Documents: "the IMF report stated" is the IMF speaking through a report."""
UNNAMED_HEADS = PERSON_HEADS | GROUP_HEADS | SOURCE_HEADS | frozenset(
    """
    person people confidant insider staffer attendee commenter commentator user member
    veteran narrator loyalist ally backer readout opinion story investigation pac coalition
    alliance caucus crowd delegation panel team message textbook sign proponent
    """.split()
)
"""Heads of an indefinite description that is a speaker the text does not name: a
person (*a senior aide*, *one Clinton confidant*, *a person close to ...*), a
group (*some Republicans*, *a coalition*) or a source (*a 2014 committee report*)."""
PREPOSITIONS = frozenset(
    """about above across after against along among around at before behind below beneath beside
    between beyond by despite during for from in inside into near of off on onto outside over past
    through to toward towards under unto upon with within without""".split()
)
"""The prepositions: a name right after one is no subject (*a visit to Mrs. Vyse*)."""
POST_PREPOSITIONS = frozenset("to for of at from in inside with within on near outside among under behind".split())
"""Prepositions that open a short post-modifier of an unnamed speaker: *an adviser to
Trump*, *a source at the station*, *one operative inside Trump Tower*."""
POST_ADJECTIVES = frozenset(
    "close familiar involved connected linked tied loyal allied aligned associated affiliated "
    "sympathetic friendly opposed attached assigned based briefed".split()
)
"""Adjectives that open a post-modifier with a preposition after them: *a person close
to the Clintons*, *one Democrat familiar with the discussion*."""
TO_HEADS = SOURCE_HEADS | frozenset(
    "adviser advisor aide consultant confidant counsel assistant heir successor ambassador "
    "envoy secretary deputy".split()
)
"""Heads that *to* completes (*an adviser to Trump*, *a letter to Facebook*); after any
other (*said a spokesman to reporters*), *to* says whom the words were said to."""


def head_key(word: str) -> str:
    """A head word as :data:`UNNAMED_HEADS` holds it: lower case, abbreviations spelt
    out, a plural made singular when the singular is a head.

    >>> head_key("Democrats"), head_key("spokesmen"), head_key("Sen."), head_key("people")
    ('democrat', 'spokesman', 'senator', 'people')
    """
    key = role_word(word)
    if key in UNNAMED_HEADS:
        return key
    for plural, singular in (("men", "man"), ("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(plural) and key[: -len(plural)] + singular in UNNAMED_HEADS:
            return key[: -len(plural)] + singular
    return key


def is_bare_plural(found: list[str] | tuple[str, ...]) -> bool:
    """Whether words are a group written in the plural with no determiner, which
    is indefinite as *some critics* is:

    * a capitalised plural head and a phrase after it: *Critics of the plan*,
      *Attorneys for Clinton*, *Voters in Iowa*;
    * a capitalised word, then lower-case words that end in a plural head:
      *Senior officials*, *Republican leaders*, *Trump aides* (the aides
      speak, not Trump; and not *Trump at the time*, where Trump does);
    * a plural head alone, or a word that counts people (:data:`INDEFINITE`):
      *Critics* (said), *Many* (worried).

    >>> is_bare_plural("Critics of the plan".split()), is_bare_plural("Critic of the plan".split())
    (True, False)
    >>> groups = ("Senior officials", "Trump aides", "Trump at the time", "White House officials")
    >>> [is_bare_plural(words.split()) for words in groups]
    [True, True, False, False]
    >>> [is_bare_plural([word]) for word in ("Critics", "Many", "Holmes")]
    [True, True, False]
    """
    if len(found) == 1:  # Critics, Many: a plural head, or a word that counts people, alone
        return found[0][:1].isupper() and (_plural_head(found[0]) or name_key(found[0]) in INDEFINITE)
    if not found or not found[0][:1].isupper():
        return False
    if found[1] in POST_PREPOSITIONS:
        return _plural_head(found[0]) and head_key(found[0]) not in TITLES
    return all(w.islower() for w in found[1:]) and _plural_head(found[-1])


def is_group(found: list[str] | tuple[str, ...]) -> bool:
    """Whether words are a bare plural (:func:`is_bare_plural`) that is a noun phrase
    all through, a subject that can speak (*Nuclear proliferation experts*,
    *Clinton officials*): no function word, auxiliary or verb in the past
    tense between its first word and its head (not *Netanyahu rallied
    supporters*, *Kloppenburg and her backers*).

    >>> is_group("Nuclear proliferation experts".split()), is_group("Netanyahu rallied supporters".split())
    (True, False)
    >>> is_group(["Critics"]), is_group(["Critics", "in"])  # the head ends the group
    (True, False)
    >>> is_group("Reed shook his head.".split())  # a full stop is no plural
    False
    """
    return is_bare_plural(found) and _plural_head(found[-1]) and not any(
        w.lower() in FUNCTION_WORDS or w.lower() in AUXILIARIES or w.endswith("ed") for w in found[1:-1])


def _plural_head(word: str) -> bool:
    """Whether a word is a head of :data:`UNNAMED_HEADS` in the plural (officials, aides, leaders)."""
    key = head_key(word)
    return key != role_word(word) and key in UNNAMED_HEADS  # (not "head." at a sentence's end: no plural)


VOICES = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
"""People whose job is to speak for someone else: what "a White House spokesman"
says, the White House says, as "the IMF report stated" is the IMF speaking. The
speaker is the one spoken for, and ``speaker_note`` says that the person is unnamed."""
ADVERBS = frozenset(
    """also then later again once further previously earlier recently repeatedly
    reportedly publicly privately simply flatly now just still even soon thus
    therefore presently afterwards often always never sometimes usually only""".split()
) | AUXILIARIES - frozenset("should must can may be been being are do".split())
"""Words that may stand between a speaker and the cue: Smith also said, she has said,
Mr. Gradgrind would often say, she might have said. Not every auxiliary: *should*,
*must*, *can* and *may* say what ought or might be said (*what we should ask is*),
and *be*, *been*, *being* make a passive (*the concerns being expressed*)."""
ADVERB_PATTERN = "|".join(sorted(ADVERBS))
""":data:`ADVERBS` as one alternation, for the patterns that allow them (with any word in -ly)."""
PLACE_PREPOSITIONS = [[w] for w in "in at near from into toward towards through across beyond outside inside".split()]




# --- Small helpers ------------------------------------------------------------------

def trie_pattern(found: list[str] | set[str]) -> str:
    """A regex for any of ``found``, shaped as a trie: ``said|says`` becomes
    ``sa(?:id|ys)``. A flat list of 200 words would be tried word by word at
    every character; the trie tries one letter at a time, which makes the
    search several times faster on a whole book.

    >>> trie_pattern(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    root: dict = {}
    for word in found:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)



def word_count(s: str) -> int:
    """How many words ``s`` has, counted as :func:`kit.words` counts them (every
    token of :func:`kit.segment.tokens` but punctuation; ``tokens`` needs no
    sentence split, so a short quote is counted faster).

    >>> word_count("“We will win,” she said.")
    5
    """
    return sum(t.kind != "punct" for t in tokens(s))


def _clean(word: str) -> str:
    """A name word without a possessive: Khamenei’s -> Khamenei."""
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A word as names are matched: no possessive, no full stop, lower case, and
    a curly apostrophe written straight (I’m and I'm are one word).

    >>> name_key("Khamenei’s"), name_key("Mr."), name_key("I’m")
    ('khamenei', 'mr', "i'm")
    """
    return _clean(word).rstrip(".,;:").lower().replace("’", "'")


_TITLE_ABBREVIATIONS = abbreviations("title")
_NAME_SUFFIXES = abbreviations("name")
"""What is written after a name and never starts one: Esq., Jr., Sr. (the kit's abbreviation list)."""


def role_word(word: str) -> str:
    """The role a title word names, with abbreviations spelt out: Sen. -> senator.

    >>> role_word("Sen."), role_word("President")
    ('senator', 'president')
    """
    key = name_key(word)
    return spelt_out(key) if key in _TITLE_ABBREVIATIONS else key


def gender_of_words(found: list[str] | tuple[str, ...]) -> str | None:
    """The gender that title or role words give ("m" or "f"), or None.

    >>> gender_of_words(["Mrs"]), gender_of_words(["the", "old", "gentleman"]), gender_of_words(["President"])
    ('f', 'm', None)
    >>> gender_of_words(["the", "clergyman"]), gender_of_words(["the", "policewoman"]), gender_of_words(["the", "human"])
    ('m', 'f', None)
    >>> gender_of_words(["the", "male", "traveller"]), gender_of_words(["the", "female"])
    ('m', 'f')
    >>> gender_of_words(["the", "stationmaster"]), gender_of_words(["the", "riding-master"])
    ('m', 'm')
    """
    for word in found:
        key = name_key(word)
        gender = _GENDERED.get(key)
        if gender:
            return gender
        # a compound of -man or -woman says it (the clergyman, the policewoman), and one of
        # -master or -mistress (the stationmaster, the riding-master, the schoolmistress);
        # a plural (gunmen) is no one person
        if key.endswith(("woman", "mistress")):
            return "f"
        if key.endswith("man") and len(key) > 4 and key not in _NOT_MAN and key[-4] != "o" \
                or key.endswith("master"):
            return "m"
    return None


def split_name(found: list[str]) -> tuple[list[str], list[str]]:
    """Split the words of a capitalised run into (title words, name words).

    ``Belarusian President Alexander Lukashenko`` -> (Belarusian President,
    Alexander Lukashenko); ``Leader of the Islamic Revolution Ayatollah Ali
    Khamenei`` -> (Leader of the Islamic Revolution, Ayatollah Ali Khamenei).

    >>> split_name("Mrs. de Winter".split()), split_name("Maxim de Winter".split())
    ((['Mrs.'], ['de', 'Winter']), ([], ['Maxim', 'de', 'Winter']))
    >>> split_name("Herald Editor-in-Chief Ada Quill".split())
    (['Herald', 'Editor-in-Chief'], ['Ada', 'Quill'])
    """
    found = [_clean(w) for w in found]
    last_title = max((i for i, w in enumerate(found) if name_key(w) in TITLES), default=-1)
    if last_title == len(found) - 1 > 0 and found[-2][:1].isupper() and name_key(found[-2]) not in TITLES \
            and not found[-2].endswith("."):
        # a title word that ends a name is a surname: Charlie King, Stephen Bishop
        last_title = max((i for i, w in enumerate(found[:-1]) if name_key(w) in TITLES), default=-1)
    if last_title < 0 and len(found) > 1 and name_key(found[0]) in PERSON_HEADS and name_key(found[0]) not in _HONORIFICS:
        last_title = 0  # an occupation that starts a sentence: Firefighter Liam Carver
    title, name = found[: last_title + 1], found[last_title + 1 :]
    if name and name[0] == "of":  # the rest of the title: of (the) Foreign Affairs ...
        k = 1
        while k < len(name) and (name[k] == "the" or name_key(name[k]) in _TITLE_OBJECTS):
            k += 1
        objects = any(name_key(w) in _TITLE_OBJECTS for w in name[1:k])
        title, name = title + name[:k], name[k:]
        honorific = next((i for i, w in enumerate(name) if name_key(w) in _HONORIFICS), None)
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
    while name and (not name[0][:1].isupper() or name_key(name[0]) in _NAME_SUFFIXES):
        if title and name[0] in PARTICLES - {"the", "of"} and name[1:2] and name[1][:1].isupper():
            break  # a title's particle is the name's: Mrs. de Winter, Mr. van Helsing
        name = name[1:]  # never start a name with "the" or "of", nor with Esq. (Charles Smith, Esq. Tunbridge Wells)
    return title, name


@lru_cache(maxsize=16384)
def split_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`split_name` of a run as written, remembered (a book repeats its names)."""
    title, name = split_name(run.split())
    return tuple(title), tuple(name)


_ROMAN = re.compile(r"[IVXLC]+")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The kit's stopword list, read once (``kit.segment.stopwords`` builds a new set each call)."""
    return frozenset(stopwords())


def is_sentence_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word that starts a sentence
    (When, Sometimes, Suddenly), never part of a name.

    >>> is_sentence_word("Suddenly"), is_sentence_word("Natásha"), is_sentence_word("Emily")
    (True, False, False)
    """
    key = name_key(word)
    return (
        key in NOT_NAMES
        or key in _stopwords()
        or (key.endswith("ly") and len(key) > 5)  # Suddenly, Really (but Emily, Kelly are names)
        or (key.endswith("ing") and len(key) > 5)  # Seeing, Meeting
    )


_HEADLINE_WORDS = frozenset("On For With To In At By From And Of The A An Into Over After About Is Are Was".split())
"""Small words that a name writes in lower case (Leader of the Islamic Revolution, Ursula von der
Leyen), capitalised as a headline in Title Case capitalises them."""


def is_person_name(name: list[str] | tuple[str, ...]) -> bool:
    """Whether capitalised name words look like a person's name, not a place or group.

    >>> is_person_name(["Alexander", "Lukashenko"]), is_person_name(["Islamic", "Republic"]), is_person_name(["IRNA"])
    (True, False, False)
    >>> is_person_name("Trump Stands Tall On Proposal For Border Wall".split())
    False
    """
    return _is_person_name(tuple(name))


@lru_cache(maxsize=65536)
def _is_person_name(name: tuple[str, ...]) -> bool:
    capitals = [w for w in name if w[:1].isupper()]
    if not capitals or any(name_key(w) in NOT_PERSON for w in capitals):
        return False
    if all(name_key(w) in _HONORIFICS or name_key(w) in TITLES for w in capitals):
        return False  # Sir, Madame: a form of address, not a name
    if name_key(capitals[0]) in NOT_NAMES:
        return False
    if any(w in _HEADLINE_WORDS for w in name[1:]):
        return False  # Trump Stands Tall On Proposal For Border Wall: a headline in Title Case, not a name
    return not any(  # an acronym (BBC, IRNA) is an organisation; a regnal number (XVII) is not
        len(w) > 1 and w.isupper() and "." not in w and not _ROMAN.fullmatch(w) for w in capitals
    )


def is_organisation(name: list[str] | tuple[str, ...]) -> bool:
    """Whether capitalised words name an organisation, a publication or a place
    that speaks (the World Health Organization, IRNA, the Kremlin).

    >>> is_organisation(["World", "Health", "Organization"]), is_organisation(["Jane", "Doe"])
    (True, False)
    """
    capitals = [w for w in name if w[:1].isupper()]
    return bool(capitals) and not is_person_name(capitals) and name_key(capitals[0]) not in NOT_NAMES \
        and not all(name_key(w) in DATES for w in capitals)
