"""The cast: the people a text names, built from the text itself.

Every run of capitalised words is read as a title and a name (*Belarusian
President* + *Alexander Lukashenko*, *Mr.* + *Darcy*: :mod:`kit.quotes.runs`).

* A name written in full (two or more name words) is a person, unless the
  text mostly writes it after *the* or a place preposition (*at Windy
  Corner*, *in Northern Italy*): then it is a place or a thing. A full name
  that ends in a word for a place (*Saffron Hill*, *Hyde Park*: see
  :data:`~kit.quotes.names.PLACE_ENDS`) is a place too, unless the text
  treats it as a person's, as below, gives it *he* or *she*, or writes its
  last word alone as a name (*Richard Cross* ... *Cross said*).
* A shorter form is matched to the one full name it is a part of
  (*Lukashenko* → *Alexander Lukashenko*). With a courtesy title it must fit
  that title: when a family shares a surname, *Mrs. Honeychurch* is the
  person the text writes as *Mrs. ... Honeychurch*, else a person of her own;
  *Mr. Bounderby* is the one man of the family (*Josiah Bounderby*) when the
  others show no gender. A surname alone is the one full name that ends
  with it, unless that is a woman's (*Miss Josephine Sleary*) and the
  narration shows the bare surname to be a man's (*said Sleary, shaking his
  head*): then it is the family's one *Mr.* (*Mr. Sleary*, her father); and
  the same the other way round.
* A surname alone and the same surname after its one courtesy title are one
  person (*Giles*, *Mr. Giles*), unless the text writes it with titles of both
  genders (*Mr.* and *Mrs. Bumble*) or with a title of office (*Admiral
  Croft*, who is not *Mrs Croft*).
* A name the text never writes in full is a person when the text treats it
  as one: with a title (*Mrs. Hudson*), next to a reporting verb (*said
  Alice*) or before a gesture (*Holmes smiled*), addressed by name in a
  quotation (*“Lucy, come here.”*), with a role in apposition (*her
  husband, Carlos*), or going on as *he* or *she* (*Pell came. He ...*;
  see gender below). Otherwise it is a place or a
  thing (*Florence*, *Iran*), as is a word the text mostly writes after *of*
  (*the streets of Coketown*). A word capitalised only at the start of a
  sentence or right after an opening quotation mark, and written far more
  often in lower case, is no name (*“Come, ...”*). The plural of a word the
  text uses as a common noun is a people, not a person (*Italians*, where it
  writes *the Italian*).

A person's **gender** is learned from the text, never from a list of first
names: from the titles written with the name (*Mr*, *Mrs*, *Lady*), and else
from what :mod:`kit.quotes.gender` reads where the narration names them: a role
in apposition (*her husband, Carlos*), and the pronoun that goes on with the
name when it is the subject of its sentence (*Holmes rose. He ...*).

>>> text = ("Mr. Sherlock Holmes was seated at the table. Holmes looked up, and he smiled. "
...         "Miss Morstan entered the room. She bowed.")
>>> for c in characters(text):
...     print(c)
Character(name='Sherlock Holmes', titles=('Mr.',), short_forms=('Holmes', 'Mr. Sherlock Holmes'), gender='m', mentions=2)
Character(name='Miss Morstan', titles=('Miss',), short_forms=('Morstan',), gender='f', mentions=1)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import NamedTuple

from kit.quotes.cues import CUE
from kit.quotes.dialogue import vocatives
from kit.quotes.gender import apposed_role, read_votes
from kit.quotes.layout import Layout
from kit.quotes.marks import find_regions
from kit.quotes.names import (
    PERSON_GESTURES,
    PERSON_HEADS,
    PLACE_ENDS,
    TITLES,
    gender_of_words,
    name_key,
)
from kit.quotes.runs import (
    COURTESY,
    Run,
    addressed_at,
    gender_of_title,
    proper_words,
    read_name,
    read_runs,
    title_key,
)
from kit.segment import paragraph_spans
from kit.texts import TextLike, as_text, line_ends_in_place

__all__ = ["Cast", "Character", "Lookup", "characters"]

_PROTAGONIST_MENTIONS = 50  # a protagonist is named this often at least: a book's, not an article's
class Character(NamedTuple):
    """One person of a text, as the text names them."""

    name: str
    """The fullest name the text gives, without titles of office or courtesy
    (*Mr.*, *President*) but with honorifics (*Sir*, *Ayatollah*). A person
    the text names only by a courtesy title and a surname keeps the title
    (*Mrs. Honeychurch*): the surname alone would not tell a family apart."""
    titles: tuple[str, ...]
    """The titles the text writes with the name (*Mr.*, *Prime Minister*), most used first."""
    short_forms: tuple[str, ...]
    """The other ways the text names the person (*Darcy*, *Mr. Darcy*), most used first."""
    gender: str | None
    """"m" or "f" when the text says so (a title, or *he*/*she* after the name), else None."""
    mentions: int
    """How often the text names the person, quotations included."""


class Lookup(NamedTuple):
    """What a name in the text refers to: a person of the cast, or why not."""

    name: str | None
    """The person's fullest name, or None."""
    note: str | None = None
    """Why there is no name (two people fit), or None."""


class _Person:
    """A person while the cast is built: their name forms and what the text says of them."""

    __slots__ = ("key", "forms", "titled", "titles", "title_keys", "gender_votes", "title_gender",
                 "positions", "full_positions", "evidence", "against", "first_alone", "unread", "layout", "runs")

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key  # (first, last) name words of a full name, or (title, word) of a short one
        self.forms: dict[tuple[str, ...], int] = {}  # the name as written, without titles
        self.titled: dict[str, int] = {}  # the name with the title right before it: Mr. Darcy
        self.titles: dict[str, int] = {}  # title phrases: Prime Minister, Mr.
        self.title_keys: set[str] = set()  # courtesy titles: mr, mrs
        self.gender_votes = {"m": 0, "f": 0}
        self.title_gender = {"m": 0, "f": 0}
        self.positions: list[int] = []
        self.full_positions: list[int] = []  # where the text writes the name in full
        self.evidence = 0
        self.against = 0
        self.first_alone = 0  # how often the text calls a full-name person by the first name alone
        self.unread: list[Run] = []  # mentions in the narration not yet read for the gender
        self.runs: list[Run] = []  # mentions to read for evidence that this is a person
        self.layout: Layout | None = None  # the text they are in

    @property
    def gender(self) -> str | None:
        """The gender the text gives this person; read from the text when first asked."""
        m, f = self.title_gender["m"], self.title_gender["f"]
        if m or f:
            return ("m" if m > f else "f") if max(m, f) >= 3 * min(m, f) else None
        if self.unread:
            self._read_gender()
        return _voted_gender(self.gender_votes)

    def _read_gender(self) -> None:
        """Read the mentions not yet read for votes on the gender (:func:`kit.quotes.gender.read_votes`)."""
        read_votes(self.layout, ((run.start, run.end) for run in self.unread), self.gender_votes)
        self.unread = []


def _voted_gender(votes: dict[str, int]) -> str | None:
    """The gender the votes read from the narration give (:func:`kit.quotes.gender.read_votes`):
    one vote is enough when none goes against it, however often the text names
    the person (in a novel, the hero of a hundred mentions may be followed by
    "he" only once or twice); else three times as many votes, and three at least."""
    m, f = votes["m"], votes["f"]
    if max(m, f) >= 1 and min(m, f) == 0 or max(m, f) >= 3 * min(m, f) >= 3:
        return "m" if m > f else "f"
    return None


def _full_key(run: Run) -> tuple[str, str]:
    """What tells full names apart: the first and last name words."""
    return name_key(run.proper[0]), name_key(run.proper[-1])


_RANK_SPELLINGS = {"doctor": "dr", "colonel": "col", "captain": "capt", "major": "maj", "general": "gen",
                   "sergeant": "sgt", "professor": "prof", "admiral": "adm", "lieutenant": "lt", "reverend": "rev"}


def _rank(word: str) -> str | None:
    """The rank a title word names, one way however it is written (*Colonel*, *Col.*: col), or
    None for a word that is no rank: a courtesy title (*Mr.*, *Sir*) is everyone's, so a
    quotation that calls out *Sir!* names no one."""
    key = word.rstrip(".").lower()
    key = _RANK_SPELLINGS.get(key, key)
    return key if key in TITLES and (key == "dr" or key not in COURTESY) else None  # (a doctor is called "Doctor")


_RELATIVES = frozenset("""mother father wife husband brother sister son daughter aunt uncle niece nephew cousin
    grandmother grandfather stepmother stepfather""".split())
"""The nouns of a relative (*Mrs. Hale, her aunt*): one of a family, set apart from the
family's other members."""


def _one_titled(people: list[_Person], title: list[str] | tuple[str, ...]) -> _Person | None:
    """Of several people a name may be, the one the text writes with ``title`` (*Admiral
    Croft*, not Mrs Croft; *Princess Mary*, not Mary Bogdánovna), if only one."""
    titled = [p for p in people if title and " ".join(title) in p.titles]
    return titled[0] if len(titled) == 1 else None


class Cast:
    """The people of one text, with every place the text names them.

    Built once per text (one pass of the name pattern over it) and asked by
    the attribution: who a name is (:meth:`lookup`), a person's gender
    (:meth:`gender`), who is named near a place (:meth:`named_before`).
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._full: dict[tuple[str, str], _Person] = {}
        self._by_word: dict[str, list[_Person]] = {}  # full names by first and last word
        self._links: dict[tuple[str, str], _Person] = {}  # (courtesy title, word) of a full name: Mr. ... Darcy
        self._single: dict[tuple[str, str], _Person] = {}  # (courtesy title or "", word)
        self._single_by_word: dict[str, list[_Person]] = {}
        self._names: dict[int, str] = {}
        found = read_runs(layout)
        runs, self._hidden, self._capitals = found.runs, found.hidden, found.capitals
        # Words the text writes alone after "the" or "a" at least a third of the
        # time, and never with a courtesy title, are common words (the Italian),
        # not surnames.
        alone, after_the, titled = Counter(), Counter(), set()
        for run in runs:
            if len(run.proper) == 1:
                word = name_key(run.proper[0])
                alone[word] += 1
                after_the[word] += run.against
                if run.courtesy:
                    titled.add(word)
        self._common = {w for w, n in alone.items() if n >= 3 and 3 * after_the[w] >= n and w not in titled}
        self._alone = {w for w, n in alone.items() if n > after_the[w]}  # written alone, not after "the": Cross said
        mentions: list[tuple[Run, _Person]] = []
        # The courtesy titles the text writes with each bare surname: with both
        # Mr. Palmer and Mrs. Palmer, a surname is a family's (_surname_genders);
        # with both Mrs. Hale and Miss Hale, two women's.
        self._surname_courtesies: dict[str, set[str]] = {}
        # Surnames written with a courtesy title and a relative's noun beside them
        # (Mrs. Hale, her aunt): a relative of the family, not its one full name;
        # and the Mr. and Mrs. of a family whose full name has one (Nell Gray, her daughter).
        self._relatives: set[tuple[str, str]] = set()
        for run in runs:
            surname_only = len(run.proper) == 1 and run.courtesy  # Mrs. Hale
            if surname_only:
                self._surname_courtesies.setdefault(name_key(run.proper[0]), set()).add(run.courtesy)
            if run.narration and (surname_only or len(run.proper) >= 2 and not run.courtesy) \
                    and name_key(apposed_role(layout.masked, run.start, run.end) or "") in _RELATIVES:
                # Mrs. Hale, her aunt: that Mrs. Hale; Nell Gray, her daughter: someone's
                # child or sister, so the family's Mr. and Mrs. Gray are others (her mother)
                surname = name_key(run.proper[-1])
                courtesies = [run.courtesy] if surname_only else ["mr", "mrs"]
                self._relatives.update((courtesy, surname) for courtesy in courtesies)
        # First names the text writes after Miss (Miss Anne): a younger sister's,
        # so Miss and the surname alone (Miss Elliot) is her elder sister.
        self._miss_first = {name_key(r.proper[0]) for r in runs if len(r.proper) == 1 and r.courtesy == "miss"}
        # "Mrs. Henry Dashwood", when the text also writes Mr. Henry Dashwood (or calls
        # Henry Dashwood "he"), is his wife.
        husbands = {_full_key(r) for r in runs if len(r.proper) >= 2 and gender_of_words([r.courtesy or ""]) == "m"}
        husbands |= self._called_he(runs, husbands)
        # 1. names written in full are people, when the text treats them as people
        for run in runs:
            if len(run.proper) >= 2:
                key = _full_key(run)
                if run.courtesy == "mrs" and key in husbands:
                    key = ("mrs " + key[0], key[1])
                person = self._full.setdefault(key, _Person(key))
                self._count(person, run)
                mentions.append((run, person))
                if run.courtesy:
                    person.title_keys.add(run.courtesy)
        self._learn_genders(mentions)
        self._full = {k: p for k, p in self._full.items() if self._is_person(p)}
        # A full name written once whose last word is the first name of someone written in
        # full more often is two names side by side: "With Mrs. Allan Anne fell in love" is
        # Mrs. Allan, then Anne (Shirley); not a Mrs. Allan Anne
        firsts = {k[0] for k, p in self._full.items() if len(p.full_positions) > 1}
        self._full = {k: p for k, p in self._full.items() if len(p.full_positions) > 1 or k[1] not in firsts}
        mentions = [(r, p) for r, p in mentions if self._full.get(p.key) is p]
        links: dict[tuple[str, str], list[_Person]] = {}
        # A full name the text writes only inside quotations, as one addressed
        # (“Old Lady Mary Maclean?”), with a surname the narration never uses,
        # is a person, but the narration's own "Mary" is not hers: Persuasion's
        # Mary is Mary Musgrove. (Freddy Honeychurch, named in full only in a
        # quotation, is of the narration's Honeychurch family; the Abdullah Khan
        # of a story told in quotation marks keeps the story's "Abdullah".)
        narrated = {id(p) for r, p in mentions if r.narration}
        narration_words = {name_key(w) for r in runs if r.narration for w in r.proper}
        for key, person in self._full.items():
            if id(person) not in narrated and key[1] not in narration_words and key[0] in narration_words:
                continue
            for word in {key[1]} if key[0].startswith("mrs ") else {key[0], key[1]}:
                self._by_word.setdefault(word, []).append(person)
            if key[0].startswith("mrs "):
                continue  # Mrs Charles Musgrove is named so to tell her from the Mrs Musgrove: no link
            for title in person.title_keys:
                for word in key:
                    links.setdefault((title, word), []).append(person)
        self._links = {k: ps[0] for k, ps in links.items() if len(ps) == 1}  # Mr. Darcy: the one Mr. ... Darcy
        # the surnames written alone in the narration, read for their gender when a family's
        # one full name is of the other gender (_bare_surname)
        self._bare_runs: dict[str, list[Run]] = {}
        for run in runs:
            if len(run.name) == 1 and not run.title and run.narration:
                self._bare_runs.setdefault(name_key(run.name[0]), []).append(run)
        self._bare_genders: dict[str, str | None] = {}
        # 2. short names, matched to a full name or people of their own: first
        #    those without a courtesy title, so that what the text says of each
        #    person's gender is known before "Mrs. Honeychurch" is matched
        short = [r for r in runs if len(r.proper) == 1]
        for stage in (False, True):
            found = []
            for run in short:
                if bool(run.courtesy) == stage:
                    person = self._match(run.proper, run.title, create=True, name=run.name)
                    if isinstance(person, _Person):
                        self._count(person, run)
                        found.append((run, person))
            self._learn_genders(found)
            mentions += found
        # 2b. a first name and a courtesy title with a surname that the text
        #     writes together only in quotations or headings are one person
        remap = self._join_hidden()
        # 2c. a surname alone and the same surname with its one courtesy title
        #     (Giles, Mr. Giles) are one person
        remap.update(self._join_titled())
        if remap:
            mentions = [(r, remap.get(id(p), p)) for r, p in mentions]
        # 3. short names the text does not treat as people are places or things
        # (a word capitalised only where a sentence starts must speak, make a gesture or
        # carry a title to be a name: a short scene may write "Holmes", or "Colonel
        # Brandon", only there)
        self._single = {k: p for k, p in self._single.items() if self._is_person(p)
                        and (k[0] or p.titles or self._capitals.inside[max(p.forms, key=p.forms.get)[0]]
                             or self._acts(p))}
        keep = {id(p) for p in self._people()}
        self._single_by_word = {w: [p for p in ps if id(p) in keep] for w, ps in self._single_by_word.items()}
        mentions.sort(key=lambda m: m[0].start)
        self._mentions = [(r.start, r.end, p) for r, p in mentions if r.narration and id(p) in keep]
        self._mention_starts = [m[0] for m in self._mentions]
        self._display_index = {self._display(p): p for p in self._people()}
        self._protagonists: dict[str, str | None] = {}
        self._rank_holders: dict[str, str | None] = {}

    def _surname_genders(self, word: str) -> set[str]:
        """The genders of the courtesy titles the text writes with a bare surname
        (``""`` for a title of no gender, such as *Dr.*)."""
        return {gender_of_words([courtesy]) or "" for courtesy in self._surname_courtesies.get(word, ())}

    def _called_he(self, runs: list[Run], husbands: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """The full names the text writes after *Mrs.* and also, with no title, as a
        man's: the narration's pronouns say so (*Charles Musgrove ... he*). A
        married woman is called by her husband's full name (*Mrs Charles
        Musgrove*), so "Mrs." and that name are his wife, not him."""
        wives = {_full_key(r) for r in runs if len(r.proper) >= 2 and r.courtesy == "mrs"} - husbands
        plain: dict[tuple[str, str], list[Run]] = {}
        for r in runs:
            if len(r.proper) >= 2 and not r.courtesy and r.narration and _full_key(r) in wives:
                plain.setdefault(_full_key(r), []).append(r)
        found = set()
        for key, named in plain.items():
            votes = Counter()
            read_votes(self.layout, ((r.start, r.end) for r in named), votes)
            if _voted_gender(votes) == "m":
                found.add(key)
        return found

    # -- reading the names --

    def _evidence(self, run: Run) -> bool:
        """Whether the text treats the name at ``run`` as a person's: a title, a
        reporting verb or a gesture next to it (*Holmes smiled*), addressed by
        name, a role or an age in apposition."""
        if run.evidence:
            return True
        s, masked = self.layout.s, self.layout.masked
        if self._at_cue(run.start, run.end) or (not run.narration and addressed_at(s, run.start, run.end)):
            return True
        if self._gesture_after(run):
            return True
        apposed = apposed_role(masked, run.start, run.end)
        return apposed is not None and (apposed.isdigit() or name_key(apposed) in PERSON_HEADS)

    def _gesture_after(self, run: Run) -> bool:
        """Whether a gesture follows the name (*Holmes smiled*, :data:`~kit.quotes.names.PERSON_GESTURES`)."""
        after = self.layout.masked[run.end : run.end + 14]
        words = after[1:].split(None, 1)  # none when only spaces follow the name
        return after[:1] == " " and bool(words) and words[0].rstrip(",.;:") in PERSON_GESTURES

    def _acts(self, person: _Person) -> bool:
        """Whether the text writes ``person`` as the one who speaks or makes a gesture
        (*Holmes said*, *Holmes smiled*), where a place or a thing never stands."""
        return any(self._at_cue(run.start, run.end) or self._gesture_after(run) for run in person.runs)

    def _at_cue(self, start: int, end: int) -> bool:
        """Whether a reporting verb stands right before or after the name (said Alice, Alice said)."""
        masked = self.layout.masked
        after = CUE.match(masked, end + 1) if masked[end : end + 1] == " " else None
        if after:
            return True
        left = masked[max(0, start - 16) : start]
        return any(m.end() == len(left.rstrip()) for m in CUE.finditer(left.rstrip()))

    # -- matching a name to a person --

    def _match(self, proper: tuple[str, ...], title: tuple[str, ...], *, create: bool = False,
               name: tuple[str, ...] = ()) -> _Person | list[_Person] | None:
        """The person the name words ``proper`` (after ``title``; ``name`` as written,
        with an honorific: Sir John) are, a list when several fit, or None. With
        ``create``, a short name no one has becomes a person."""
        if len(proper) >= 2:
            key = (name_key(proper[0]), name_key(proper[-1]))
            if title_key(title) == "mrs" and ("mrs " + key[0], key[1]) in self._full:
                return self._full[("mrs " + key[0], key[1])]
            return self._full.get(key)
        word = name_key(proper[0])
        courtesy = title_key(title) or (title_key(name[:1]) if name else None)
        if courtesy:
            linked = self._links.get((courtesy, word))
            if linked is not None and not self._younger_sister(linked, courtesy, word):
                return linked
            family = [p for p in self._by_word.get(word, ()) if p.key[1] == word
                      and not self._younger_sister(p, courtesy, word)]
            # With both Mrs. Hale and Miss Hale written, they are two women (an aunt, a
            # niece), and the one full name (Clara Hale) tells neither which she is.
            two_women = courtesy == "mrs" and "miss" in self._surname_courtesies.get(word, ())
            # (nor is the full name a Mrs. Hale whom the text calls someone's aunt)
            if len(family) == 1 and (courtesy in family[0].title_keys or not family[0].title_keys and not two_women
                                     and (courtesy, word) not in self._relatives
                                     and (family[0].gender == gender_of_words([courtesy]) is not None
                                          or family[0].gender is None and not family[0].first_alone
                                          and len(self._surname_genders(word)) < 2)):
                # Mr. Trump is Donald J. Trump, the one Trump of the text; but Mr.
                # Beebe is not Minnie Beebe, whom the text calls Minnie, and Mrs.
                # Palmer is not Thomas Palmer when the text also has a Mr. Palmer.
                return family[0]
            men = [p for p in family if p.gender == "m"]
            others = [p for p in family if p not in men]
            if courtesy == "mr" and len(men) == 1 and others and all(p.gender is None for p in others) \
                    and ("mr" in men[0].title_keys or not men[0].title_keys):
                # Mr. Bounderby is Josiah Bounderby, the one man of that surname
                # (his wife, Loo Bounderby, is of no gender the text shows)
                return men[0]
            named = [p for p in self._by_word.get(word, ()) if p.key[0] == word != p.key[1]]
            if not family and len(named) == 1 and courtesy in ("miss", "mr", "master"):
                return named[0]  # Miss Marianne is Marianne Dashwood, by her first name
            key = (courtesy, word)
        else:
            full = self._by_word.get(word, [])
            titled = _one_titled(full, title) if len(full) > 1 else None
            if titled is not None:
                return titled  # Princess Mary is Princess Mary Bolkónskaya, not Mary Bogdánovna
            if len(full) > 1:
                # A full name written once may be two names side by side ("With
                # Mrs. Allan Anne fell in love"): the one written more often wins.
                full = [p for p in full if len(p.full_positions) > 1] or full
            if len(full) == 1:
                return self._bare_surname(full[0], word, name) or full[0]
            if len(full) > 1:
                return full
            singles = self._single_by_word.get(word, [])
            if len(singles) == 1:
                return singles[0]
            if len(singles) > 1:
                return singles
            key = ("", word)
        person = self._single.get(key)
        if person is None and create:
            person = self._single[key] = _Person(key)
            self._single_by_word.setdefault(word, []).append(person)
        return person

    def _bare_surname(self, person: _Person, word: str, name: tuple[str, ...]) -> _Person | None:
        """The person a surname written alone (*Sleary*, in *said Sleary*) names when
        ``person``, the text's one full name with it, is someone of the other
        gender (*Miss Josephine Sleary*): the one the text writes with that
        surname after a courtesy title of the bare name's own gender (*Mr.
        Sleary*), which the narration shows (*repeated Sleary, shaking his
        head*). A father and his daughter share a surname; the narration calls
        him by it, and her by her first name. None when nothing says so."""
        if person.key[1] != word or [name_key(w) for w in name] != [word] \
                or not person.title_gender["m"] + person.title_gender["f"]:
            return None
        other = {"m": "f", "f": "m"}.get(person.gender or "")
        courtesies = [c for c in self._surname_courtesies.get(word, ()) if gender_of_words([c]) == other]
        if other is None or len(courtesies) != 1:
            return None
        if word not in self._bare_genders:
            votes = {"m": 0, "f": 0}
            read_votes(self.layout, ((r.start, r.end) for r in self._bare_runs.get(word, ())), votes)
            self._bare_genders[word] = _voted_gender(votes)
        if self._bare_genders[word] != other:
            return None
        key = (courtesies[0], word)
        if key not in self._single:
            self._single[key] = _Person(key)
            self._single_by_word.setdefault(word, []).append(self._single[key])
        return self._single[key]

    def _join_hidden(self) -> dict[int, _Person]:
        """Join a person the text names by a first name alone (*Charlotte*) and one
        it names by a courtesy title and a surname (*Miss Bartlett*) when it writes
        the two as one full name only where no person is made of it: inside a
        quotation (*“How you remind me of Charlotte Bartlett!”*) or in a heading
        (*Miss Charlotte Bartlett and Miss Lucy Honeychurch Drive Out*). A novel
        calls its people both ways, the narration one, their friends the other.

        The first name must be no full name's of the cast (then its short forms
        are matched to it already) and no one else's, and with no
        title written there must be one titled person of that surname only
        (*Charlotte Bartlett*, but not *Lucy Honeychurch* when the text has a
        Mrs. and a Miss Honeychurch); their genders must not differ. Returns
        the joined persons, by the id of the one merged away. *Miss Lucy*, a
        first name with a title, joins its first name's person too."""
        remap: dict[int, _Person] = {}
        for found in dict.fromkeys(self._hidden):
            read = read_name(found)
            if read is None:
                continue
            title, name, proper, courtesy, _ = read
            if len(proper) != 2 and not (courtesy and len(proper) > 2):
                continue  # First Last (or, after a title, the first two words: Miss Lucy Honeychurch Drive)
            first, last = name_key(proper[0]), name_key(proper[1])
            if first == last or first in self._by_word:
                continue  # a full name of the cast (Freddy Honeychurch) has its short forms already
            given = self._single.get(("", first))
            same_first = [p for p in self._single_by_word.get(first, ()) if p is not given]
            if given is None or any(p.key[0] not in ("miss", "master") for p in same_first):
                continue  # the first name is someone else's too (but Miss Lucy is Lucy)
            if courtesy:
                titled = [self._single.get((courtesy, last))]
            else:
                titled = [p for p in self._single_by_word.get(last, ()) if p.key[0]]
            titled = [p for p in titled if p is not None and p is not given]
            if len(titled) != 1 or remap.get(id(titled[0])) is given:
                continue
            other = titled[0]
            if other.key[0] in ("mr", "mrs", "master") and not courtesy:
                continue  # a first name is a man's or a married woman's only when the text says so
            if given.gender and other.gender and given.gender != other.gender:
                continue
            for p in [other, *same_first]:
                self._merge(given, p)
                remap[id(p)] = given
            given.forms[(proper[0], proper[1])] = given.forms.get((proper[0], proper[1]), 0) + 1
        return remap

    def _join_titled(self) -> dict[int, _Person]:
        """Join a person the text names by a surname alone (*Giles*) to the one it
        names by that surname after a courtesy title (*Mr. Giles*): a novel calls
        the same man both ways. Only when the text writes the surname with
        titles of one gender (not with *Mr.* and *Mrs. Bumble*, when "Bumble"
        alone may be either), no full name of the cast ends with it, the bare
        name never comes with a title of office (*Admiral Croft* is not *Mrs
        Croft*), and the gender the text shows for it does not differ. Returns
        the joined persons, by the id of the one merged away; the form the text
        writes more often names the person (*Mr. Giles*, but *Fagin*)."""
        remap: dict[int, _Person] = {}
        for word, people in list(self._single_by_word.items()):
            bare = self._single.get(("", word))
            titled = [p for p in people if p is not bare and p.key[1] == word and p.key[0]]
            if bare is None or len(titled) != 1 or len(people) != 2 or word in self._by_word \
                    or len(self._surname_genders(word)) > 1 or bare.titles:
                continue
            other = titled[0]
            if bare.gender not in (None, other.gender or gender_of_words([other.key[0]])):
                continue
            # the form the text uses more is the one that names them: Mr. Giles, but Fagin
            into, away = (bare, other) if len(bare.positions) > len(other.positions) else (other, bare)
            self._merge(into, away)
            remap[id(away)] = into
        return remap

    def _merge(self, into: _Person, other: _Person) -> None:
        """Make ``other`` one person with ``into``: every name form, mention and vote."""
        for mine, theirs in ((into.forms, other.forms), (into.titled, other.titled), (into.titles, other.titles)):
            for k, n in theirs.items():
                mine[k] = mine.get(k, 0) + n
        into.title_keys |= other.title_keys
        for g in ("m", "f"):
            into.gender_votes[g] += other.gender_votes[g]
            into.title_gender[g] += other.title_gender[g]
        into.positions = sorted(into.positions + other.positions)
        into.full_positions = sorted(into.full_positions + other.full_positions)
        into.evidence += other.evidence
        into.against += other.against
        into.unread += other.unread
        into.runs += other.runs
        into.layout = into.layout or other.layout
        for k, p in self._single.items():
            if p is other:
                self._single[k] = into
        for w, ps in self._single_by_word.items():
            if other in ps:
                self._single_by_word[w] = list(dict.fromkeys(into if p is other else p for p in ps))

    def _younger_sister(self, person: _Person, courtesy: str, word: str) -> bool:
        """Whether *Miss* and a surname (*Miss Elliot*) cannot be ``person`` because
        the text calls her Miss and her first name (*Miss Anne*): the custom
        names only the eldest unmarried daughter Miss and the surname, her
        younger sisters Miss and their first name."""
        return courtesy == "miss" and person.key[0] != word and person.key[0] in self._miss_first

    def _count(self, person: _Person, run: Run) -> None:
        person.forms[run.name] = person.forms.get(run.name, 0) + 1
        if len(run.proper) >= 2:
            person.full_positions.append(run.start)
        if len(run.proper) == 1 and name_key(run.proper[0]) == person.key[0] != person.key[1]:
            person.first_alone += 1
        person.positions.append(run.start)
        person.evidence += run.evidence
        if person.key not in self._full and not person.evidence:
            person.runs.append(run)  # read for evidence only if the person needs it
        person.against += run.against
        if run.title:
            if run.courtesy:  # Mr. Darcy is a short form; President Alexander Lukashenko a title and a name
                titled = " ".join([run.title[-1], *run.name])
                person.titled[titled] = person.titled.get(titled, 0) + 1
            title = " ".join(run.title) if len(run.title) <= 6 else run.title[-1]
            person.titles[title] = person.titles.get(title, 0) + 1
        gender = gender_of_title(run.title[-1:] or run.name[:1])
        if gender:
            person.title_gender[gender] += 1

    def _learn_genders(self, mentions: list[tuple[Run, _Person]]) -> None:
        """Keep each person's mentions in the narration, to read their gender from
        when it is first asked for (:attr:`_Person.gender`)."""
        for run, person in mentions:
            if run.narration:
                person.unread.append(run)
                person.layout = self.layout

    def _is_person(self, person: _Person) -> bool:
        """Whether the text treats a name as a person's (see the module docs)."""
        if not person.positions or 2 * person.against >= len(person.positions):
            return False
        word = person.key[1]
        # a people in the plural, when the text writes "the Italian": Italians, Herculean Russians
        people = word.endswith("s") and word[:-1] in self._common
        if person.key in self._full:
            if word in PLACE_ENDS and word not in self._alone and person.gender is None \
                    and not self._treated_as_person(person):
                return False  # Saffron Hill, Hyde Park: a place, unless the text treats the name as someone's
                # (a reporting verb, a vocative, "he" or "she" after it, the surname alone: Cross said)
            return word not in self._common and not people  # not "Lucy Italian": the text writes "the Italian"
        if not person.key[0] and people:
            return False
        return self._treated_as_person(person) or person.gender is not None

    def _treated_as_person(self, person: _Person) -> bool:
        """Whether any mention of ``person`` has the evidence of :meth:`_evidence`
        (read only where it decides: reading it is slow)."""
        return person.evidence > 0 or any(self._evidence(run) for run in person.runs)

    def _people(self) -> list[_Person]:
        return list({id(p): p for p in [*self._full.values(), *self._single.values()]}.values())

    # -- asking --

    def addressed_in(self, words: str) -> list[str]:
        """The people that ``words`` (a quotation) address by name
        (:func:`kit.quotes.dialogue.vocatives`), as :meth:`lookup` names them, in
        the order the words do; names the cast does not know are left out."""
        found = []
        for name in vocatives(words):
            found_words = name.split()
            title = [w for w in found_words[:-1] if w.rstrip(".").lower() in ("mr", "mrs", "miss", "ms", "dr")]
            rank = _rank(name) if len(found_words) == 1 else None
            who = self._holder(rank) if rank else self.lookup(found_words[len(title):], title).name
            if who:
                found.append(who)
        return found

    def _holder(self, rank: str) -> str | None:
        """The one person of the cast the text gives the rank ``rank`` (*Colonel* Brandon), if one."""
        if rank not in self._rank_holders:  # asked at every "Colonel!" of a book: worked out once
            holders = [p for p in self._people() if any(_rank(t) == rank for t in p.titles)]
            self._rank_holders[rank] = self._display(holders[0]) if len(holders) == 1 else None
        return self._rank_holders[rank]

    def lookup(self, name: list[str] | tuple[str, ...], title: list[str] | tuple[str, ...] = (),
               pos: int | None = None) -> Lookup:
        """Who the name words ``name`` (with ``title`` written before them) refer to.

        A full name gives that person's fullest name; a short form (*Holmes*,
        *Mr. Darcy*) the one person whose name holds it. When several people
        fit, the one the text names most (three times as often as any other)
        is taken, then the one named last before ``pos``; failing that, the
        name is None and the note says who fits.
        """
        proper = proper_words(tuple(name))
        if not proper:
            return Lookup(None)
        found = self._match(proper, tuple(title), name=tuple(name))
        if isinstance(found, _Person):
            return Lookup(self._display(found))
        if not found:
            return Lookup(None)
        if title:  # Admiral Croft: the Croft the text writes as Admiral, not Mrs Croft
            titled = _one_titled(found, title)
            if titled is not None:
                return Lookup(self._display(titled))
        if not title and len(proper) == 1 and all(p.key[0] == name_key(proper[0]) for p in found):
            # Charles: of Charles Musgrove and Charles Hayter, the one the text never calls by his
            # surname alone, which is his family's (Mr Musgrove, Mrs Musgrove); it calls the other Hayter
            first_named = [p for p in found if not any(len(proper_words(f)) == 1 and name_key(proper_words(f)[0]) == p.key[1]
                                                       for f in p.forms)]
            if len(first_named) == 1:
                return Lookup(self._display(first_named[0]))
        counts = sorted((len(p.positions), i) for i, p in enumerate(found))
        if counts[-1][0] >= 3 * counts[-2][0]:
            return Lookup(self._display(found[counts[-1][1]]))
        if pos is not None:
            latest = max(found, key=lambda p: max((x for x in p.positions if x <= pos), default=-1))
            if any(x <= pos for x in latest.positions):
                return Lookup(self._display(latest))
        names = sorted({self._display(p) for p in found})
        return Lookup(None, f"{' '.join(name)} could be {' or '.join(names)}")

    def gender(self, name: str | None) -> str | None:
        """The gender the text gives the person ``name`` ("m", "f"), or None."""
        person = self._display_index.get(name) if name else None
        return person.gender if person else None

    def relatives(self, name: str, gender: str, *, married: bool | None = None) -> list[str]:
        """The other people of the cast with the surname of ``name`` and of ``gender``
        ("m", "f"); ``married``: written with *Mrs.* or *Lady*. The family that
        *her mother* or *his wife* may be: Mrs. Pellow, when Jane Pellow is "her"."""
        person = self._display_index.get(name)
        surname = self._surname(person) if person is not None else None
        if surname is None:
            return []
        found = []
        for other in self._people():
            if other is person or self._surname(other) != surname or other.gender != gender:
                continue
            if married is not None and married != bool({"mrs", "lady"} & ({other.key[0]} | other.title_keys)):
                continue
            found.append(self._display(other))
        return found

    def _surname(self, person: _Person) -> str | None:
        """The family name of a person the text names with one (*Honeychurch* of
        Lucy Honeychurch and of Mrs. Honeychurch), or None (*Lucy*)."""
        words = self._display(person).split()
        return name_key(words[-1]) if len(words) >= 2 else None

    def mentions(self, name: str | None) -> int:
        """How often the text names the person ``name`` (0 for no one of the cast)."""
        person = self._display_index.get(name) if name else None
        return len(person.positions) if person else 0

    def is_person(self, name: str | None) -> bool:
        """Whether ``name`` is a person of the cast."""
        return name is not None and name in self._display_index

    def is_common_word(self, word: str) -> bool:
        """Whether ``word`` is an ordinary word that a sentence's start capitalised
        (*Rather* in "Rather a hard voice said"), not a name
        (:meth:`kit.quotes.runs.Capitals.is_common_word`)."""
        return self._capitals.is_common_word(word)

    def named_before(self, pos: int, start: int) -> list[tuple[int, str]]:
        """The people named in the narration between ``start`` and ``pos``, latest first, as (position, name)."""
        lo, hi = bisect_left(self._mention_starts, start), bisect_left(self._mention_starts, pos)
        return [(self._mentions[i][0], self._display(self._mentions[i][2])) for i in range(hi - 1, lo - 1, -1)]

    def named_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """The people named in the narration of ``[start, end)``, in text order."""
        lo, hi = bisect_left(self._mention_starts, start), bisect_right(self._mention_starts, end - 1)
        return [(self._mentions[i][0], self._display(self._mentions[i][2])) for i in range(lo, hi)]

    def protagonist(self, gender: str) -> str | None:
        """The person of ``gender`` the text is about: named at least three times as often
        as anyone else the text shows to be of that gender (Persuasion's Anne
        Elliot, 460 times against Lady Russell's 128), or None."""
        if gender not in self._protagonists:
            counts = sorted(((len(p.positions), self._display(p)) for p in self._people() if p.gender == gender),
                            reverse=True)
            top = counts[0] if counts and (len(counts) == 1 or counts[0][0] >= 3 * counts[1][0]) else None
            self._protagonists[gender] = top[1] if top and top[0] >= _PROTAGONIST_MENTIONS else None
        return self._protagonists[gender]

    def characters(self) -> list[Character]:
        """Every person of the text, most named first."""
        found = []
        for person in self._people():
            name = self._display(person)
            every = Counter({" ".join(f): n for f, n in person.forms.items()}) + Counter(person.titled)
            forms = [f for f, _ in every.most_common() if f != name]
            titles = tuple(t for t, _ in Counter(person.titles).most_common())
            found.append(Character(name, titles, tuple(forms), person.gender, len(person.positions)))
        return sorted(found, key=lambda c: (-c.mentions, c.name))

    def _display(self, person: _Person) -> str:
        """A person's fullest name: the longest form the text writes, of the full
        forms it writes at least a tenth as often as the most common full form
        (so that "Petersburg Natásha", an accident of capitals, is not a name);
        for a person named only by courtesy title and surname, that title too."""
        name = self._names.get(id(person))
        if name is None:
            full = [(f, n) for f, n in person.forms.items() if len(proper_words(f)) >= 2] or list(person.forms.items())
            top = max(n for _, n in full)
            best = " ".join(max((f for f, n in full if n * 10 >= top), key=lambda f: (len(f), person.forms[f])))
            if person.key not in self._full and person.key[0] or person.key[0].startswith("mrs "):
                titled = [t for t, _ in Counter(person.titled).most_common() if t.endswith(best)]
                best = titled[0] if titled else best
            name = self._names[id(person)] = best
        return name


def characters(text: TextLike) -> list[Character]:
    """The people a text names, built from the text itself, most named first.

    Each :class:`Character` has the fullest name the text gives, the titles
    written with it, the short forms the text uses, and a gender when the
    text says it (see the module docs).

    >>> from kit.texts import load_articles
    >>> [c.name for c in characters(load_articles()[0])]
    ['Ayatollah Ali Khamenei', 'Alexander Lukashenko']
    >>> characters(42)
    Traceback (most recent call last):
    ...
    TypeError: text must be an Article or a str, not int. Load a file first: kit.load_article("path/to/file.txt").
    """
    s = line_ends_in_place(as_text(text))
    paras = paragraph_spans(s)
    return Cast(Layout(s, paras, find_regions(s, paras))).characters()
