"""Cut a sentence that gives different actions to different departments into one per action."""

from __future__ import annotations

import re

from .assignees import GLUE
from .directory import Mention

#: what may stand before the subject at the start of a clause ("the", "all", punctuation)
LEAD_GLUE = re.compile(r"(?:\W|the|all|and|सभी|संबंधित)*", re.IGNORECASE)

#: where a sentence may be cut: semicolons, commas and the conjunctions between clauses
_SPLIT = re.compile(
    r"\s*;\s*(?:and\s+|while\s+|तथा\s+|और\s+)?"
    r"|\s*,?\s+(?:and\s+also|and|while|whereas|besides)\s+"
    r"|\s*,?\s+(?:तथा|एवं|और|जबकि|वहीं|साथ\s+ही)\s+"
    r"|,\s+",
    re.IGNORECASE,
)
#: a word after "to" that is no verb: "to the departments", "to them"
_NOT_A_VERB = (r"(?!(?:the|a|an|all|his|her|their|its|this|that|these|those|them|him|each|every|"
               r"any|some|be)\b)")
_ACTION_EN = re.compile(
    r"\b(?:[Ss]hall|[Ss]hould|[Ww]ill|[Mm]ust|[Mm]ay|to)\s+(?:also\s+|immediately\s+|jointly\s+)?"
    r"(?:be\s+)?" + _NOT_A_VERB + r"[a-z]{3,}")
_ACTION_HI = re.compile(
    r"(?<![\u0900-\u0963\u0971-\u097F])(?!उन्होंने|इन्होंने|जिन्होंने|अपने|सामने)"
    r"[\u0900-\u0963\u0971-\u097F]*(?:करें|करे|कराएं|कराए|करायें|कराये|ने|जाए|जाएं|जाये|दें|लें|रखें|"
    r"रखे|भेजें|भेजे|करेगा|करेंगे|करेगी|कराएगा|कराएंगे|कराएगी|देगा|देंगे|देगी)"
    r"(?![\u0900-\u0963\u0971-\u097F])"
    r"|(?<![\u0900-\u0963\u0971-\u097F])(?:करा|कर|करवा)\s+लें?(?![\u0900-\u0963\u0971-\u097F])")


def _has_action(text: str, start: int, end: int, mentions: list[Mention], near: bool = False
                ) -> bool:
    """Tell whether a department named in the span is followed by a verb of action (`near`: a
    verb of its own close after it, not a purpose further on: "... with the Secretary, Health,
    and Municipal Corporation officials for effective action to control dengue")."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind != "chair"]
    if not inside:
        return False
    tail = inside[0].end
    last = inside[0]
    for m in inside[1:]:
        if not GLUE.fullmatch(text, last.end, m.start):
            break
        last = m
    # English puts the verb right after its subject; Hindi puts it at the end of the clause
    for rx, stop in ((_ACTION_EN, min(end, last.end + 25) if near else end), (_ACTION_HI, end)):
        for m in rx.finditer(text, tail, stop):
            if m.group() != "ने" and len(m.group()) > 2:
                return True
    return False


#: a clause that opens on a directive verb and its object: "... and asked the PDD to restore"
_EN_VERB_LEAD = re.compile(
    r"(?:(?:he|she|they)\s+)?(?:also\s+|further\s+)?(?:asked|directed|instructed|told|requested|"
    r"urged|advised|tasked|called\s+upon|asking|directing|instructing|telling|requesting|urging)"
    r"\s+", re.IGNORECASE)


def _starts_with_subject(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Tell whether the span opens with a department (after "the", "all" and the like)."""
    first = next((m for m in mentions if start <= m.start < end and m.kind != "chair"), None)
    if first is None:
        return False
    lead = _EN_VERB_LEAD.match(text, start, first.start)
    if lead is not None:
        start = lead.end()
    return first.start - start < 40 and bool(LEAD_GLUE.fullmatch(text, start, first.start))


def split_actions(text: str, start: int, end: int, mentions: list[Mention]
                  ) -> list[tuple[int, int]]:
    """Return the spans of text[start:end], one per department with an action of its own.

    A cut is made only where the clause before it names a department followed by an action and
    the clause after it starts with another department followed by an action, so that "the BSA and
    the DPO shall survey" stays whole.
    """
    if len(mentions) < 2:
        return [(start, end)]
    parts = []
    cursor = start
    for sp in _SPLIT.finditer(text, start, end):
        if sp.start() <= cursor:
            continue
        if (_has_action(text, cursor, sp.start(), mentions)
                and _starts_with_subject(text, sp.end(), end, mentions)
                and _has_action(text, sp.end(), end, mentions, near=True)):
            parts.append((cursor, sp.start()))
            cursor = sp.end()
    parts.append((cursor, end))
    return parts


_D = r"\u0900-\u0963\u0971-\u097F"
#: a Hindi clause that ends on an order of its own: "... सुनिश्चित करें", "... हटवाएं", "... भेजे"
_HI_ORDER_WORDS = (
    rf"(?<![{_D}])(?:"
    r"(?:करा|करवा|दिला|दिलवा|बना|बनवा|लगा|लगवा|हटा|हटवा|चला|चलवा|पहुंचा|पहुँचा|बुला|ला|बढ़ा|"
    r"भिजवा|बंटवा|बँटवा|जा|समझा|बता|उठा|अपना|जुटा|मिला|निपटा|निबटा|कटवा|पढ़ा|सिखा|दिखा|बचा|"
    r"भरवा|खुलवा|रुकवा|छुड़ा|छुड़वा|सजा|मंगा|मंगवा)(?:एं|एँ|यें|ये|ए)"
    r"|(?:कर|भेज|रख|निकाल|जोड़|बांट|बाँट|भर|खोल|देख|सुन|सौंप|रह|लिख|पहचान|सुधार|जांच|जाँच|रोक|"
    r"पकड़|बदल|चुन|बैठ|मान)(?:ें|े)"
    r"|दें|लें|हों|हो|रहे|रहें"
    r"|(?:निर्देश|आदेश)\s+(?:दिए|दिये|दिया)|निर्देशित\s+किया|(?:को|से)\s+कहा"
    rf")(?![{_D}])")
_HI_ORDER_END = re.compile(_HI_ORDER_WORDS + r"\s*$")
#: an order of its own somewhere in a Hindi clause
_HI_ORDER = re.compile(_HI_ORDER_WORDS)
#: an English clause with a subject and a modal of its own ("action should also be taken"), or
#: a second directive verb ("and also asked them to ...")
_EN_ORDER_AFTER = re.compile(
    r"(?:(?!(?:and|or|but|then)\b)[\w'-]+\s+){1,8}?(?:should|shall|must)\s+"
    r"(?:also\s+|immediately\s+|be\s+|further\s+)*"
    r"[a-z]{3,}"
    r"|(?:(?:he|she|they)\s+)?(?:also\s+|further\s+)?(?:asked|directed|instructed|told|urged)\s+"
    r"(?:[\w'-]+\s+){0,6}?to\s+[a-z]{3,}",
    re.IGNORECASE)
#: after "while" the subject may join nouns with "and": "while bill boards and tree tops along
#: the roads should be cleared"
_EN_ORDER_AFTER_WHILE = re.compile(
    r"(?:(?!(?:or|but|then)\b)[\w'-]+\s+){1,10}?(?:should|shall|must)\s+"
    r"(?:also\s+|immediately\s+|be\s+|further\s+)*[a-z]{3,}", re.IGNORECASE)
_EN_ORDER_BEFORE = re.compile(
    r"\b(?:[Ss]hould|[Ss]hall|[Mm]ust)\s+(?:[a-z]+\s+){0,2}[a-z]{3,}"
    r"|\bto\s+" + _NOT_A_VERB + r"[a-z]{3,}")
_ORDER_SPLIT = re.compile(
    r"\s*,?\s+(?:and\s+also|and|besides|while|whereas)\s+|\s*,?\s+(?:तथा|एवं|और|व|साथ\s+ही)\s+|\s*;\s*|,\s+",
    re.IGNORECASE)
#: at least two words, looked for without counting all of them
_TWO_WORDS = re.compile(rf"[\w{_D}]+[^\w{_D}]+[\w{_D}]")
_NEGATED = re.compile(rf"(?<![{_D}])(?:न|नहीं|ना)\s+$")
#: a clause that hangs on the one before: "शिविर आयोजित कराएं, जिनमें … जांच की जाए"
_SUBORDINATE = re.compile(
    rf"(?:जिन|जिस)[{_D}]*|(?:जो|जहां|जहाँ|जब|ताकि|क्योंकि|यदि|अगर|अन्यथा|वरना)(?![{_D}])"
    r"|(?:which|who|whom|whose|where|when|so\s+that|so\s+as|if|unless|otherwise|failing)\b",
    re.IGNORECASE)


_LATIN_WORD = re.compile(r"[A-Za-z]")
_COMMA = re.compile(r",\s*")
#: a word that makes a stretch of English a clause rather than a noun phrase
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|shall|should|must|will|would|may|can|could|"
    r"said|asked|told|directed|to\s+[a-z]{3,}|[a-z]{3,}ed)\b", re.IGNORECASE)


def _subject_start(text: str, start: int, conj: int) -> int | None:
    """Where the subject of the clause after an English "and" begins when the words just before
    the "and" belong to it ("…, Christian Bhavan, Haj House and MVS Degree College should be
    completed"): after the last comma that ends a stretch with a verb, or `start`. None when the
    words just before the "and" are a clause of their own."""
    bound = conj
    for comma in reversed([m.end() for m in _COMMA.finditer(text, start, conj)]):
        if _EN_VERB.search(text, comma, bound) or conj - comma > 150:
            return None if bound == conj else bound
        bound = comma
    if bound == conj and _EN_VERB.search(text, start, conj):
        return None
    return bound if _EN_VERB.search(text, start, bound) else start


def split_orders(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a clause into the orders it joins, each with a verb of its own: "अतिक्रमण हटवाएं तथा
    नालियों की सफाई कराएं", "repairs should be completed … and action should also be taken
    against …". Tasks joined under one order ("योजनाएं बनाने एवं उन्हें लागू करने के निर्देश",
    "to expedite X and ensure Y") stay one."""
    parts = []
    cursor = start
    for sp in _ORDER_SPLIT.finditer(text, start, end):
        if sp.start() <= cursor or not _TWO_WORDS.search(text, cursor, sp.start()) \
                or not _TWO_WORDS.search(text, sp.end(), end):
            continue
        if _SUBORDINATE.match(text, sp.end(), end):
            continue
        if _HI_ORDER_END.search(text, cursor, sp.start()):
            # "... पूर्ण की जाएं और गुणवत्ता से कोई समझौता न हो": a prohibition on the same
            # work is no order of its own
            if not any(not _NEGATED.search(text, max(sp.end(), m.start() - 6), m.start())
                       for m in _HI_ORDER.finditer(text, sp.end(), end)):
                continue
        elif sp.group().strip() == "," or not (
                _EN_ORDER_BEFORE.search(text, cursor, sp.start())
                and (_EN_ORDER_AFTER_WHILE if sp.group().strip(" ,").lower() in ("while", "whereas")
                     else _EN_ORDER_AFTER).match(text, sp.end(), end)):
            continue
        if _LATIN_WORD.match(text, sp.end()):
            subject = _subject_start(text, cursor, sp.start())
            if subject is not None:
                # "…, Christian Bhavan, Haj House and MVS Degree College should be completed":
                # the second order's subject is the list before "and" too
                if subject > cursor:
                    parts.append((cursor, subject))
                    cursor = subject
                continue
        parts.append((cursor, sp.start()))
        # the second order keeps its "and" / "तथा": "… और पूरी निगरानी रखें" is how it is quoted
        cursor = sp.start() if sp.group().strip(" ,;") else sp.end()
    parts.append((cursor, end))
    return parts
