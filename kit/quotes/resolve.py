"""Step 4: resolve a mention to a speaker, or say why it cannot be done.

* A **name** is the person of the cast it names (*Lukashenko* → *Alexander
  Lukashenko*, *Mr. Darcy* → *Darcy*); a name the cast does not know is taken
  as written, for an organisation (*Reuters*, *the World Health Organization*)
  as for a person named once (*Sweeny*).
* A **description** (*the Belarusian president*, *the Leader*) is the person
  the text itself introduces with those words (*Belarusian President
  Alexander Lukashenko*): every modifier must be among the words of that
  person's title, as whole words (:mod:`kit.quotes.roles` finds them). When
  two people fit, or none does, there is no speaker, and the note says why. A
  capitalised description that no one is introduced with is a name of its own
  (*the Queen*, *the White House*).
* A document or an organisation's part speaks for the organisation (*the IMF
  report*, *a statement from the White House*), and so does a spokesperson
  (*a White House spokesman*).
* An **indefinite description** (*a senior Cruz adviser*, *one Clinton aide*,
  *some Republicans*, *a person close to the Clintons*) introduces someone the
  text does not name. In news it is the speaker as written, with its short
  post-modifier, and the note :data:`UNNAMED` (a group, *Aides said*, speaks as
  written too); in a dialogue (a novel) it gives no speaker, so that the turns
  around it are not taken for one person's.
* **He** or **she** is the latest person named before it, in this paragraph or
  the two before, whose gender (learned from the text) fits; **I** is the
  narrator, named later if the text says who the narrator is.

>>> from kit.quotes import extract_quotes
>>> text = ("US President Joe Biden met Chinese President Xi Jinping in Lima.\\n\\n"
...         "“We talked,” the US president said.\\n\\n“We agreed,” the French president said.")
>>> [(q.speaker, q.speaker_note) for q in extract_quotes(text)]
[('Joe Biden', None), (None, 'no one in the text is introduced as the French president')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Collection, Iterator, NamedTuple

from kit.quotes.cast import Cast
from kit.quotes.cues import ATTRIBUTING, CUE
from kit.quotes.dialogue import only_names
from kit.quotes.layout import MASK, Layout
from kit.quotes.names import (
    ADVERBS,
    AGE,
    AUXILIARIES,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_HEADS,
    INDEFINITE,
    KIN,
    PARTICLES,
    PERSON_HEADS,
    POSSESSIVES,
    POST_ADJECTIVES,
    POST_PREPOSITIONS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    RUN,
    SOURCE_HEADS,
    VOICES,
    TITLES,
    TO_HEADS,
    UNNAMED_HEADS,
    gender_of_words,
    head_key,
    is_bare_plural,
    is_organisation,
    is_person_name,
    is_sentence_word,
    name_key,
    role_word,
    split_name,
)
from kit.quotes.phrases import name_start, np_kind
from kit.quotes.roles import Roles, Speaker
from kit.quotes.subjects import sentence_subject
from kit.segment import abbreviations

__all__ = ["DESCRIBED", "NARRATOR", "Resolver", "Speaker", "UNNAMED", "Voice"]

DESCRIBED = "\x00"
"""Starts the speaker of a quote that the text gives only by a description, while it
is not known who that is: DESCRIBED + "the girl" (said by *the girl*, or by *she*
standing for her). :func:`kit.quotes.unnamed.name_the_unnamed` names them or
leaves no speaker. No text holds the character: the kit refuses a NUL in a text."""
NARRATOR = "the narrator"
"""The note of a quote said by *I*, when the text never names its narrator."""
UNNAMED = "unnamed: the text does not say who this is"
"""The note of a speaker given as the text writes it, with no name: *a senior aide*."""
_RELATIVES = frozenset("who whom whose which that where when while as because but or than".split())
_AUDIENCES = frozenset("reporters journalists press media crowd audience supporters me us him her them".split())
"""Whom words are said to, after *to*: (said an aide) to reporters."""
_POST_WORDS = 6  # how many words a post-modifier may have (after its adjective): to the Clintons
_TIMES = DATES | frozenset("""week weekend month year night morning afternoon evening day time hour moment
    weeks months years days hours ago""".split())
"""Words of a phrase that says when, not who: (said one official) on Monday, at the time."""
_MEDIA = SOURCE_HEADS | frozenset("""interview call conference speech appearance phone broadcast show program
    programme podcast message briefing hearing remarks comments""".split())
"""What words are said in, not who says them: (said a spokesman) in a statement, in an interview."""
_TURNS_BACK = 6  # how many paragraphs back "he" may find a quote's speaker when nothing nearer fits
_REACH = 20_000
"""The most characters "he" or "she" looks back (and a quote's voice may stand ahead of
it), whatever the paragraphs: a text written as one long paragraph is not read back to
its start at every pronoun. The bound changes no speaker of PolNeAR's 840 articles,
PDNC's eight novels or War and Peace."""
_INVERSE_KIN = {"mother": ("son", "daughter"), "father": ("son", "daughter"), "wife": ("husband",),
                "husband": ("wife",), "brother": ("brother", "sister"), "sister": ("brother", "sister"),
                "son": ("mother", "father"), "daughter": ("mother", "father")}
"""What the owner of a relation is called by the relative (*her mother*: the one whose
*daughter* or *son* she is)."""


def _by_married_name(owner: str, family: list[str]) -> list[str]:
    """Of ``family``, the husband or the wife of ``owner`` that the names say: a married
    woman is called by her husband's full name, so Mrs. John Dashwood's husband is
    John Dashwood, and John Dashwood's wife Mrs. John Dashwood (not Mrs. Henry Dashwood).

    >>> _by_married_name("Mrs. John Dashwood", ["Henry Dashwood", "John Dashwood", "Mr. Dashwood"])
    ['John Dashwood']
    >>> _by_married_name("Charles Musgrove", ["Mrs Musgrove", "Mrs Charles Musgrove"])
    ['Mrs Charles Musgrove']
    """
    def husband(name: str) -> str | None:  # the husband's name in a wife's
        first, _, rest = name.partition(" ")
        return rest if first.rstrip(".").lower() == "mrs" and len(rest.split()) >= 2 else None

    return [who for who in family if who == husband(owner) or husband(who) == owner]


_KIN_BEFORE_NAME = re.compile(rf"(?<![\w’'-])(?P<det>[Hh]is|[Hh]er)\s+(?P<noun>{'|'.join(KIN)})\s*,?\s+"
                              rf"(?P<name>[A-Z][\w’'-]*)(?![\w’'-])")
"""A relative's noun after *his* or *her*, before a name: *Her daughter Nell*, *his son, Tom*."""


def _clause(words: str) -> bool:
    """Whether words after a mention, in commas, are a clause of what the speaker does,
    not a name in apposition: *said the King, going up to Alice*, *turning to Alice*."""
    first = words.split()[0]
    return first.islower() and (first.endswith(("ing", "ed")) or first in FUNCTION_WORDS)


def _owner_only(masked: str, at: int) -> bool:
    """Whether the name at ``at`` owns something after a preposition (*look at Mr.
    Beebe's books*, *dining at Mr Musgrove's*): a thing of theirs is in the scene,
    not they, so the name is no one a later *he* or *she* can be."""
    m = RUN.match(masked, at)
    before = masked[max(0, at - 12) : at].split()[-1:]
    return m is not None and m.group().endswith(("’s", "'s")) and bool(before) and before[0] in PREPOSITIONS


_LIKE = re.compile(r"(?<![\w’'-])(?:like|unlike|a|an)\s+$")
"""The word before a name that only compares someone to that person, or makes the
name a kind (*From a Leonardo she had become a living woman*)."""


_ABBREVIATIONS = abbreviations()  # role words written with a full stop: sen, gov, rep
_SENTENCES_BACK = 4  # how many sentences back "he" or "she" looks for a subject
_DESCRIBED_BACK = 2  # how many of them may give a described subject: its own sentence and the one before
_THEN_WORDS = frozenset("at in on during after before earlier later last this first once again".split())
"""Words that may stand between a speaker's name and the cue: Trump at the time (said)."""


class Voice(NamedTuple):
    """A quote already attributed: where it (and its attribution) ends, where its
    speaker is named, who, in which paragraph, and where its opening mark stands."""

    end: int
    mention_pos: int
    speaker: str | None
    para: int
    start: int


_OWNER_OF_FEATURE = re.compile(
    rf"""\s*(?:(?:But|And|Then|Now)\s+)?(?P<np>{RUN.pattern})[’']s\s+
    (?:face|countenance|voice|eyes?|heart|hands?|lips|mouth|head|cheeks?|colour|color|looks?|manner|spirits|
       mind|tone|features|brow|smile|temper|patience)(?![\w’'-])""",
    re.VERBOSE,
)
"""A sentence whose subject is a person's face, voice or mood (*Louisa's voice was the
first distinguished*, *Mr. Gamfield's countenance brightened*): it is about that person,
whom a *he* or *she* after it most likely means."""
_THE_SPEAKER = re.compile(r"\s*(?:(?:But|And|Then|Now)\s+)?(?P<np>[Tt]he\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?=[a-z])")
"""A sentence that opens with *the* and a capitalised noun, then a lower-case word (*The Dormouse
slowly opened his eyes*): the subject, when that noun is a speaker's (:meth:`Resolver._subject_of_sentence`)."""


_INVERTED_REPORT = re.compile(rf",\s+{CUE.pattern}\s+(?P<np>{RUN.pattern})(?=\s*[,.;])", re.VERBOSE)
"""A reporting verb and a name after a comma, in the narration: *And Trump, said
Sunshine, doesn't forgive.* *The party was supposed to be a slam dunk, said
Christine Link, of the ACLU.* The one who says the sentence is the one a *she
said* after it goes on with, whoever its grammatical subject is."""


_VOICE = re.compile(r"(?:(?P<pronoun>[Hh]is|[Hh]er)|(?P<owner>\S.*?)['’]s)\s+(?:[a-z]+\s+)?voice")
"""Someone's voice, as the subject of a reporting verb: *her voice* (said), *the
Rabbit's voice*, *her mother's gentle voice*. Whose voice it is speaks."""


class Resolver:
    """Resolves the mentions of one text (see the module docs)."""

    def __init__(self, layout: Layout, cast: Cast) -> None:
        self.layout = layout
        self.cast = cast
        self.voices: list[Voice] = []
        self.roles = Roles(layout, cast)
        self._subjects: dict[int, tuple[int, str] | None] = {}
        self._described: dict[int, tuple[int, str] | None] = {}
        self._addressed: dict[int, list[str]] = {}  # a quote (its index) -> the people it addresses, latest first
        self._kin_mentions: dict[str, list[re.Match]] | None = None  # a first name -> where the text writes
        # "her daughter" or "his son" before it (read once, at the first family word that needs it)
        self.as_written = False
        """News: an indefinite description is the speaker as written (see :meth:`unnamed`);
        set once the text is known not to be a dialogue."""

    # -- the entry point --

    def resolve(self, mention: str, pos: int, appositive: str | None = None, *,
                exclude: frozenset[str] = frozenset(), at_cue: bool = True) -> Speaker:
        """The speaker a mention at ``pos`` names. ``exclude`` holds people a
        pronoun cannot be: those the quote addresses (no one says "Mr. Vyse"
        to himself), and in a dialogue the one who spoke the turn before; for
        *her mother*, they are whose mother she may be (:meth:`_kin_owner`).
        ``at_cue``: the mention stands next to its reporting verb (see
        :func:`kit.quotes.phrases.np_kind`)."""
        voice = _VOICE.fullmatch(mention)
        if voice is not None:  # her voice said, the Rabbit's voice: whose voice it is speaks
            mention = voice.group("pronoun") or voice.group("owner")
        kind = "pronoun" if mention in ("his", "her", "His", "Her") else np_kind(mention, at_cue=at_cue)
        if appositive and kind != "name" and np_kind(appositive) == "name" and not _clause(appositive):
            mention, pos, kind = appositive, pos, "name"  # the chief executive, Jane Doe, said
        elif kind == "name" and self.as_written and name_key(mention.split()[0]) in INDEFINITE \
                and head_key(mention.split()[-1]) in UNNAMED_HEADS - TITLES:
            kind = "descriptor"  # one New Hampshire Democrat: a description, not a name
        if kind == "pronoun":
            return self.pronoun(mention, pos, exclude=exclude)
        if kind == "name" and self.as_written and " " not in mention and is_bare_plural([mention]):
            return Speaker(mention, UNNAMED)  # Critics (said), Many (worried): a group the text does not name
        if kind == "name":
            found = mention.split()
            owner = max((i for i, w in enumerate(found[:-1]) if w.endswith(("’s", "'s"))), default=None)
            if owner is not None and np_kind(" ".join(found[owner + 1 :])) == "name":
                found = found[owner + 1 :]  # The Post's Ruth Marcus is Ruth Marcus
            if "of" in found[1:]:  # asked Grimwig of Mr. Brownlow: Grimwig, if the cast knows him
                head_title, head_name = split_name(found[: found.index("of")])
                who = self.cast.lookup(head_name, head_title, pos).name if head_name else None
                if who and self.cast.is_person(who):
                    return Speaker(who)
            start = name_start(found) or 0
            title, name = split_name(found[start:])
            if name:
                return self.name(name, [*found[:start], *title], pos)
            surname = self.cast.lookup(found[start:], (), pos).name if len(found) == 1 else None
            if surname and self.cast.is_person(surname) and surname.split()[-1] == found[0]:
                return Speaker(surname)  # a title word that is a person's surname: Billie Jean King
            mention = "the " + mention  # a title alone: "Leader" is "the Leader"
        if kind == "descriptor":
            group = _named_group(mention)
            if group is not None:
                return Speaker(group)
            person = self._person_then_words(mention, pos) or self._epithet(mention, pos)
            if person is not None:
                return Speaker(person)
        if kind in ("name", "descriptor"):
            return self.description(mention, pos, exclude)
        return Speaker(None)

    def _owner(self, words: list[str], pos: int) -> str:
        """Who owns a group or a voice (*Crane’s* campaign, a spokesman for *Crane*): the
        person of the cast the words name, by the name the kit gives them everywhere
        (Anna Crane), else the organisation as written (*the Pentagon*)."""
        owner = _organisation(words)
        title, name = split_name(owner.split())
        who = self.cast.lookup(name, title, pos).name if name else None
        return who if who and self.cast.is_person(who) else owner

    def _person_then_words(self, mention: str, pos: int) -> str | None:
        """The person of the cast whose name starts a mention that goes on in lower
        case: *Trump at the time* (said), *Sanders during a Sunday* (thanked);
        not *Analysts at Berenberg*, whom the cast does not know."""
        m = RUN.match(mention)
        rest = mention[m.end() :].split()[:1] if m else []
        if not rest or rest[0] not in _THEN_WORDS or m.group().endswith(("’s", "'s", "’")):
            return None  # not "Donald Trump’s campaign manager" nor "One news account"
        title, name = split_name(m.group().split())
        if not name or not is_person_name(name):
            return None
        who = self.cast.lookup(name, title, pos).name
        return who if who and self.cast.is_person(who) else None

    def _epithet(self, mention: str, pos: int) -> str | None:
        """A person's name after an article and words that describe them: *an
        angry Hollande*, *A defensive Obama* is Hollande, Obama, when the cast
        knows that name as a person."""
        found = mention.split()
        if len(found) < 3 or found[0].lower() not in ("a", "an", "the") or not found[-1][:1].isupper() \
                or not all(w.islower() and w not in FUNCTION_WORDS and w not in PERSON_HEADS and w not in SOURCE_HEADS
                           and w not in GROUP_HEADS for w in found[1:-1]):
            return None  # not "a story by the website Politco", "the majority of Americans"
        who = self.cast.lookup(found[-1:], (), pos).name
        return who if who and self.cast.is_person(who) else None

    def unnamed(self, found: list[str], pos: int, *, bare: bool = False) -> list[str] | None:
        """An indefinite description of someone the text does not name, as written,
        or None when the words are no such description (*an option*, *a woman
        can run*).

        A determiner (*a*, *one*, *some*, *several*, *one of the*), modifiers,
        and a head that is a person, a group or a source (:data:`UNNAMED_HEADS`:
        *a senior Cruz adviser*, *some Republicans*, *a 2014 committee
        report*), then a short post-modifier, read on in the text where the
        mention stops short of it: *to Trump*, *close to the Clintons*,
        *involved in the planning*, *inside Trump Tower*. The post-modifier
        ends at a comma, a relative clause (*who declined to be named*), a
        participle (*going by the handle ...*) or a verb, and keeps at most
        six words, whole phrases only (*a letter to Facebook from the
        chairman*). ``bare``: a plural with no determiner (*Critics of the
        plan*, *Attorneys for Clinton*).
        """
        n = len(found)
        i = 0 if bare else 1
        if not bare and n > 2 and found[1].lower() == "of":  # one of the aides, some of Trump’s advisers
            i = 2
            if found[2].lower() in DETERMINERS | INDEFINITE | {"these", "those"} or found[2].endswith(("’s", "'s")):
                i = 3
        head = None
        for j in range(i, n):  # the core: words up to a function word; its last head word is the head
            word = found[j]
            if (word.lower() in FUNCTION_WORDS or word.lower() in AUXILIARIES) and not (
                    word in PARTICLES | {"for", "and"} and found[j - 1][:1].isupper() and found[j + 1 : j + 2]
                    and found[j + 1][:1].isupper()):  # (one Club for Growth ad, a Department of Justice official)
                break
            if head_key(word) in UNNAMED_HEADS:
                head = j
            if word[-1:] in ",;:!?" or word.endswith(".") and "." not in word[:-1] and name_key(word) not in _ABBREVIATIONS:
                break  # (a former U.S. law enforcement official goes on)
        if head is None:
            return None
        words = found
        if found[head][-1:] not in ",;:" and " ".join(found) == self.layout.s[pos : pos + len(" ".join(found))]:
            end = pos + len(" ".join(found))
            stop = min(self.layout.sentence_at(pos).end, end + 160)
            words = found + self.layout.masked[end:stop].split()
        k = 0 if found[head][-1:] in ",;:" else _post_modifier(words[head + 1 :], head_key(found[head]))
        if head + 1 + k < n and words[head + 1 + k].lower() in AUXILIARIES:
            return None  # a woman can run for president: a clause, not a description
        taken = words[: head + 1 + k]
        last = taken[-1].rstrip(",;:")
        if last.endswith(".") and "." not in last[:-1] and name_key(last) not in _ABBREVIATIONS:
            last = last[:-1]  # the full stop ends the sentence
        return [*taken[:-1], last]

    # -- names --

    def name(self, name: list[str], title: list[str], pos: int) -> Speaker:
        """A written name: the cast's person, else the name as written (a person or
        an organisation); not a date (*Sunday*), nor one ordinary word that no
        one in the text is called, capitalised because it opens the sentence
        (*About*, *Other*, *Very* in "Very soon the Rabbit noticed Alice"; but
        *Will* is George Will where the text names him)."""
        if is_person_name(name):
            found = self.cast.lookup(name, title, pos)
            if found.name or found.note:
                return Speaker(found.name, found.note)
            if len(name) == 1 and not title and is_sentence_word(name[0]):
                return Speaker(None)
            return Speaker(_organisation(name))  # as written
        if is_organisation(name):
            return Speaker(_organisation(name))
        return Speaker(None)

    # -- pronouns --

    def pronoun(self, pronoun: str, pos: int, *, exclude: frozenset[str] = frozenset()) -> Speaker:
        low = pronoun.lower()
        if low == "i":
            return Speaker(None, NARRATOR)
        gender = PRONOUN_GENDER.get(low)
        if gender is None:
            return Speaker(None, f"“{pronoun}” is not one person")
        who = self.antecedent(gender, pos, exclude=exclude)
        if who is None:
            return Speaker(None, f"no one named before “{pronoun}” fits")
        return Speaker(who)

    def antecedent(self, gender: str, pos: int, *, exclude: frozenset[str] = frozenset()) -> str | None:
        """The person "he" or "she" at ``pos`` refers to.

        The latest person, in this paragraph or the two before it, who was the subject
        of a sentence (in the last four sentences) or the speaker of a quote. That
        person may be one the text only describes, as a man or a woman it does not name:
        the speaker of a quote (*said the little man*), or the subject of the sentence
        just before, in the same paragraph or ending the one before (*The old gentleman
        looked at the house. “You are late,” he said.*); a reader never takes *he* for
        someone named further back.
        Failing that, the latest person named there at all (not one after a preposition
        under a *she* subject: :meth:`_object_of_pronoun`), and then the latest speaker
        of a quote in the six paragraphs before (a dialogue goes on). When none of them
        is one the text shows to be of that gender, the latest person the quotes of
        those six paragraphs address by name who is (*“Mr. Emerson!”* ... *“It has
        happened,” he repeated*: the one spoken to is in the scene), but not one who
        gives his own name (*“Mr. Thaddeus Sholto,” said the little man*). A person the
        text shows to be of the other gender is skipped, and so is ``exclude``. With no
        one in reach at all, the book's protagonist of that gender, if it has one
        (:meth:`~kit.quotes.cast.Cast.protagonist`). And when the text has only just
        begun (no more than six paragraphs before), so that nothing was out of reach,
        the first person of that gender the narration names in the next two paragraphs
        (*“I am sorry,” he said dryly. ... “Lucy chose me,” said Cecil Vyse*): an excerpt that
        opens mid-scene names its people a little later.
        """
        layout, cast = self.layout, self.cast
        here = layout.para_of(pos)
        first = max(0, here - 2)
        window = max(layout.paras[first].start, pos - _REACH)

        def fit(who: str | None, *, spoke_here: bool = False) -> int:
            """2: the text says this person is of that gender; 1: it does not say; 0: no.

            One who ``spoke_here``, earlier in the same paragraph, may be *he*
            or *she* even when the cast does not list them as a person, if their
            name has a capital (*“Two days wrong!” sighed the Hatter. “I told you
            ...,” he added*); further off, such a voice is as often a newspaper
            or a government as a person. So may a character called by *the* and a
            capitalised noun who has spoken before and is the subject of a sentence
            earlier in the paragraph (*The Dormouse slowly opened his eyes. “I
            wasn't asleep,” he said*; :meth:`_is_character`), but not an
            organisation (*the AP asked him ... “...,” he told the AP*)."""
            if not who or who in exclude:
                return 0
            if who.startswith(DESCRIBED):  # the little man: a man, whom the text does not name
                return 2 if gender_of_words(who[1:].split()) == gender else 0
            known = cast.gender(who)
            if known is None and who.startswith(("the ", "The ")):
                known = gender_of_words(who.split()[1:])  # the speaker “the King”: a man
            if known == gender:
                return 2
            return int(known is None and (cast.is_person(who) or spoke_here and who[:1].isupper()))

        best: dict[int, tuple[int, str]] = {}  # by fit: the latest candidate
        for v in self._voices_before(here, pos):  # the speakers of quotes
            if v.end < window:
                break
            if window <= v.mention_pos < pos:
                f = fit(v.speaker, spoke_here=v.para == here)
                if f and f not in best:
                    best[f] = (v.mention_pos, v.speaker)
        looked = 0  # the subjects of the last sentences
        for p in range(here, first - 1, -1):
            for start, end in layout.sentences_before(p, pos):
                if looked == _SENTENCES_BACK:
                    break
                looked += 1
                found = self._subject_of_sentence(start, end)
                if found is None and p >= here - 1 and looked <= _DESCRIBED_BACK:
                    found = self._described_subject(start, end)
                if found and found[0] < pos:
                    f = fit(found[1], spoke_here=p == here and self._is_character(*found))
                    if f and (f not in best or best[f][0] < found[0]):
                        best[f] = found
        if not best:  # nobody was a subject: anyone named in the narration, but not in a
            # comparison (stood behind a tree, like Robinson Crusoe in his ambuscade)
            for at, who in cast.named_before(pos, window):
                f = fit(who) if not _LIKE.search(layout.masked, max(0, at - 8), at) else 0
                if f and _owner_only(layout.masked, at):
                    f = 0  # began to look at Mr. Beebe's books. “...,” he quavered: the books are there, not he
                if f and self._object_of_pronoun(at, gender):
                    f = 0  # She was glad that a visit to Mrs. Vyse fell due. “...,” she whispered
                if f and f not in best:
                    best[f] = (at, who)
        far = max(layout.paras[max(0, here - _TURNS_BACK)].start, pos - _REACH)
        if not best:  # a dialogue runs on: the latest speaker a little further back
            for v in self._voices_before(here, pos):
                if v.end < far:
                    break
                f = fit(v.speaker) if far <= v.mention_pos < pos else 0
                if f:
                    best[f] = (v.mention_pos, v.speaker)
                    break
        if 2 not in best:  # the one a quote just spoke to (“Mr. Emerson!”) is in the scene
            addressed = self._addressed_before(pos, far)
            who = next((w for w in addressed if fit(w) == 2), None)  # the latest who fits, as above
            if who is not None:
                best[2] = (pos, who)
        for f in (2, 1):  # one the text shows to be "he" (or "she") before one it does not
            if f in best:
                return best[f][1]
        # no one in reach at all: a novel's narration follows its protagonist, whom
        # it calls "she" for pages on end (Persuasion's Anne)
        who = cast.protagonist(gender)
        if fit(who) == 2:
            return who
        if here > _TURNS_BACK:
            return None
        # the text opens in the middle of a scene (a passage a teacher cut from a book):
        # nothing before says who "he" is, and a reader reads on to find out
        ahead = layout.paras[min(len(layout.paras) - 1, here + 2)].end
        return next((w for _, w in cast.named_in(pos, ahead) if fit(w) == 2), None)

    def _object_of_pronoun(self, at: int, gender: str) -> bool:
        """Whether the name at ``at`` follows a preposition in a sentence whose subject,
        before it, is "he" or "she" of ``gender`` (*She was glad that a visit to Mrs.
        Vyse now fell due*). That pronoun is someone else: a name is never the
        person of a pronoun that governs it, or the text would say *herself*. The
        next "she" goes on with the sentence's own "she", not with the name. A name
        that is itself a subject (*when Marianne, perceiving ..., observed*) may
        well be the next "she", and is kept."""
        before = self.layout.masked[max(0, at - 12) : at].split()[-1:]
        if not before or before[0].lower() not in PREPOSITIONS:
            return False
        sentence = self.layout.sentence_at(at)
        subject = sentence_subject(self.layout, sentence.start, at)
        return subject is not None and subject[1] < at and PRONOUN_GENDER.get(subject[0].lower()) == gender

    def _addressed_before(self, pos: int, start: int) -> list[str]:
        """The people of the cast that the quotes in ``[start, pos)`` address by name
        (:func:`kit.quotes.dialogue.vocatives`), latest first."""
        regions = self.layout.regions
        found = []
        for i in range(bisect_right(regions, pos, key=lambda r: r.start) - 1, -1, -1):
            r = regions[i]
            if r.end <= start:
                break
            if r.end > pos:
                continue
            if i not in self._addressed:  # (read once: every "he" of a scene asks again)
                # “Mr. Thaddeus Sholto,” said the little man: he gives his own name, and addresses no one
                said = self.layout.s[r.start : r.end]
                self._addressed[i] = [] if only_names(said) and CUE.match(self.layout.masked, r.mark_end + 1) else [
                    who for who in reversed(self.cast.addressed_in(said)) if self.cast.is_person(who)]
            found += self._addressed[i]
        return found

    def _voices_before(self, para: int, pos: int) -> Iterator[Voice]:
        """The voices that may be named before ``pos`` in paragraph ``para``, latest first.

        A quote's speaker is named in its own paragraph, in the paragraph before
        (a lead-in that ends with a colon) or after it, and near its marks: so the
        voices of quotes that start more than two paragraphs later, or more than
        :data:`_REACH` characters after ``pos``, are skipped at once (a binary search
        on the voices, which are in the order of the text), not read back from the
        end of a book, or of a book written as one paragraph, each time."""
        stop = min(bisect_right(self.voices, para + 2, key=lambda v: v.para),
                   bisect_left(self.voices, pos + _REACH, key=lambda v: v.start))
        return (self.voices[i] for i in range(stop - 1, -1, -1))

    def _subject_of_sentence(self, start: int, end: int) -> tuple[int, str] | None:
        """The person who is the subject of the sentence ``[start, end)``, if it is named;
        or, when the narration reports the sentence as someone's (*And Trump, said
        Sunshine, doesn't forgive*: :data:`_INVERTED_REPORT`), the one who reports it."""
        if start not in self._subjects:
            # Resolving the subject may look for a pronoun's antecedent in this very
            # sentence (a subject "her", read as a pronoun): while it is being read,
            # the sentence has no subject, so the search ends instead of going round.
            self._subjects[start] = None
            found = None
            reporter = _INVERTED_REPORT.search(self.layout.masked, start, end)
            if reporter is not None:  # And Trump, said Sunshine, doesn't forgive: Sunshine says so
                who = self.resolve(reporter.group("np"), reporter.start("np")).name
                if who and self.cast.is_person(who):
                    self._subjects[start] = (reporter.start("np"), who)
                    return self._subjects[start]
            subject = sentence_subject(self.layout, start, end)
            words = subject[0].split() if subject else []
            if subject and np_kind(subject[0]) != "pronoun" and not (
                    words[0].lower() in POSSESSIVES and name_key(words[-1]) in SOURCE_HEADS) and not (
                    len(words) == 1 and self.cast.is_common_word(words[0])):
                # ("her account" is her; "Something warned Lucy" is no one, though the text
                # has a Mr. Someone Something: a word it writes in lower case far more often)
                who = self.resolve(*subject).name
                if who:
                    found = (subject[1], who)
            character = _THE_SPEAKER.match(self.layout.masked, start, end) if found is None and subject is None else None
            if character:  # The Dormouse slowly opened his eyes: a character called by a noun, who has spoken
                who = self.resolve(character.group("np"), character.start("np")).name
                if who and not self.cast.is_person(who) and self._has_spoken(who):
                    found = (character.start("np"), who)
            owner = _OWNER_OF_FEATURE.match(self.layout.masked, start, end) if found is None else None
            if owner:  # Mr. Gamfield's countenance brightened, as ... he (said): Gamfield
                who = self.resolve(owner.group("np"), owner.start("np")).name
                if who and self.cast.is_person(who):
                    found = (owner.start("np"), who)
            self._subjects[start] = found
        return self._subjects[start]

    def _is_character(self, at: int, who: str) -> bool:
        """Whether the subject ``who`` at ``at`` is a character the text calls by *the* and a
        capitalised noun (*The Dormouse*), who has spoken before: no organisation (*the AP*)."""
        return self.layout.masked[at : at + 4].lower() == "the " and not is_organisation(who.split()) \
            and self._has_spoken(who)

    def _has_spoken(self, who: str) -> bool:
        """Whether ``who`` is the speaker of a quote read so far."""
        return any(v.speaker == who for v in self.voices)

    def _described_subject(self, start: int, end: int) -> tuple[int, str] | None:
        """The man or woman the sentence ``[start, end)`` is about, when its subject
        describes them and the text does not say who that is (*The gentleman,
        shortly afterwards, addressed himself to her.*), as (where the subject
        starts, :data:`DESCRIBED` + the description), or None."""
        if start not in self._described:
            found = None
            subject = sentence_subject(self.layout, start, end)
            words = re.sub(r"[’']s$", "", subject[0]).split() if subject else []  # the old lady's (cup)
            if 2 <= len(words) <= 4 and words[0].lower() == "the" and gender_of_words(words[-1:]) \
                    and not any(w[:1].isupper() for w in words[1:]) and self.resolve(*subject).name is None:
                found = (subject[1], DESCRIBED + " ".join(words).lower())
            self._described[start] = found
        return self._described[start]

    # -- descriptions --

    def description(self, mention: str, pos: int, addressed: frozenset[str] = frozenset()) -> Speaker:
        """A description: a role the text ties to one person, a document or part of
        an organisation, or a capitalised description that is a name."""
        found = mention.split()
        det = found[0].lower()
        bare = is_bare_plural(found)  # Critics of the plan, Attorneys for Clinton: a plural is indefinite
        unnamed = self.unnamed(found, pos, bare=bare) if self.as_written and (det in INDEFINITE or bare) else None
        if unnamed:  # a person close to the Clintons, one Republican involved in the planning
            found = unnamed
            mention = " ".join(found)
        rest = found[1:] if det in DETERMINERS or det in INDEFINITE else found
        if not rest:  # Another said, Several said: the determiner alone is someone the text does not name
            return Speaker(mention, UNNAMED) if self.as_written and det in INDEFINITE else Speaker(None)
        if det in ("his", "her") and name_key(rest[-1]) in SOURCE_HEADS:
            return self.pronoun(det, pos)  # her Twitter account posted: she did
        owner = self._kin_owner(mention, pos, addressed)
        if owner is not None:  # her mother: the one Mrs. of her family
            gender, married = KIN[name_key(rest[0])]
            kin = self.cast.relatives(owner, gender, married=married)
            if len(kin) > 1 and name_key(rest[0]) in ("husband", "wife"):
                kin = _by_married_name(owner, kin) or kin
            if len(kin) > 1:  # her mother, when the family has two Mrs. Dashwoods: the one in the scene
                kin = self._in_scene(kin, pos) or kin
            if len(kin) == 1:
                return Speaker(kin[0])
            parent = self._kin_of(owner, name_key(rest[0]), pos) if not kin else None
            if parent is not None:
                return Speaker(parent)
            if kin:
                return Speaker(None, f"{mention} could be {' or '.join(kin[:3])}")  # as a role's holders
        for i, w in enumerate(rest):  # the ministry's spokesman: the part before 's
            if w.endswith(("’s", "'s", "s’")) and i + 1 < len(rest):
                owner, thing = rest[: i + 1], rest[i + 1 :]
                if name_key(thing[-1]) in GROUP_HEADS and owner[0][:1].isupper():
                    return Speaker(self._owner(owner, pos))  # Clinton's campaign
                if name_key(thing[-1]) in GROUP_HEADS and det == "the":
                    held = self.roles.holder("the " + _organisation(owner), pos)
                    if held.name:  # the governor's office: the governor's, when the text ties the role to one person
                        return Speaker(held.name)
                if np_kind(" ".join(thing)) == "name":
                    return self.resolve(" ".join(thing), pos)  # The Post's Ruth Marcus
                if role_word(name_key(thing[-1])) not in PERSON_HEADS and owner[0][:1].isupper():
                    title, name = split_name([*owner[:-1], _organisation(owner[-1:])])
                    who = self.cast.lookup(name, title, pos).name if name else None
                    if who and self.cast.is_person(who):
                        return Speaker(who)  # Axelrod’s memoir: a person's own writing (not Glenmore’s treasurer)
                break
        head = name_key(rest[-1])
        if rest[0][:1].isupper() and all(w[:1].isupper() or w in PARTICLES or w in ("for", "and") for w in rest) \
                and (name_key(rest[0]) not in PERSON_HEADS or len(rest) > 1 and head in GROUP_HEADS) and not unnamed:
            # the Office for National Statistics, the Post; the State Department (a role word, "State",
            # then the head of a group's name: the whole name, not "State")
            return Speaker(self._named(found, pos))
        cut = next((i for i, w in enumerate(rest) if w.lower() in ("of", "for", "at", "from") and i > 0), None)
        if cut is not None:  # a statement from the White House, the chief executive of Acme
            owner = rest[cut + 1 :]
            if name_key(rest[cut - 1]) in GROUP_HEADS and owner and owner[-1][:1].isupper():
                return Speaker(self._owner(owner, pos))
            head = name_key(rest[cut - 1])
        if head in VOICES:  # a White House spokesman, a spokeswoman for the Pentagon, Clinton's spokesman
            owner = [w for w in (rest[cut + 1 :] if cut is not None else rest[:-1]) if w[:1].isupper()]
            if owner:
                title, name = split_name(owner)
                who = " ".join(name) if title and name else self._owner(owner, pos)  # Mayor Ines Calder’s: Ines Calder
                return Speaker(who, f"{who}, through “{mention}”: the text does not name the person who spoke")
        if unnamed:
            return Speaker(mention, UNNAMED)
        proper = all(w[:1].isupper() or w in PARTICLES for w in rest)
        if head in SOURCE_HEADS or head in GROUP_HEADS:
            capitals = [w for w in rest[:-1] if w[:1].isupper()]
            if capitals and det not in INDEFINITE:  # the IMF report
                return Speaker(_organisation(capitals))
            return Speaker(None, f"{mention} names no one")
        if det in INDEFINITE:
            return Speaker(None, f"“{mention}” is someone the text does not name")
        age = next((m.group(1) for m in map(AGE.fullmatch, (w.lower() for w in rest)) if m), None)
        if age:
            who = self.roles.aged(age, pos)
            return Speaker(who, None if who else f"no one in the text is {age}")
        if proper and head not in PERSON_HEADS:
            return Speaker(self._named(found, pos))  # the White House, the Hatter
        if head not in PERSON_HEADS and role_word(head) not in PERSON_HEADS:
            return Speaker(self.roles.appositive_holder(rest[-1]) if det == "the" else None)
        holder = self.roles.holder(mention, pos)
        if holder.name is None and proper and holder.note and holder.note.startswith("no one"):
            return Speaker(_organisation(rest, keep_the=True))  # the Queen, the King
        return holder

    def _kin_owner(self, mention: str, pos: int, addressed: Collection[str] = ()) -> str | None:
        """Whose relative a mention such as *her mother* or *his father* at ``pos``
        is: the one person of the pronoun's gender that its quote addresses
        (*“Lucy,” said her mother*), else the one the pronoun stands for, read
        from before the mention's sentence (whose subject the mention may be);
        None for any other mention."""
        found = mention.split()
        if len(found) != 2 or found[0].lower() not in ("his", "her") or name_key(found[1]) not in KIN:
            return None
        det = found[0].lower()
        gender = PRONOUN_GENDER[det]
        fits = [who for who in addressed if self.cast.gender(who) == gender] or \
            [who for who in addressed if self.cast.gender(who) is None and self._kin_named(who, pos)[1] == gender]
        return fits[0] if len(fits) == 1 else self.pronoun(det, self.layout.sentence_start(pos)).name

    def _in_scene(self, people: list[str], pos: int) -> list[str]:
        """Those of ``people`` the scene before ``pos`` has in it: named in its
        narration or the speaker of one of its quotes, in the paragraph of ``pos``
        and the :data:`_TURNS_BACK` before it. Of a family's two married women
        (*Mrs. Dashwood*, *Mrs. John Dashwood*), *her mother* is the one there."""
        here = self.layout.para_of(pos)
        start = self.layout.paras[max(0, here - _TURNS_BACK)].start
        seen = {who for _, who in self.cast.named_before(pos, start)}
        for v in self._voices_before(here, pos):  # (latest first)
            if v.end < start:
                break
            if start <= v.mention_pos < pos and v.speaker:
                seen.add(v.speaker)
        return [who for who in people if who in seen]

    def _kin_named(self, who: str, pos: int) -> tuple[re.Match | None, str | None]:
        """Where the narration before ``pos`` names ``who`` as a relative (*Her daughter
        Nell*, *his son, Tom,*), and the gender that relative's noun says."""
        if self._kin_mentions is None:
            self._kin_mentions = {}
            for found in _KIN_BEFORE_NAME.finditer(self.layout.masked):
                self._kin_mentions.setdefault(found.group("name"), []).append(found)
        before = [found for found in self._kin_mentions.get(who.split()[0], ()) if found.start() < pos]
        m = before[-1] if before else None  # (the latest)
        return m, gender_of_words([m.group("noun")]) if m else None

    def _kin_of(self, owner: str, kin: str, pos: int) -> str | None:
        """The ``kin`` (*mother*) of ``owner`` (Nell) when the narration before ``pos``
        names the owner as the relative of a *he* or *she* (*Her daughter Nell was
        sewing*: the woman "she" is there), and that person is of the kin's gender."""
        m, _ = self._kin_named(owner, pos)
        if m is None or name_key(m.group("noun")) not in _INVERSE_KIN.get(kin, ()):
            return None
        who = self.pronoun("he" if m.group("det").lower() == "his" else "she", m.start()).name
        fits = who and who != owner and self.cast.gender(who) == KIN[kin][0] and self.cast.is_person(who)
        return who if fits else None

    def _named(self, found: list[str], pos: int) -> str:
        """A description that is a name (*the Post*, *The Hill*): as written, without
        "the", unless the text writes "The" inside a sentence as part of the name."""
        if found[0] == "The" and not self.layout.starts_sentence(pos):
            return " ".join(found)
        return _organisation(found)

def _post_modifier(words: list[str], head: str) -> int:
    """How many of ``words`` (those after the head of an unnamed speaker) are its
    post-modifier: a phrase that opens with a preposition (*to Trump*, *inside
    Trump Tower*), or with an adjective or a participle and a preposition
    (*close to the Clintons*, *filed by the state attorney*); 0 if none.

    >>> _post_modifier("close to the Clintons. “That’s".split(), "person")
    4
    >>> _post_modifier("to reporters on Monday".split(), "aide"), _post_modifier("to Trump, who".split(), "adviser")
    (0, 2)
    >>> _post_modifier("from Hanover going by the handle Pulvermann.".split(), "user")
    2
    >>> _post_modifier("on Monday.".split(), "official"), _post_modifier("to Trump in a statement.".split(), "aide")
    (0, 2)
    """
    if not words:
        return 0
    first = words[0].lower()
    if first in POST_PREPOSITIONS or first == "by" and head not in PERSON_HEADS:  # a story by the website
        heard = [w for w in words[1:3] if w.lower() != "the"][:1]
        if first == "to" and (head not in TO_HEADS or heard and name_key(heard[0]) in _AUDIENCES):
            return 0  # said a spokesman to the paper, said an aide to reporters: whom it was said to
        start = 0
    elif first in POST_ADJECTIVES and len(words) > 2 and words[1].lower() in POST_PREPOSITIONS \
            or first.endswith("ed") and first.isalpha() and words[1:2] == ["by"] and len(words) > 2 \
            and not words[2].endswith("ing"):  # owned by Adelson, not "responded by saying"
        start = 1
    else:
        return 0
    taken: list[str] = []
    for n, word in enumerate(words):
        bare = word.lower().rstrip(",;:.!?")
        if MASK in word or any(c in word for c in "“”\"«»()[]—–") or not bare:
            break
        after_article = n > 0 and (words[n - 1].lower() in FUNCTION_WORDS or words[n - 1].endswith(("’s", "'s")))
        if n > start + 1 and not after_article and word[:1].islower() and (
                bare in _RELATIVES or bare in AUXILIARIES or bare in ADVERBS
                or bare.isalpha() and bare.endswith(("ing", "ed")) and len(bare) > 4
                or _is_verb(bare)):
            break  # who declined, going by, tried to, said, calls for
        taken.append(word)
        if word[-1:] in ",;:!?" or word.endswith(".") and name_key(word) not in _ABBREVIATIONS:
            break
    starts = [n for n, w in enumerate(taken) if n >= start and w.lower() in POST_PREPOSITIONS | {"by"}]
    for at, to in zip(starts, [*starts[1:], len(taken)]):  # not when or where it was said: on Monday, in a statement
        objects = [name_key(w) for w in taken[at + 1 : to] if w.lower() not in FUNCTION_WORDS]
        if any(w in _TIMES for w in objects) or taken[at].lower() in ("in", "on", "by", "during") and objects \
                and head_key(objects[-1]) in _MEDIA:
            taken = taken[:at]
            starts = [n for n in starts if n < at]
            break

    def trim(cut: int) -> int:  # no function word at the end: (workers) and
        while cut > start and taken[cut - 1].lower().rstrip(",;:.") in FUNCTION_WORDS:
            cut -= 1
        return cut

    cut = trim(len(taken))
    while cut > start + _POST_WORDS:  # whole phrases only: to Facebook | from the chairman | of the ...
        cut = trim(max((n for n in starts if n < cut), default=0))
    return cut if cut > start + 1 else 0


def _is_verb(word: str) -> bool:
    """Whether one lower-case word is a verb that reports or attributes words: a
    reporting verb (*said*, *told*, *writes*) or, in the present tense, an
    attributing one (*calls*, *insists*)."""
    return bool(CUE.fullmatch(word)) or word.endswith("s") and (
        word in ("calls", "uses") or bool(ATTRIBUTING.fullmatch(word)))


def _named_group(mention: str) -> str | None:
    """The name of a group or publication that a description gives right after
    its head word: *the news agency Reuters*, *the Israeli newspaper Haaretz*,
    *the advocacy group Common Cause*. The text itself ties the words to the
    name, so this is no guess; None for any other description.

    >>> _named_group("The Israeli newspaper Haaretz"), _named_group("the news agency Reuters")
    ('Haaretz', 'Reuters')
    >>> _named_group("the newspaper"), _named_group("a story by the website Politico")
    (None, None)
    """
    found = mention.split()
    tail = len(found)
    while tail > 0 and found[tail - 1][:1].isupper():
        tail -= 1
    if found[0].lower() not in DETERMINERS or tail < 2 or tail == len(found) or found[tail - 1] not in GROUP_HEADS:
        return None
    if any(w.lower() in FUNCTION_WORDS or w.endswith(("’s", "'s")) for w in found[1 : tail - 1]):
        return None  # not "a story by the website Politico", "the party's newspaper Pravda"
    return _organisation(found[tail:])


def _organisation(found: list[str] | tuple[str, ...], *, keep_the: bool = False) -> str:
    """An organisation's name as written, without a leading "the" and a
    possessive: ["the", "World", "Health", "Organization"] -> "World Health
    Organization". A description that is a name of its own keeps its "the"
    (``keep_the``): the Queen."""
    found = [w for w in found]
    if found and found[0].lower() == "the":
        found = found[1:]
    if found:
        last = found[-1]
        for ending in ("’s", "'s", "’"):
            if last.endswith(ending):
                found[-1] = last[: -len(ending)]
                break
        if last.endswith(".") and "." not in last[:-1] and name_key(last) not in _ABBREVIATIONS:
            found[-1] = last[:-1]  # [WaPo.]: the full stop ends a sentence, not the name
    name = " ".join(found)
    return f"the {name}" if keep_the else name
