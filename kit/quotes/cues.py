"""Step 2: the cue, the reporting verb that introduces a quotation.

The verbs are not picked by hand: :mod:`kit.quotes.verbs` reads them from the
lists that ``benchmarks/derive_reporting_verbs.py`` derived from annotated news
and novels. Constructions of several words (*according to*,
*pointed out*, *concluded by saying*) are grammar, written out below.

>>> [m.group() for m in CUE.finditer("She said it, he replied, and they pointed out a flaw, according to Reuters.")]
['said', 'replied', 'pointed out', 'according to']
>>> [m.group() for m in CUE.finditer("As The Post's Ruth Marcus puts it, it is over.")]
['puts it']

This module also holds the patterns for the words around a quote: what may
follow a closing mark and attribute it (``“...,” said the Leader``), a label
before a quote (``Okafor: “...”``), and where clauses end.
"""

from __future__ import annotations

import re

from kit.quotes.names import ADVERB_PATTERN, RUN, TITLE_STOP, UP, trie_pattern
from kit.quotes.verbs import attribution_verbs, reporting_verbs

__all__ = [
    "AFTER",
    "ANSWER_WAS",
    "ATTRIBUTING",
    "CHUNK_BREAK",
    "CLAUSE_BREAK",
    "COMMA_NEXT",
    "CUE",
    "INTRODUCED",
    "LABEL",
    "LOOSE_AFTER",
    "LOOSE_BEFORE",
    "LOWER_NEXT",
    "NAMING",
    "NP_AFTER_CUE",
    "PLACE_END",
    "PLACE_ONLY",
    "POSSESSIVE_SUBJECT",
    "SIGNATURE",
    "WITH_SUBJECT",
    "after_owner",
    "cues_in",
]


# Words of the derived lists that are cues only inside their construction:
# "according" (to), "pointed" (out), "went" (on).
_PHRASE_ONLY = frozenset({"according", "pointed", "went"})

ATTRIBUTING = re.compile(rf"(?<![\w’'-])(?:{trie_pattern(sorted(attribution_verbs() - {'went'}))})(?![\w’'-])")
"""Any attribution verb as a whole word (see :func:`attribution_verbs`), but not *went*,
a verb of going that attributes only in *went on* (:data:`CUE`'s): *After the news went
viral, the “Avatar” star posted ...* reports no one's words. (*Pointed* stays: *Trump
has repeatedly pointed to the case as the “rigged system.”*)"""


_VERBS = sorted(reporting_verbs() - _PHRASE_ONLY)
_ING = "|".join(w for w in _VERBS if w.endswith("ing"))  # saying, adding, noting, ...

# One pattern for every reporting verb, with a comment for each case.
_CUE_PATTERN = rf"""
    (?<![\w’'-])                                    # a whole word: "so-called" is not "called"
    (?:
        [Aa]ccording\s+to                           # “...,” according to the ministry
      | (?:concluded|concludes|ended|ends|closed|began|opened|wrapped\s+up)
        (?:\s+(?:his|her|their)\s+(?:remarks|speech|statement|comments|address))?
        \s+by\s+(?:{_ING})                          # concluded (his remarks) by saying
      | quoted\s+as\s+saying                        # was quoted as saying
      | (?:point|points|pointed|pointing)\s+out     # pointed out
      | (?:went|goes|going)\s+on(?:\s+to\s+say)?    # went on (to say)
      | [a-z]+ed\s+to\s+(?:say|ask|reply|answer|add|whisper|exclaim|cry|remark|observe|explain|inquire|enquire|
                          shout|call|murmur|mutter|protest|interrupt|repeat|continue)
                                                    # managed to say, ventured to ask, hastened to add
      | (?:put|puts|putting)\s+it                    # as The Post's Ruth Marcus puts it
      | quoth                                       # quoth he: an old past tense no annotated text of today uses
      | {trie_pattern(_VERBS)}                             # said, told, cried, ... (the derived list, as a trie)
    )
    (?![\w’']|-(?!-))                               # a whole word, but "said--" (a dash) is one too
"""
CUE = re.compile(rf"(?P<cue>{_CUE_PATTERN})", re.VERBOSE)
"""Any reporting verb or construction; the group ``cue`` is the cue as written."""
_OWNER_OR_ARTICLE = re.compile(r"(?:[’']s|s’|(?<![\w’'-])(?:[Tt]he|[Hh]is|[Ii]ts|[Tt]heir|an?))\s$")


def after_owner(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows an owner or an article, which makes a
    verb form an adjective: *Trump’s repeated calls*, *the stated aim* (no cue).
    Checked where a cue is picked, not inside :data:`CUE`, whose every match it
    would slow down.

    >>> s = "Trump’s repeated calls"
    >>> after_owner(s, s.find("repeated")), after_owner("She repeated it", 4)
    (True, False)
    """
    return _OWNER_OR_ARTICLE.search(text, max(0, at - 7), at) is not None


def cues_in(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The cues (:data:`CUE`) in ``text[start:end]``, in order, but not a verb form
    that is an adjective (:func:`after_owner`).

    >>> [m.group() for m in cues_in("She noted Trump’s repeated calls and added a line.")]
    ['noted', 'added']
    """
    found = CUE.finditer(text, start) if end is None else CUE.finditer(text, start, end)
    return [m for m in found if not after_owner(text, m.start())]


# --- Step 4: the words around a quote ----------------------------------------------

NAMING = re.compile(
    r"(?:(?:so-called|dubbed|termed|known\s+as|nicknamed|called|named|titled|entitled|"
    r"labell?ed|branded)(?:\s+(?-i:[A-Z][\w.’'-]*)){0,4}(?:\s+(?:the|a|an|it|him|her|them|his|its))?|"
    r"the\s+(?:word|words|term|phrase|slogan|motto|hashtag|pseudonym|nickname|alias|moniker|handle|headline|caption)|"
    # words written, printed or spelt, not said: a bottle marked “poison,”, how to spell “stupid,”
    r"(?:marked|printed|engraved|inscribed|stamped|spell|spells|spelt|spelled|spelling|pronounced|"
    r"(?:write|writes|wrote|written|writing)(?:\s+it)?\s+down)(?:\s+(?:it|them))?)\s*$",
    re.IGNORECASE,
)
"""Words right before a short quote that make it a name, a scare quote or words that are
written, printed or spelt rather than said (or, when someone does the calling, that
person's words: called Obama a “petulant child”)."""
CHUNK_BREAK = re.compile(
    r"[,;:()\[\]—–“”\"«»\x1a]|(?<=\s)--?(?=\s)|(?<![\w’'-])(?i:and|but|or|who|whom|which|what|that|while|when|as|after|"
    r"before|because|although|though|if|where)(?![\w’'-])"
)
"""Where a chunk of a sentence (a clause, an aside) ends."""
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–“”\"«»\x1a]+|(?<=\s)--?(?=\s)")
"""Where a clause ends (punctuation only; a hyphen or two between spaces is a dash)."""

_STOP = (
    r"in|on|at|during|when|while|after|before|as|to|with|without|who|which|that|and|"
    r"but|from|by|through|into|via|because|since|than|told|said|says|added|of|for|about|"
    r"was|is|had|has|were|are|would|will|could|should|did|does|whether|if"
)
# Words that open a clause or a phrase, never the noun phrase of a speaker:
# “...,” after Clinton spokesman Brian Fallon expressed ... is no attribution.
_NOT_NP_START = (
    r"after|before|when|while|as|because|since|if|whether|than|though|although|until|unless|"
    r"in|on|at|to|from|by|with|without|for|of|about|into|through|during|via|including|like"
)
# A word of an attribution: no punctuation and no quoted text, except the
# full stop of Mr. or an initial.
_PLAIN = rf"(?:[{UP}][a-z]{{1,5}}{TITLE_STOP}|(?:[{UP}]\.){{2,}}|[{UP}]\.|[^\s,.;:!?“”\"«»\x1a()]+)"
# A lower-case role word between two names: MSNBC (host) Chris Matthews.
_ROLE = rf"(?!(?:{_STOP})(?![\w’'-]))[a-z][\w-]*"
_PARTICIPLE = r"(?!(?:evening|morning|darling)(?![\w’'-]))[a-z]{3,}ing(?![\w’'-])"
"""A present participle (*falling*, *supporting*), which ends a description: *said the
boy falling back*, *said the doctor supporting her* (not the nouns *evening*, *darling*)."""
_NP = rf"""
    (?:he|she|they|we|I|it)(?![\w’'-])                          # said he
  | (?:the|a|an|one|another|his|her|their|its|my|our|your)\s+{_PLAIN}
    (?:\s+(?!(?:{_STOP}|{_PARTICIPLE})(?![\w’'-])){_PLAIN}        # said the prince / a spokesman (not
                                                                 #   the boy falling back)
      | \s+(?:for|of|and)\s+(?=[{UP}]){_PLAIN}){{0,6}}              #   the Office for National Statistics
  | (?:{RUN.pattern})(?<=[’']s)(?:\s+{_ROLE}){{1,3}}(?=\s*[,.;:!?(])  # said Harbour Town’s mayor(, Tom Hale): a
                                                                 #   role, not the place that owns it
  | (?:(?:{_ROLE}\s+){{0,2}}{RUN.pattern}\s+(?:{_ROLE}\s+){{1,3}})?(?:{RUN.pattern})  # said MSNBC host Chris
                                                                 #   Matthews / Anna Pávlovna / former Utah governor
                                                                 #   Michael Leavitt
  | (?:{_ROLE}(?:\s+of(?:\s+the)?)?\s+){{1,4}}(?:{RUN.pattern})     # said shop steward Leanne Marsh,
                                                                 #   former secretary of state Hillary Clinton
"""
_PARTY_TAG = r"(?:\s*\((?:[RDI]|Rep|Dem|Ind)\.?(?:-[^)]{1,20})?\)|\s*,\s*[RDI]-[A-Z][A-Za-z.]{1,6},)?"  # Chaffetz (R-Utah), McConnell, R-Ky.,
_ANSWER = (r"(?:answer|reply|response|rejoinder|remark|comment|retort|observation|exclamation|question|inquiry|enquiry"
           r"|cry|correction|admission|salutation|greeting|suggestion|explanation|assurance|objection)")
"""The nouns of a line said, in *“...,” was her answer* (or *the reply*, *his next observation*)."""
AFTER = re.compile(
    rf"""
    [\s,]*
    (?:
        (?P<cue5>was\s+(?:all|what)\s+(?P<np5>he|she|{RUN.pattern})\s+(?:said|answered|replied|could\s+say)(?![\w’'-]))
                                                                 # “...,” was all she said (before np2 takes "was all she")
      | (?P<cue1>{_CUE_PATTERN})\s+(?P<np1>{_NP}){_PARTY_TAG}     # “...,” said the Leader
        (?:\s*,\s*(?P<appos1>{_PLAIN}(?:\s+{_PLAIN}){{0,9}})(?=\s*(?:[,.;:!?]|$)))?
                                                                 #   ..., the chief executive of Acme
      | (?P<np2>(?!(?:{_NOT_NP_START})(?![\w’'-])){_PLAIN}(?:\s+{_PLAIN}){{0,7}}?){_PARTY_TAG}
                                                                 # “...,” the Leader (not "after Clinton ...")
        (?:\s*,\s*(?P<appos2>{_PLAIN}(?:\s+{_PLAIN}){{0,9}}?)\s*,)?  #   , the chief executive of Acme,
        (?:\s+(?:{ADVERB_PATTERN}|[a-z]+ly))*                   #   also
        \s+(?P<cue2>{_CUE_PATTERN})                              #   said
      | (?P<cue3>(?<![\w’'-])(?:{_ING}))(?![\w’'-])              # “...,” adding
      | (?P<cue4>(?:was|had\s+been|came)\s+(?:(?:all|only|therefore|then|now|thus)\s+)?
        (?:(?P<own4>(?P<np4>his|her)|(?P<owner4>{RUN.pattern})[’']s)|the)
        \s+(?:[a-z]+\s+){{0,2}}?(?(own4)(?:{_ANSWER}(?![\w’'-])|[a-z]+(?=\s*[,;.!?]))|{_ANSWER}(?![\w’'-])))
        (?:\s+(?:of|from)\s+(?P<of4>{_NP}))?
                                                                 # “...,” was her answer, was Marilla’s dry response,
                                                                 #   was the firm reply of Mr. Limbkins, was the reply;
                                                                 #   after his or a name's, any word that ends the
                                                                 #   clause: was Mary’s reasoning; came the answer
                                                                 #   (from Tom)
    )
    """,
    re.VERBOSE,
)
"""What may follow a closing mark and attribute the quote."""
_NOT_VERBS = r"is|was|has|was|does|gets|goes|seems|means|needs|includes|remains|becomes|appears|comes|makes|takes"
_LOOSE_NP = rf"(?:he|she|they|(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){{0,3}}[A-Z][\w-]*|{RUN.pattern})"
_LOOSE_VERB = rf"(?!(?:{_NOT_VERBS})(?![\w’'-]))[a-z]{{2,}}(?:ed|[^s\W]s)(?![\w’'-])"
_PARTICLE_VERB = r"(?:put|broke|cut|chimed|struck|threw)\s+in|(?:shot|flung)\s+back|burst\s+out"
"""Past tenses of two words that say a quote interrupts or answers: (broke) in, (shot) back."""
LOOSE_AFTER = re.compile(
    rf"""
    [\s,]*
    (?:
        (?P<np>{_LOOSE_NP})                                      # Kelly, the Saudis, an angry Hollande
        \s+(?P<cue>{_LOOSE_VERB}|[a-z]{{2,}}\s+back(?![\w’'-])    # fumed, charged, riffs, shot back,
           |(?:{_PARTICLE_VERB})(?![\w’'-]))                      #   put in, broke in (no -ed in the past)
      | (?:[a-z]+ly\s+)?(?P<cue2>[a-z]{{2,}}ed|{_PARTICLE_VERB})\s+(?P<np2>{_NP})
        (?=(?:\s+to\s+(?:him|her|them|me|us|{RUN.pattern}))?     # remembered Roy Verley, mused co-host Stu
           (?:\s+(?:{ADVERB_PATTERN}|[a-z]+ly))*\s*[,.;])        #   Burguiere, agreed Anne tranquilly, put in
                                                                 #   Freddy, confided Anne to Diana
    )
    """,
    re.VERBOSE,
)
"""After a quote that ends with a comma, a name (or he, she, a description) and a
verb in the past or present tense attribute it even when the verb is not one
the kit knows as a reporting verb: “...,” Toomey fumed; “...,” remembered Roy
Verley, ...; “...,” agreed Anne tranquilly; “...,” put in Freddy (or *Mr.
Bounderby put in*: a verb of two words, whose past has no *-ed*). Only the
grammar says so: a quote cut off by a comma goes on with its attribution."""
LOOSE_BEFORE = re.compile(
    rf"""(?:^|[,;—–]\s*|\s-\s*)\s*(?P<np>{_LOOSE_NP})(?:\s+(?:then|later|also|quickly|simply))?
    \s+(?P<cue>[a-z]{{2,}}ed(?:\s+(?:back|out|up|in|on))?|[a-z]{{2,}}\s+back)\s*[,:]\s*$""",  # quipped, shot back
    re.VERBOSE,
)
"""Before a quote, a clause of a name and a verb in the past tense that the kit
does not know as a reporting verb, ending with a comma or colon: Hillary shot
back, “...”; A flabbergasted Noah quipped, “...”. (Not a headline's "Striking
nurses: ‘...’": the present tense of a verb looks like a plural noun.)"""
NP_AFTER_CUE = re.compile(rf"\s+(?P<np>{_NP}){_PARTY_TAG}", re.VERBOSE)
"""A mention right after a cue, before the quote: said Smith, “...”"""
LABEL = re.compile(rf"\s*(?P<np>{RUN.pattern})\s*[:—–-]\s*$", re.VERBOSE)
"""A name as a label before a quote: Okafor: “...”"""
SIGNATURE = re.compile(rf"[-—–]{{1,2}}\s*(?P<np>{RUN.pattern})\s*(?:,[^“”\"«»\x1a\n]{{0,80}})?[.,]?\s*$", re.VERBOSE)
"""A paragraph that signs the quote before it: - Bernie Sanders., -Michelle Marks, Philadelphia."""
INTRODUCED = re.compile(r"(?:[:]|\s[—–-]{1,2})\s*$")
"""A colon or a dash right before a quote: Her answer was simple: “Not now.”"""
POSSESSIVE_SUBJECT = re.compile(
    rf"\s*(?P<np>His|Her|his|her|{RUN.pattern}[’']s)\s+(?:\w+\s+){{0,2}}?"
    r"(?:answer|reply|response|message|verdict|advice|words?|view|retort|comment|question)\b",
    re.VERBOSE,
)
"""A sentence whose subject is someone's words: Her answer was simple: “...”, Clinton’s response was: “...”"""
ANSWER_WAS = re.compile(
    rf"(?:^|[;,]\s+(?:and\s+|but\s+)?|\s(?:and|but)\s+)\s*(?P<np>His|Her|his|her|{RUN.pattern}[’']s)"
    rf"\s+(?:[a-z]+\s+){{0,2}}?{_ANSWER}\s+(?:was|were)\s*,\s*$",
    re.VERBOSE,
)
"""Someone's words as the subject of *was* and a comma, right before the quote:
*His answer was, “...”*, *and Elizabeth's reply was, “...”* (with a colon, see
:data:`POSSESSIVE_SUBJECT`)."""
WITH_SUBJECT = re.compile(
    rf"(?:(?<![\w’'-])with\s+(?P<np>{RUN.pattern}|he|she)|(?:[—–]|\s-|[,”\"]\s+and|;)\s+(?P<np2>{RUN.pattern}))(?:\s+[a-z]+ly)?\s*$",
    re.VERBOSE,
)
"""A participle's own subject: with Trump reportedly (yelling), (both men issued a
statement) – Ryan (saying), ..., and Trump (calling)."""
PLACE_END = re.compile(rf"(?<![\w’'-])(?:in|at|from|near|outside)\s+{RUN.pattern}\s*$", re.VERBOSE)
"""A clause that ends with a place: ... a town hall in Salem(, New Hampshire)."""
PLACE_ONLY = re.compile(rf"{RUN.pattern}", re.VERBOSE)
"""A clause that is only a name, as the state after a city is."""
COMMA_NEXT = re.compile(r"\s*,")
"""“...” , he said (British punctuation outside the marks)."""
LOWER_NEXT = re.compile(r"[\s,]*(?:[a-z]|I\s+[a-z])")
"""“Why?” he asked, “Who sent it?” I asked: a lower-case word (or I and one) after ? or ! goes on the sentence."""
