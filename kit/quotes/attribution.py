"""Step 5: who said it. Everything the attribution learns about one text.

:class:`_Text` finds the cue and the mention of each quote (after its closing
mark, else before it), and resolves a mention (a name, "the minister", "he") to
the fullest name the text gives that person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import NamedTuple

from kit.quotes.cues import (
    _AFTER,
    _CHUNK_BREAK,
    _CLAUSE_BREAK,
    _COMMA_NEXT,
    _CUE,
    _LABEL,
    _LOWER_NEXT,
    _NP_AFTER_RE,
)
from kit.quotes.marks import _Region
from kit.quotes.names import (
    _AGE,
    _APPOSITION_AFTER,
    _GENDER,
    _INDEFINITE,
    _LONG_RUN,
    _NOT_NAMES,
    _PARTICLES,
    _PERSON_HEADS,
    _PLACE_PREPOSITIONS,
    _ROLE_SYNONYMS,
    _RUN,
    _RUN_AFTER,
    _find_word,
    _is_person_name,
    _key,
    _leading_np,
    _name_start,
    _np_kind,
    _run_info,
    _sentence_word,
    _split_name,
    _split_run,
    _strip_adverbs,
)
from kit.segment import sentence_spans
from kit.texts import Span

__all__ = ["_Attribution", "_Name", "_Text", "_Voice"]


class _Attribution(NamedTuple):
    cue: str | None
    mention: str | None
    mention_pos: int  # where the mention starts in the text
    appositive: str | None = None  # “...,” the chief executive, Jane Doe, said
    end: int = 0  # where the attribution ends, when it follows the quote


class _Name(NamedTuple):
    """A name as the text writes it once, split from its title."""

    pos: int
    title: tuple[str, ...]
    words: tuple[str, ...]
    keys: frozenset[str]  # its capitalised words, lower-cased, for matching
    introduced: bool  # written with a title, or with two or more capitalised words


class _Voice(NamedTuple):
    """A quote already attributed: where it (and its attribution) ends, where its
    speaker is named, and who."""

    end: int
    mention_pos: int
    speaker: str | None


# --- Step 5: attribution, on one text --------------------------------------------

_SENTENCES_BACK = 4  # how many sentences back "he" or "she" may look for a subject
_NEAR = 4000  # how far (in characters) to look first for the person a role refers to



class _Text:
    """Everything the attribution learns about one text, computed on demand and kept."""

    def __init__(self, s: str, paras: list[Span], regions: list[_Region]) -> None:
        self.s = s
        self.paras = paras
        self.para_starts = [p.start for p in paras]
        # The text with quoted words masked out (their final punctuation kept,
        # so sentence ends stay visible): reporting verbs and names inside a
        # quote are never taken for an attribution.
        parts, last = [], 0
        for r in regions:
            content = s[r.start : r.end]
            keep = len(content) - len(content.rstrip(".,!?…;:"))
            parts += [s[last : r.start], "\x1a" * (len(content) - keep), content[len(content) - keep :]]
            last = r.end
        parts.append(s[last:])
        self.masked = "".join(parts)
        self.voices: list[_Voice] = []  # the quotes attributed so far, in order
        self._sentence_starts: dict[int, list[int]] = {}
        self._by_last: dict[str, list[tuple[int, str]]] | None = None  # capitalised runs by last word
        self._by_first: dict[str, list[tuple[int, str]]] = {}
        self._split: dict[str, list[_Name]] = {}
        self._intro: dict[tuple[frozenset[str], str], list[_Name]] = {}
        self._fullest: dict[tuple[frozenset[str], frozenset[str]], str] = {}
        self._role_cache: dict[int, tuple[int, str, str] | None] = {}
        self._nobody: set[str] = set()
        self._subjects: dict[int, tuple[int, str] | None] = {}
        self._mentions: dict[int, list[tuple[int, str, bool]]] = {}
        self.genders: dict[str, str] = {}

    # -- paragraphs and sentences --

    def para_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def sentence_starts(self, p: int) -> list[int]:
        """Where the sentences of paragraph ``p`` start."""
        starts = self._sentence_starts.get(p)
        if starts is None:
            # The kit's one sentence splitter, on the masked text (so no quote is
            # split inside), along the original paragraph.
            starts = [span.start for span in sentence_spans(self.masked, paragraphs=[self.paras[p]])]
            self._sentence_starts[p] = starts
        return starts

    def cues(self, start: int, end: int) -> list[re.Match]:
        """The reporting verbs in ``masked[start:end]``."""
        return list(_CUE.finditer(self.masked, start, end))

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (never before its paragraph)."""
        starts = self.sentence_starts(self.para_of(pos))
        return starts[bisect_right(starts, pos) - 1]

    # -- finding the cue and the mention --

    def attribute(self, r: _Region, next_mark: int) -> _Attribution | None:
        """The cue and mention of a quote: after its closing mark, else before it."""
        return self._after(r, next_mark) or self._before(r)

    def _after(self, r: _Region, next_mark: int) -> _Attribution | None:
        if r.mark_end == r.end:
            return None  # no closing mark
        last = self.s[r.end - 1]
        stop = min(next_mark, self.paras[self.para_of(r.mark_end)].end)
        if last == "." and not _COMMA_NEXT.match(self.masked, r.mark_end, stop):
            return None  # the quote ended its sentence
        if last in "?!" and not _LOWER_NEXT.match(self.masked, r.mark_end, stop):
            return None  # “Why?” The ... starts a new sentence; “Why?” he asked does not
        m = _AFTER.match(self.masked, r.mark_end, stop)
        if not m:
            return None
        if m.group("cue3"):  # “...,” adding: the speaker is the subject of the sentence
            subject = self._sentence_subject(self.sentence_start(r.mark_start), r.mark_start)
            return _Attribution(m.group("cue3"), *subject, end=m.end()) if subject else None
        for cue, np, appos in (("cue1", "np1", "appos1"), ("cue2", "np2", "appos2")):
            if m.group(cue):
                mention = _strip_adverbs(m.group(np))
                if _np_kind(mention):
                    return _Attribution(m.group(cue), mention, m.start(np), m.group(appos), m.end())
        return None

    def _before(self, r: _Region) -> _Attribution | None:
        start = self.sentence_start(r.mark_start)
        cues = self.cues(start, r.mark_start)
        if not cues:
            label = _LABEL.match(self.masked, start, r.mark_start)
            if label and start == self.paras[r.para].start and _np_kind(label.group("np")) == "name":
                return _Attribution(None, label.group("np"), label.start("np"))  # Okafor: “...”
            return None
        cue = cues[-1]
        subject = self._subject(start, cue.start())
        if subject is not None:
            return _Attribution(cue.group("cue"), *subject)
        # said Smith, “...” / According to Lukas Brandt, an analyst at DZ Bank, “...”
        inverted = _NP_AFTER_RE.match(self.masked, cue.end(), r.mark_start)
        if inverted and not re.search(r"[.;!?“”\"\x1a]", self.masked[inverted.end() : r.mark_start]):
            return _Attribution(cue.group("cue"), inverted.group("np"), inverted.start("np"))
        return _Attribution(cue.group("cue"), None, cue.start())

    def _subject(self, sent_start: int, cue_start: int) -> tuple[str, int] | None:
        """The noun phrase before a reporting verb: "the Leader" in "the Leader said"."""
        left = self.masked[sent_start:cue_start]
        breaks = list(_CHUNK_BREAK.finditer(left))
        at = breaks[-1].end() if breaks else 0
        chunk = _strip_adverbs(left[at:])
        if chunk:
            if _np_kind(chunk):
                return chunk, sent_start + at + len(left[at:]) - len(left[at:].lstrip())
            return None
        # "Smith, the chief executive, said" or "..., adding": the sentence's subject
        return self._sentence_subject(sent_start, cue_start)

    def _sentence_subject(self, sent_start: int, limit: int) -> tuple[str, int] | None:
        """The first noun phrase of a sentence, after any opening phrase ("On Monday, ").

        The sentence is read clause by clause (between commas, dashes,
        brackets): an opening phrase has no noun phrase at its start and is
        skipped; a descriptor followed by a name (``The board’s chairman,
        Howard Leck, said``) gives the name.
        """
        text, left = self.masked, sent_start
        descriptor = None  # a descriptor clause, waiting to see if a name follows it
        for b in [*_CLAUSE_BREAK.finditer(text, sent_start, limit), None]:
            right = b.start() if b else limit
            chunk = text[left:right]
            pos = left + len(chunk) - len(chunk.lstrip())
            cues = self.cues(left, right)
            if descriptor is not None:
                if not cues and _np_kind(_strip_adverbs(chunk)) == "name":
                    return chunk.strip(), pos  # the apposition names the person
                return descriptor
            np = _strip_adverbs(text[left : cues[0].start()]) if cues else _leading_np(chunk)
            kind = _np_kind(np) if np and not (np.isupper() and " " not in np) else None  # not TEHRAN
            if kind is not None:
                if kind == "descriptor" and not cues:
                    descriptor = (np, pos)
                else:
                    return np, pos
            elif cues:
                return None
            left = b.end() if b else limit
        return descriptor

    def last_voice(self, start: int, end: int) -> tuple[int, str | None] | None:
        """The speaker of the last quote or report (a reporting verb with a subject:
        "He added that ...") in ``[start, end)``, as (position, speaker)."""
        quote = None
        for v in reversed(self.voices):
            if v.end < start:
                break
            if v.end <= end:
                quote = v
                break
        cues = self.cues(quote.end if quote else start, end)
        if cues:  # a report after the last quote: its subject, or None if we cannot tell who
            subject = self._subject(self.sentence_start(cues[-1].start()), cues[-1].start())
            return cues[-1].start(), self.resolve(*subject) if subject else None
        return (quote.end, quote.speaker) if quote else None

    # -- who is who --

    def _index(self) -> None:
        """Index the text's runs of two or more capitalised words (the only
        ones that can introduce a person) by their last and first word, once."""
        self._by_last, self._by_first = {}, {}
        s = self.s
        for m in _LONG_RUN.finditer(s):
            words = m.group().split()
            # Words capitalised only because they start a sentence are not part
            # of a name (Sometimes Natásha, Yesterday Smith), and a place right
            # after "in" or "at" is not either ("in Moscow Pierre went ...").
            while words and _sentence_word(words[0]):
                words.pop(0)
            if len(words) > 1 and s[max(0, m.start() - 9) : m.start()].split()[-1:] in _PLACE_PREPOSITIONS:
                words.pop(0)
            if len(words) > 1:
                run = " ".join(words)
                self._by_last.setdefault(_key(words[-1]), []).append((m.start(), run))
                self._by_first.setdefault(_key(words[0]), []).append((m.start(), run))

    def _names_ending(self, surname: str) -> list[_Name]:
        """The person names in the text that end with ``surname``, split from their titles."""
        if surname not in self._split:
            if self._by_last is None:
                self._index()
            entries = []
            for pos, run in self._by_last.get(surname, []):
                info = _run_info(run)
                if info is not None and _key(info[1][-1]) == surname:
                    entries.append(_Name(pos, *info))
            self._split[surname] = entries
        return self._split[surname]

    def _introductions(self, wanted: frozenset[str], last: str) -> list[_Name]:
        """Where the text introduces the person whose name has the words ``wanted``:
        by a full name, or with a title. Failing that, a unique full name that
        starts with the word (Lin -> Lin Wei)."""
        cache_key = (wanted, last)
        if cache_key not in self._intro:
            found = [e for e in self._names_ending(last) if e.introduced and wanted <= e.keys]
            if not found and len(wanted) == 1:
                if self._by_last is None:
                    self._index()
                for pos, run in self._by_first.get(last, []):
                    title, name = _split_run(run)
                    before = self.s[max(0, pos - 30) : pos].replace(",", " ").split()
                    introduced = bool(title) or bool(before) and _key(before[-1]) in _PERSON_HEADS
                    if introduced and _is_person_name(list(name)) and _key(name[0]) == last:
                        keys = frozenset(_key(w) for w in name)
                        found.append(_Name(pos, (), tuple(name), keys, True))
                if len({e.words for e in found}) != 1:
                    found = []
            # A variant the text writes far less often than the usual one is an
            # accident of capitals ("Petersburg Natásha"), not a fuller name.
            counts = Counter(e.keys for e in found)
            top = max(counts.values(), default=0)
            self._intro[cache_key] = [e for e in found if counts[e.keys] * 10 >= top]
        return self._intro[cache_key]

    def person(self, name: list[str], pos: int, title: list[str] | tuple[str, ...] = ()) -> str | None:
        """The fullest name the text gives the person ``name`` mentioned at ``pos``.

        Of the full names that contain every word of ``name``, the one last
        introduced before ``pos`` (else the first after) is the person; their
        name is the longest one written with all of its words. ``title`` holds
        the title words written with this mention (President, Mrs). None if
        the words do not name a person the text introduces.
        """
        if not _is_person_name(name):
            return None
        wanted = frozenset(_key(w) for w in name if w[:1].isupper())
        intro = self._introductions(wanted, _key(name[-1]))
        if not intro:
            result = " ".join(name) if title or len(wanted) > 1 else None
        else:
            i = max(0, bisect_right(intro, pos, key=lambda e: e.pos) - 1) if len(intro) > 1 else 0
            anchor = intro[i].keys
            if (wanted, anchor) not in self._fullest:
                self._fullest[wanted, anchor] = " ".join(
                    max((e for e in intro if anchor <= e.keys), key=lambda e: (len(e.words), -e.pos)).words
                )
            result = self._fullest[wanted, anchor]
        if result is not None and result not in self.genders:
            for word in [*title, *(w for e in intro for w in e.title)]:
                if _key(word) in _GENDER:
                    self.genders[result] = _GENDER[_key(word)]
        return result

    def role_holder(self, descriptor: str, pos: int, *, synonyms: bool = True) -> str | None:
        """The person a definite description refers to: "the Belarusian president".

        Among the people the text introduces with the same role word, the one
        whose role matches most of the description's other words; of those,
        the most recent before ``pos`` (or the first after it, since a news
        lede may say "the prime minister" before naming her). In a long text,
        introductions are looked for near ``pos`` first.
        """
        words = [w.lower() for w in descriptor.split()]
        if words[0] in _INDEFINITE:
            return None  # "a spokesman" introduces someone new
        for i, w in enumerate(words):
            if w in ("of", "for", "at", "from") and i > 0:
                words = words[:i]
                break
        head = _key(words[-1])
        age = next((m.group(1) for m in map(_AGE.fullmatch, words) if m), None)
        if age:  # "the 34-year-old": the person whose age the text gives as 34
            return self._aged(age, pos)
        if head not in _PERSON_HEADS:
            return None
        modifiers = {_key(w) for w in words[1:-1]} - {"the", "his", "her", "its", "their"}
        found = self._nearest_holder(head, modifiers, pos, max(0, pos - _NEAR), pos + _NEAR // 2)
        if found is None and head not in self._nobody and len(self.s) <= 10 * _NEAR:
            # An article: look through the whole text, once for each role word.
            # (In a book, a role is only looked for near its mention.)
            found = self._nearest_holder(head, modifiers, pos, 0, len(self.s))
            if found is None:
                self._nobody.add(head)  # no one in the text holds this role
        if found is None:
            for other in _ROLE_SYNONYMS.get(head, ()) if synonyms else ():  # the education secretary ... the minister
                found = self.role_holder(" ".join([*words[:-1], other]), pos, synonyms=False)
                if found:
                    return found
            return None
        return found

    def _nearest_holder(self, head: str, modifiers: set[str], pos: int, lo: int, hi: int) -> str | None:
        """Of the people introduced with role ``head`` in ``[lo, hi)``, the one whose
        role shares most of ``modifiers``; of equals, the latest before ``pos``,
        else the first after it. Introductions are read outwards from ``pos``
        and the search stops at the first one that matches every modifier."""
        places = _find_word(self.s, head, lo, hi)
        best, best_matched = None, -1
        for at in [*reversed([a for a in places if a < pos]), *(a for a in places if a >= pos)]:
            holder = self._role_at(head, at)
            if holder is None:
                continue
            matched = sum(m in holder[2] for m in modifiers)
            if matched > best_matched:
                best, best_matched = holder[1], matched
                if matched == len(modifiers):
                    break
        return best

    def _aged(self, age: str, pos: int) -> str | None:
        """The person last given the age ``age`` before ``pos``: "Liam Carver, 34,"."""
        found = None
        for m in re.finditer(rf"({_RUN.pattern}),\s+{age}\b", self.s[:pos], re.VERBOSE):
            title, name = _split_name(m.group(1).split())
            who = self.person(name, m.start(), title) if name else None
            found = who or found
        return found

    def _role_at(self, head: str, at: int) -> tuple[int, str, str] | None:
        """The person the role word at ``at`` introduces, as (position, name, role words)."""
        if at in self._role_cache:
            return self._role_cache[at]
        s, end = self.s, at + len(head)
        window = max(0, at - 160)
        role = s[max(0, at - 40) : end].lower()
        found = None
        # (1) the role stands before the name: President Alexander Lukashenko,
        #     foreign minister Abbas Araghchi, Leader of the Islamic Revolution Ayatollah Ali Khamenei
        named = _RUN_AFTER.match(s, end)
        if named:
            title, name = _split_name([s[at:end], *named.group("name").split()])
            if name:
                found = (at, self.person(name, named.start("name"), title), role)
        # (2) an apposition after the name: Jane Doe, the chief executive of Acme
        if found is None or found[1] is None:
            before = s[window:at]
            comma = before.rfind(",")
            aside = before[comma + 1 :]
            if comma >= 0 and len(aside.split()) <= 6 and not re.search(r"[.;:!?“”\"]", aside):
                words = before[:comma].split()[-8:]
                k = len(words)
                while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _PARTICLES):
                    k -= 1
                title, name = _split_name(words[k:]) if k < len(words) else ([], [])
                if name:
                    found = (at, self.person(name, at - len(aside) - 1, title), aside.lower() + " " + head)
        # (3) an apposition before the name: the foreign secretary, David Whitcombe,
        if found is None or found[1] is None:
            named = _APPOSITION_AFTER.match(s, end)
            if named:
                title, name = _split_name(named.group("name").split())
                if name:
                    found = (at, self.person(name, named.start("name"), title or [head]), role)
        result = found if found is not None and found[1] is not None else None
        self._role_cache[at] = result
        return result

    def _mentions_in(self, p: int) -> list[tuple[int, str, bool]]:
        """Every person paragraph ``p`` names outside quotes."""
        if p not in self._mentions:
            found = []
            for run in _RUN.finditer(self.masked, *self.paras[p]):
                if " " not in run.group() and _key(run.group()) in _NOT_NAMES:
                    continue
                title, name = _split_name(run.group().split())
                if name and _key(name[0]) not in _NOT_NAMES:
                    who = self.person(name, run.start(), title)
                    if who:
                        found.append((run.start(), who, False))
            self._mentions[p] = found
        return self._mentions[p]

    def antecedent(self, pronoun: str, pos: int) -> str | None:
        """The person "he" or "she" at ``pos`` most likely refers to.

        The most recent person, in this paragraph or the two before it, who
        was the subject of a sentence or the speaker of a quote; failing that,
        the most recent person mentioned there at all. A person known (from a
        title, or an earlier pronoun) to be of the other gender is skipped.
        """
        gender = {"he": "m", "she": "f"}[pronoun]
        here = self.para_of(pos)
        first = max(0, here - 2)
        window = self.paras[first].start

        def fits(who: str | None) -> bool:
            return who is not None and self.genders.get(who, gender) == gender

        voice = None  # the last quote's speaker, where they were named
        for v in reversed(self.voices):
            if v.end < window:
                break
            if v.mention_pos < pos and window <= v.mention_pos and fits(v.speaker):
                voice = (v.mention_pos, v.speaker)
                break
        subject = None  # the subject of the latest sentence that has a person as subject
        looked = 0
        for p in range(here, first - 1, -1):
            starts = self.sentence_starts(p)
            ends = starts[1:] + [self.paras[p].end]
            for start, end in reversed(list(zip(starts, ends))):
                if start >= pos:
                    continue
                if voice and voice[0] >= end or looked == _SENTENCES_BACK:
                    break
                looked += 1
                found = self._subject_of_sentence(start, end)
                if found and found[0] < pos and fits(found[1]):
                    subject = found
                    break
            if subject or looked == _SENTENCES_BACK or (voice and voice[0] >= self.paras[p].start):
                break
        candidates = [c for c in (voice, subject) if c]
        if not candidates:  # nobody was a subject: anyone mentioned outside quotes
            candidates = [c[:2] for p in range(first, here + 1) for c in self._mentions_in(p)
                          if c[0] < pos and fits(c[1])]
        if not candidates:
            return None
        chosen = max(candidates)[1]
        self.genders.setdefault(chosen, gender)
        return chosen

    def _subject_of_sentence(self, start: int, end: int) -> tuple[int, str] | None:
        """The person who is the subject of the sentence ``[start, end)``, if any."""
        if start not in self._subjects:
            found = None
            subject = self._sentence_subject(start, end)
            if subject and _np_kind(subject[0]) != "pronoun":
                who = self.resolve(*subject)
                if who:
                    found = (subject[1], who)
            self._subjects[start] = found
        return self._subjects[start]

    def resolve(self, mention: str, pos: int, appositive: str | None = None) -> str | None:
        """The canonical name of the person a mention refers to, or None."""
        kind = _np_kind(mention)
        if appositive and kind != "name" and _np_kind(appositive) == "name":
            mention, kind = appositive, "name"  # the chief executive, Jane Doe, said
        if kind == "pronoun":
            low = mention.lower()
            return self.antecedent(low, pos) if low in ("he", "she") else None
        if kind == "name":
            words = mention.split()
            start = _name_start(words) or 0
            title, name = _split_name(words[start:])
            if name:
                return self.person(name, pos, [*words[:start], *title])
            mention = "the " + mention  # a title alone: "Leader" is "the Leader"
        if kind in ("name", "descriptor"):
            return self.role_holder(mention, pos)
        return None
