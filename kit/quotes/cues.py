"""Steps 2 and 4: reporting verbs, and the patterns for the words around a quote.

The reporting verbs (said, pointed out, according to) as one fast regex; then
what may follow a closing mark and attribute the quote ("..., said the Leader"),
a label before a quote ("Okafor: ..."), and where clauses and sentences end.
"""

from __future__ import annotations

import re

from kit.quotes.names import _ADVERBS, _RUN, _TITLE_STOP, _UP

__all__ = [
    "_AFTER",
    "_CHUNK_BREAK",
    "_CLAUSE_BREAK",
    "_COMMA_NEXT",
    "_CUE",
    "_LABEL",
    "_LOWER_NEXT",
    "_NAMING",
    "_NP_AFTER_RE",
]


# --- Step 2: reporting verbs ----------------------------------------------------

def _forms(verbs: str, *, s_form: bool = True) -> list[str]:
    """The past, -ing and (unless ``s_form`` is False) -s forms of regular verbs:
    note -> noted, noting, notes."""
    forms = []
    for verb in verbs.split():
        if verb.endswith("e"):
            forms += [verb + "d", verb[:-1] + "ing"] + [verb + "s"] * s_form
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            forms += [verb[:-1] + "ied", verb + "ing"] + [verb[:-1] + "ies"] * s_form
        elif verb.endswith(("sh", "ch", "ss", "x")):
            forms += [verb + "ed", verb + "ing"] + [verb + "es"] * s_form
        else:
            forms += [verb + "ed", verb + "ing"] + [verb + "s"] * s_form
    return forms


# Reporting verbs. A word list is the one part no library provides: NLTK has
# no list of speech verbs, and a parser would be far too slow for a whole book.
# The base form counts only for verbs that are rarely nouns ("critics say",
# not "a note"), and the -s form is left out where it is mostly a plural noun
# ("calls", "reports").
_CUE_WORDS = sorted(
    set(
        "say says said saying tell tells told telling write writes wrote writing "
        "begin begins began beginning admit admits admitted admitting quip quipped "
        "thought add warn argue insist explain ask describe slammed".split()
        + _forms(
            "add suggest stress emphasize emphasise explain ask insist argue warn declare "
            "announce observe recall acknowledge confirm deny urge caution complain "
            "concede exclaim murmur mutter reiterate maintain predict assure boast "
            "lament affirm assert retort proclaim testify recount underline underscore "
            "describe agree continue reply respond dismiss condemn criticise criticize praise "
            "hail accuse welcome reject pledge threaten blame apologise apologize question"
        )
        + _forms(
            "note post report claim call demand comment counter answer promise joke vow "
            "plead repeat remark mention whisper shout cry tweet highlight conclude state",
            s_form=False,
        )
    ),
)


def _trie(words: list[str]) -> str:
    """A regex for any of ``words``, shaped as a trie: ``said|says`` becomes
    ``sa(?:id|ys)``. A flat list of 200 words would be tried word by word at
    every character; the trie tries one letter at a time, which makes the
    search several times faster on a whole book."""
    root: dict = {}
    for word in words:
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


_ING_CUES = "saying|adding|noting|stressing|warning|urging|asking|telling|insisting|arguing"

# One pattern for every reporting verb, with a comment for each case.
_CUE_PATTERN = rf"""
    (?<![\w’'-])                                    # a whole word: "so-called" is not "called"
    (?:
        [Aa]ccording\s+to                           # “...,” according to the ministry
      | (?:concluded|concludes|ended|ends|closed|began|opened|wrapped\s+up)
        (?:\s+(?:his|her|their)\s+(?:remarks|speech|statement|comments|address))?
        \s+by\s+(?:{_ING_CUES})                     # concluded (his remarks) by saying
      | quoted\s+as\s+saying                        # was quoted as saying
      | (?:point|points|pointed|pointing)\s+out     # pointed out
      | (?:went|goes|going)\s+on                    # went on
      | {_trie(_CUE_WORDS)}                          # said, added, told, stressed, ... (as a trie, above)
    )
    (?![\w’'-])
"""
_CUE = re.compile(rf"(?P<cue>{_CUE_PATTERN})", re.VERBOSE)


# --- Step 4: sentences, and the words around a quote -------------------------

# Words right before a short quote that make it a name or a scare quote.
_NAMING = re.compile(
    r"(?:so-called|dubbed|termed|known\s+as|nicknamed|called|named|titled|entitled|"
    r"labell?ed|branded|the\s+(?:word|words|term|phrase|slogan|motto|hashtag))\s*$",
    re.IGNORECASE,
)
# Where a chunk of a sentence (a clause, an aside) ends.
_CHUNK_BREAK = re.compile(
    r"[,;:()\[\]—–“”\"«»\x1a]|(?<![\w’'-])(?:and|but|or|who|whom|which|that|while|when|as|after|"
    r"before|because|although|though|if|where)(?![\w’'-])"
)
_STOP_AFTER_DESCRIPTOR = (
    r"in|on|at|during|when|while|after|before|as|to|with|without|who|which|that|and|"
    r"but|from|by|through|into|via|because|since|than|told|said|says|added"
)
# A word of an attribution: no punctuation and no quoted text, except the
# full stop of Mr. or an initial.
_PLAIN = rf"(?:[{_UP}][a-z]{{1,5}}{_TITLE_STOP}|[{_UP}]\.|[^\s,.;:!?“”\"«»\x1a]+)"
_NP_AFTER = rf"""
    (?:he|she|they|we|I|it)(?![\w’'-])                          # said he
  | (?:the|a|an|one|another|his|her|their|its)\s+{_PLAIN}
    (?:\s+(?!(?:{_STOP_AFTER_DESCRIPTOR})(?![\w’'-])){_PLAIN}){{0,6}}    # said the prince / a spokesman for the ministry
  | (?:[a-z][\w-]*\s+){{0,3}}?(?:{_RUN.pattern})                 # said shop steward Leanne Marsh / Anna Pávlovna
"""
# What may follow a closing mark and attribute the quote.
_AFTER = re.compile(
    rf"""
    [\s,]*
    (?:
        (?P<cue1>{_CUE_PATTERN})\s+(?P<np1>{_NP_AFTER})          # “...,” said the Leader
        (?:\s*,\s*(?P<appos1>{_PLAIN}(?:\s+{_PLAIN}){{0,9}})(?=\s*(?:[,.;:!?]|$)))?
                                                                 #   ..., the chief executive of Acme
      | (?P<np2>{_PLAIN}(?:\s+{_PLAIN}){{0,7}}?)                 # “...,” the Leader
        (?:\s*,\s*(?P<appos2>{_PLAIN}(?:\s+{_PLAIN}){{0,9}}?)\s*,)?  #   , the chief executive of Acme,
        (?:\s+(?:{"|".join(sorted(_ADVERBS))}|[a-z]+ly))*        #   also
        \s+(?P<cue2>{_CUE_PATTERN})                              #   said
      | (?P<cue3>(?<![\w’'-])(?:{_ING_CUES}))(?![\w’'-])         # “...,” adding
    )
    """,
    re.VERBOSE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–“”\"«»\x1a]+")  # where a clause ends (punctuation only)
_NP_AFTER_RE = re.compile(rf"\s+(?P<np>{_NP_AFTER})", re.VERBOSE)  # said Smith, “...
_LABEL = re.compile(rf"\s*(?P<np>{_RUN.pattern})\s*:\s*$", re.VERBOSE)  # Okafor: “...”
_COMMA_NEXT = re.compile(r"\s*,")  # “...” , he said (British punctuation)
_LOWER_NEXT = re.compile(r"[\s,]*[a-z]")  # “Why?” he asked
