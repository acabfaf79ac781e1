"""Who a description stands for: a novel's epithets (*said the Jew*, *said the
girl*), read from the scenes they are used in.

A narrator calls a character by an epithet again and again as much as by
name. The scenes where the epithet speaks say whose it is: the person it is
tied to where no one else of the scene fits, or the one who is there most
consistently. A description said of whoever is at hand (*the man*), or
written at one cue only, is no one's epithet. :mod:`kit.quotes.unnamed`
gathers the uses from a text; this module only weighs them.

>>> uses = [Use("the old man", ("Tom", "Abel"), frozenset({"Tom"}))] * 3
>>> name_descriptions(uses, {"Tom": "m", "Abel": "m"}.get)
['Abel', 'Abel', 'Abel']
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, NamedTuple

from kit.quotes.names import gender_of_words

__all__ = ["Use", "name_descriptions", "seldom_written", "shared_descriptions"]


class Use(NamedTuple):
    """One quote whose speaker the text gives only as a description (*said the girl*)."""

    description: str
    """The description, lower-cased ("the girl")."""
    present: tuple[str, ...]
    """The people of its scene: named in the narration or as speakers of the
    paragraphs just before it, latest first (and, last, those its own
    paragraph's quotes name)."""
    excluded: frozenset[str]
    """People who cannot be it: named in the same sentence (*said the old
    gentleman, patting Oliver on the head*), speakers of the turns next to it, or
    those its quote calls by name (*“Toby,” said the boy*)."""
    written: bool = True
    """Whether the description is written at this quote's own cue, not taken
    from the turn it goes on from (a story told over many paragraphs)."""


def name_descriptions(uses: list[Use], gender_of: Callable[[str], str | None]) -> list[str | None]:
    """Who each description stands for, in a novel, where a narrator calls a
    character by an epithet again and again (*the Jew*, *the girl*, *the old
    gentleman*) as much as by name.

    The person is one of the scene (:attr:`Use.present`), of the gender the
    description says (*girl*: a woman), and not one who cannot be it
    (:attr:`Use.excluded`). Of those, the text itself tells which the epithet
    belongs to:

    1. the person it ties the words to where no one else of the scene fits;
    2. else the person who is present most consistently where the text uses
       that description, compared with how often they are present where any
       description is used (so a hero who is in every scene does not win
       every epithet);
    3. else the person named last.

    Before all of these: a description that is one person's throughout the
    text is theirs even in a scene that does not name them (*the doctor*,
    where a chapter names only the patient), unless they cannot be it there.
    Such a person is in the scene of at least :data:`_HOLDS` of its uses and
    is also the one the text ties the words to most often (not a hero who is
    merely in most of the scenes where *the man* speaks).

    When no one of the scene fits, the person of rule 1 is taken, else the
    one in the scene of at least :data:`_HOLDS` of its uses. A description
    the text uses fewer than :data:`_ENOUGH_USES` times is someone new, not
    an epithet, and stays None; so does one it writes at a single cue, however
    many turns go on from it (:data:`_ENOUGH_WRITTEN`: Small's story in *The
    Sign of the Four*, 53 quotes told after one *asked the convict*), and one
    the text ties to several people (:func:`shared_descriptions`: *the man*
    is whoever is at hand).

    >>> girl = [Use("the girl", ("Tom", "Nell", "Bill"), frozenset()), Use("the girl", ("Nell", "Tom"), frozenset()),
    ...         Use("the girl", ("Bill", "Tom"), frozenset({"Bill"}))]
    >>> man = [Use("the old man", ("Tom", "Abel"), frozenset()), Use("the old man", ("Abel", "Tom"), frozenset()),
    ...        Use("the old man", ("Tom", "Abel"), frozenset())]
    >>> name_descriptions(girl + man, {"Nell": "f", "Tom": "m", "Bill": "m", "Abel": "m"}.get)  # Tom is everywhere
    ['Nell', 'Nell', 'Nell', 'Abel', 'Abel', 'Abel']
    >>> doctor = [Use("the doctor", ("Ann",), frozenset()), Use("the doctor", ("Ann", "Tom"), frozenset({"Tom"})),
    ...           Use("the doctor", ("Tom",), frozenset())]
    >>> name_descriptions(doctor, {}.get)  # Ann's epithet, in the scene that names only Tom too
    ['Ann', 'Ann', 'Ann']
    >>> name_descriptions([Use("the stranger", ("Tom",), frozenset())], {}.get)  # once: someone new
    [None]
    >>> story = [Use("the convict", ("Tom",), frozenset(), written=n == 0) for n in range(4)]
    >>> name_descriptions(story, {}.get)  # written once, and three turns that go on from it
    [None, None, None, None]
    """
    base: Counter = Counter()
    share: dict[str, Counter] = {}
    count: Counter = Counter()
    for use in uses:
        once = dict.fromkeys(use.present, 1)  # each person once, in the use's order: a set's order would
        base.update(once)  # change with the hash seed and, on ties, the epithet's holder with it
        share.setdefault(use.description, Counter()).update(once)
        count[use.description] += 1
    seldom = seldom_written(uses)

    def score(name: str, description: str) -> float:
        n = count[description]
        return (share[description][name] / n) ** 2 * len(uses) / base[name] if n >= _ENOUGH_USES else 0.0

    holder = {}
    for description, seen in share.items():
        gender = gender_of_words(description.split())
        ranked = sorted((n for n in seen if _fits(n, gender, gender_of)), key=lambda n: -score(n, description))
        if ranked and seen[ranked[0]] >= _HOLDS * count[description]:
            holder[description] = ranked[0]
    options = [_fitting(use, gender_of) for use in uses]
    votes = _ties(uses, options)
    shared = _shared(votes)
    epithet = {description: who for description, who in holder.items()
               if votes.get(description) and votes[description].most_common(1)[0][0] == who}
    found: list[str | None] = []
    for use, fitting in zip(uses, options):
        if count[use.description] < _ENOUGH_USES or use.description in seldom or use.description in shared:
            found.append(None)  # said once or twice, or at one cue: someone new; said of several: no one's epithet
            continue
        tied = votes.get(use.description, Counter())
        if use.description in epithet and epithet[use.description] not in use.excluded:
            found.append(epithet[use.description])
            continue
        if not fitting:  # the person the text ties it to, else the one in most of its scenes
            who = tied.most_common(1)[0][0] if tied else holder.get(use.description)
            found.append(who if who not in use.excluded else None)
            continue
        found.append(max(fitting, key=lambda name: (tied[name], score(name, use.description), -fitting.index(name))))
    return found


def seldom_written(uses: list[Use]) -> set[str]:
    """The descriptions written at fewer than :data:`_ENOUGH_WRITTEN` cues, however
    many turns go on from them: someone new, whom no scene can name.

    >>> seldom_written([Use("the convict", (), frozenset(), written=n == 0) for n in range(4)])
    {'the convict'}
    """
    written = Counter(use.description for use in uses if use.written)
    return {use.description for use in uses if written[use.description] < _ENOUGH_WRITTEN}


def shared_descriptions(uses: list[Use], gender_of: Callable[[str], str | None]) -> dict[str, tuple[str, ...]]:
    """The descriptions a novel uses for several people, each with those people.

    A use ties a description to a person where that person alone of its scene
    fits it (rule 1 of :func:`name_descriptions`). An epithet is tied to one
    person again and again (Oliver Twist's *the girl*: Nancy, 96 of its 103
    ties); a common noun is tied to whoever is at hand (its *the man*: 24
    ties to ten people, none in more than six). Reading such a noun from its
    scenes guesses, and in the novels of PDNC the guess was wrong 175 times
    in 186, so a description tied to :data:`_SEVERAL` people or more, none
    of them in half of its ties, is no one's epithet.

    >>> man = [Use("the man", (who,), frozenset()) for who in ("Bill", "Toby", "Bill", "Noah", "Joe")]
    >>> shared_descriptions(man, {}.get)
    {'the man': ('Bill', 'Toby', 'Noah', 'Joe')}
    >>> shared_descriptions(man[:4] + [Use("the man", ("Bill",), frozenset())], {}.get)  # Bill's, 3 ties in 5
    {}
    """
    return _shared(_ties(uses, [_fitting(use, gender_of) for use in uses]))


def _shared(votes: dict[str, Counter]) -> dict[str, tuple[str, ...]]:
    """:func:`shared_descriptions`, from the ties of each description (:func:`_ties`)."""
    return {description: tuple(who for who, _ in tied.most_common()) for description, tied in votes.items()
            if len(tied) >= _SEVERAL and 2 * tied.most_common(1)[0][1] < sum(tied.values())}


def _fits(name: str, gender: str | None, gender_of: Callable[[str], str | None]) -> bool:
    return gender is None or gender_of(name) in (gender, None)


def _fitting(use: Use, gender_of: Callable[[str], str | None]) -> list[str]:
    """The people of a use's scene who may be its description, latest first."""
    gender = gender_of_words(use.description.split())
    fitting = [name for name in dict.fromkeys(use.present) if name not in use.excluded and _fits(name, gender, gender_of)]
    if gender is not None:  # one the text says is of that gender, before one it says nothing of
        fitting = [name for name in fitting if gender_of(name)] or fitting
    return fitting


def _ties(uses: list[Use], options: list[list[str]]) -> dict[str, Counter]:
    """How often each description's uses have one person alone who fits (``options``): the text ties the words
    to that person."""
    votes: dict[str, Counter] = {}
    for use, fitting in zip(uses, options):
        if len(fitting) == 1:
            votes.setdefault(use.description, Counter())[fitting[0]] += 1
    return votes


_SEVERAL = 3
"""How many people a text must tie a description to, none of them in half of its ties,
before it is read as a common noun (*the man*) rather than as someone's epithet."""

_HOLDS = 0.5
"""A description is one person's epithet throughout a text when that person is
in the scene of at least this share of its uses."""


_ENOUGH_USES = 3
"""How often a text must use a description before it is read as one person's epithet."""

_ENOUGH_WRITTEN = 2
"""How many cues must write a description before it is read as one person's
epithet; the turns that go on from a cue (a story told over many paragraphs)
do not count. In the novels of PDNC, a description written at one cue and
read from its scenes named its speaker right 11 times in 113."""
