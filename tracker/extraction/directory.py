"""Find department, chair and office mentions with one precompiled matcher per directory."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .departments import BUILTIN_DEPARTMENTS, CHAIR_TITLES, DepartmentEntry
from .normalize import fold

#: letters that continue a word, in both scripts (Devanagari signs included, danda excluded)
WORD = r"\w\u0900-\u0963\u0971-\u097F"
_LEFT = rf"(?<![{WORD}])"
_RIGHT = rf"(?![{WORD}])"
_SEP = r"[\s,\-/().]+"
_SEP_SPLIT = re.compile(_SEP)
_LATIN = re.compile(r"[A-Za-z]")
_DEVA = re.compile(r"[\u0900-\u0963\u0971-\u097F]")
_CONJ_WORDS = ("एवं", "और", "व", "तथा", "and", "&", "एंव")
_CONJ_MARK = "\ue000"
_CONJ_PATTERN = "(?:" + "|".join(re.escape(w) for w in sorted(_CONJ_WORDS, key=len)[::-1]) + ")"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
#: titles written short in front of a department ("EE Irrigation" for "Executive Engineer
#: Irrigation"); the short form only counts with the department after it
_TITLE_SHORT_FORMS = (("executive engineer", ("ee", "xen")),
                      ("executive officer", ("eo",)))
_DEVANAGARI_CONSONANT = re.compile(r"[\u0915-\u0939]$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of folded text that names a department, a chair, all departments or an office."""

    start: int
    end: int
    code: str | None
    #: "dept" (directory), "chair", "all" (all departments) or "unknown" (office not in directory)
    kind: str


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """Return the lookup key of an alias or of matched text."""
    tokens = [t for t in _SEP_SPLIT.split(fold(text).text) if t]
    return " ".join(_CONJ_MARK if t in _CONJ_WORDS else t for t in tokens)


def _plural_variants(key: str) -> list[str]:
    """Return the Hindi oblique-plural forms of a key ("अधिकारी" -> "अधिकारियों")."""
    if not key or not ("\u0900" <= key[-1] <= "\u097f"):
        return []
    if key.endswith("ी"):
        return [key[:-1] + "ियों"]
    if key.endswith("ा"):
        return [key + "ओं"]
    if _DEVANAGARI_CONSONANT.search(key):
        return [key + "ों", key + "ें"]
    return []


def _trie_regex(keys: Iterable[str]) -> str:
    """Build a prefix-factored regex (longest alternatives first) from canonical keys."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(ch: str) -> str:
        if ch == " ":
            return _SEP
        if ch == _CONJ_MARK:
            return _CONJ_PATTERN
        return re.escape(ch)

    def build(node: dict) -> str:
        alts = [emit(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(trie)


class _Matcher:
    """Compiled patterns and lookup tables for one set of entries."""

    def __init__(self, entries: tuple[DepartmentEntry, ...]) -> None:
        folded: dict[str, str | None] = {}
        exact: dict[str, str | None] = {}
        bare: dict[str, str] = {}
        for entry in entries:
            for alias in (entry.name_en, entry.name_hi, *entry.aliases):
                self._add(alias, entry.code, folded, exact)
                stem = _bare_name(alias)
                if stem:
                    bare.setdefault(canonical(stem).lower(), entry.code)
        self.chair_keys = set()
        for title, code in CHAIR_TITLES.items():
            key = canonical(title)
            target = exact if _ACRONYM.fullmatch(title) else folded
            lookup = key if target is exact else key.lower()
            target.setdefault(lookup, code)
            self.chair_keys.add(lookup)
            for variant in _plural_variants(lookup):
                target.setdefault(variant, code)
                self.chair_keys.add(variant)
        self.folded = folded
        self.exact = exact
        self.bare = bare
        suffix = r"(?:'s|s)?"
        self.folded_re = re.compile(_LEFT + "(?:" + _trie_regex(folded) + ")" + suffix + _RIGHT,
                                    re.IGNORECASE)
        self.exact_re = re.compile(_LEFT + "(?:" + _trie_regex(exact) + ")" + suffix + _RIGHT)
        bare_body = "(?:" + _trie_regex(bare) + ")"
        item_sep = r"(?:\s*[,;]\s*(?:(?:और|एवं|तथा|व|and|&)\s+)?|\s+(?:और|एवं|तथा|व|and|&)\s+)"
        # "राजस्व एवं पुलिस की संयुक्त टीम", "revenue and police teams": the teams of departments
        dept_word = (r"(?:विभागों|विभाग|departments|department|depts\.?|dept\.?|"
                     r"(?:की|के)\s+(?:संयुक्त\s+)?(?:टीम|टीमों|टीमें)|(?:joint\s+)?teams?|officials|officers|"
                     r"(?:के\s+)?(?:अधिकारियों|अधिकारी|अफसरों|अफसर))")
        self.bare_item_re = re.compile(_LEFT + bare_body + _RIGHT, re.IGNORECASE)
        self.bare_list_re = re.compile(
            _LEFT + "(?:" + bare_body + _RIGHT + ")(?:" + item_sep + bare_body + _RIGHT + ")*"
            + r"\s+(?:(?:जैसे|आदि|इत्यादि|etc\.?)\s+)?(?:के\s+)?" + dept_word + _RIGHT
            + "|" + dept_word + r"\s+(?:of|like|such\s+as|viz\.?|namely|including)\s+(?:the\s+)?"
            + "(?:" + bare_body + _RIGHT + ")(?:" + item_sep + bare_body + _RIGHT + ")*",
            re.IGNORECASE,
        )

    @staticmethod
    def _add(alias: str, code: str, folded: dict, exact: dict) -> None:
        alias = alias.strip()
        if not alias:
            return
        if _ACRONYM.fullmatch(alias):
            exact[alias] = code
            if len(alias) <= 5 and alias.isalpha():
                exact[" ".join(alias)] = code  # dotted form "P.W.D" folds to "P W D"
            return
        key = canonical(alias).lower()
        if not key:
            return
        folded[key] = code
        for variant in _plural_variants(key):
            folded.setdefault(variant, code)
        if "अधिकारी" in key.split():
            # Bihar and Jharkhand write "पदाधिकारी": "प्रखंड विकास पदाधिकारी", "जिला शिक्षा पदाधिकारी"
            alt = " ".join("पदाधिकारी" if w == "अधिकारी" else w for w in key.split())
            folded.setdefault(alt, code)
            for variant in _plural_variants(alt):
                folded.setdefault(variant, code)
        for title, short in _TITLE_SHORT_FORMS:
            if key.startswith(title + " "):
                for form in short:
                    folded.setdefault(form + key[len(title):], code)

    def lookup(self, matched: str, exact: bool) -> tuple[str | None, bool] | None:
        """Return (code, is_chair) for matched text, or None."""
        key = canonical(matched)
        table = self.exact if exact else self.folded
        if not exact:
            key = key.lower()
        for candidate in (key, key[:-2] if key.endswith("'s") else None,
                          key[:-1] if key.endswith("s") else None):
            if candidate and candidate in table:
                return table[candidate], candidate in self.chair_keys
        return None


def _bare_name(alias: str) -> str | None:
    """Return a department name without its "department" word, or None."""
    for suffix in (" विभाग", " Department", " department", " Dept"):
        if alias.endswith(suffix) and len(alias) > len(suffix) + 2:
            return alias[: -len(suffix)]
    if alias.startswith("Department of ") and len(alias) > 16:
        return alias[len("Department of "):]
    return None


_ALL_HI = re.compile(
    _LEFT + r"(?:विभागाध्यक्षों|विभाग\s+प्रमुखों|विभागीय\s+प्रमुखों)" + _RIGHT + "|"
    + _LEFT + r"(?:(?:सभी|समस्त|सब|विभिन्न|जितने\s+भी)\s+(?:(?:संबंधित|सम्बंधित|सम्बन्धित|संबन्धित|संबधित|"
    r"जनपद|जिला|जिले|जनपदीय|"
    r"विभागीय|रेखीय|अन्य|स्तरीय|के|स्तर|प्रमुख|नामित|नोडल|जनपद\s+स्तरीय|जिला\s+स्तरीय)\s+)*"
    r")"
    r"(?:विभागाध्यक्षों|विभागाध्यक्ष|विभागों|विभाग|अधिकारियों|अधिकारीगण|अधिकारी|पदाधिकारियों|"
    r"पदाधिकारीगण|पदाधिकारियो|पदाधिकारी|अधिकारियो|अफसरों|अफसर|"
    r"सदस्यों|सदस्य|कर्मचारियों|कर्मचारी|एजेंसियों|इकाइयों|हितधारकों)" + _RIGHT
)
_ALL_EN = re.compile(
    r"\b(?:all\s+(?:the\s+)?(?:(?:concerned|line|member|district|district-level|other|"
    r"participating|relevant|respective|government|nodal|field|implementing|state|key|"
    r"administrative|sectoral|district\s*/\s*sectoral)\s+)*"
    r"(?:departments|depts|officers|officials|HoDs|heads\s+of\s+(?:the\s+)?departments|members|"
    r"secretaries|"
    r"stakeholders|agencies)|(?:the\s+)?members(?=\s+(?:were|are|shall|should|will|may|must|to)\b)|"
    r"all\s+concerned|"
    r"(?:the\s+)?line\s+departments|every\s+department|each\s+department|"
    r"(?:the\s+)?various\s+(?:line\s+)?departments|"
    r"(?:the\s+|all\s+(?:the\s+)?)?(?:concerned\s+)?(?:administrative\s+secretaries|"
    r"heads\s+of\s+departments|department\s+heads)|"
    r"(?<!\w\s)(?:departments|depts)(?=\.?\s+(?:also\s+)?(?:must|shall|should|will|are\s+to)\b)|"
    # "the DCs and departments to take", "the secretaries" of a state's departments
    r"(?<=\band\s)departments(?=\s+to\s+[a-z])|(?:the\s+|(?<![A-Za-z]\s))secretaries(?!\s+of\b)|"
    r"the\s+departments(?!\s+(?:of|for|dealing|concerned|such|like|which|that|who)\b))\b",
    re.IGNORECASE,
)

#: the plural of "जिला अधिकारी" with a space is the district's officers in general
_DISTRICT_OFFICERS = re.compile(r"जिला\s+(?:पद)?अधिकारियों")

_HI_HEADS = (
    "अधिकारियों|अधिकारी|पदाधिकारियों|पदाधिकारी|अभियंताओं|अभियंता|अभियन्ता|निदेशकों|निदेशक|आयुक्त|सचिवों|सचिव|"
    "विभागों|विभाग|निगम|प्राधिकरण|परिषद|बोर्ड|आयोग|अधीक्षक|निरीक्षक|प्रबंधक|प्रबन्धक|समन्वयक|"
    "मिशन|इकाई|प्रकोष्ठ|निदेशालय|संस्थान|प्रभारी|अधीक्षकों|निरीक्षकों|प्रबंधकों|आयुक्तों|समन्वयकों|"
    "समिति|समितियों|संस्था|संस्थाओं|टास्क\\s+फोर्स|निकाय|निकायों|प्रभारियों|एजेंसियों|एजेंसी|"
    "ठेकेदारों|ठेकेदार|सेल|अफसरों|अफसर"
)
#: the heads of bodies that a department's word only names: "विकास निगम", "Housing Board"
_CORPORATION = re.compile(r"(?:निगम|बोर्ड|Corporation|Board|Society|Bank)s?" + _RIGHT + r"[\s,]*$",
                          re.IGNORECASE)
_HI_OFFICE = re.compile(
    _LEFT + r"((?:[\u0900-\u0963\u0971-\u097F]+\s+){0,3})(" + _HI_HEADS + r")" + _RIGHT
    + r"(?:\s*,?\s*([\u0900-\u0963\u0971-\u097F]+(?:\s+[\u0900-\u0963\u0971-\u097F]+){0,2})"
    r"(?=\s+(?:को|से|द्वारा)" + _RIGHT + "))?"
)
_HI_STOP = frozenset(str.split(
    "को से ने के की का में पर और एवं तथा व या सभी समस्त सब संबंधित सम्बंधित सम्बन्धित संबन्धित इस उस यह "
    "वह ये वे एक अपने अपनी अपना द्वारा हेतु लिए लिये भी ही साथ कि जो जिन उन्होंने उन्हें इन्हें अन्य तक "
    "बैठक निर्देश दिए दिया दिये उपस्थित मौजूद है हैं था थे रहे रहीं किया करने कराने करें समय उनके उनकी "
    "उनका प्रत्येक हर जिसमें जिसके इसके उसके श्री श्रीमती डॉ सुश्री आदि तहत बाद पहले प्रति बीच उक्त "
    "जनपद जिले राज्य सरकार शासन प्रदेश विभागीय जैसे आदि इत्यादि स्वयंसेवी सामाजिक धार्मिक शैक्षणिक निजी "
    "करते हुए हुये जल्द जल्दी शीघ्र तुरंत तुरन्त तत्काल अविलंब अविलम्ब उन्होने इन्होंने"
))
_HI_HONORIFICS = frozenset(str.split("श्री श्रीमती सुश्री डॉ डा कु कुमारी"))
_HI_HONORIFIC_BEFORE = re.compile(r"(?:श्री|श्रीमती|सुश्री|डॉ|कु)\.?\s*$")
_EN_HEADS = (
    "Officer|Engineer|Director|Commissioner|Department|Dept|Corporation|Authority|Secretary|Board|"
    "Agency|Mission|Cell|Unit|Inspector|Manager|Superintendent|Registrar|Society|Council|"
    "Directorate|Office|Commission|Coordinator|In-charge|Incharge|Administrator|Controller|"
    "Ministry|Force"
)
_EN_OFFICE = re.compile(
    r"((?:(?:[A-Z][\w&.'-]*|of|and|&|for)\s+){0,5})(" + _EN_HEADS + r")s?\b"
    # "Executive Engineer, Transco"; not the next office of a list ("..., National Highways
    # Authority")
    r"(?:\s*,\s*(?!(?:[A-Z][\w&-]*\s+){0,2}(?:" + _EN_HEADS + r")s?\b)"
    r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})|\s+\(([A-Z][\w&.-]*)\)|"
    r"\s+of\s+(?:the\s+)?([A-Z][\w&-]*(?:\s+(?:and\s+)?[A-Z][\w&-]*){0,3})(?![\w&-])(?!\s+[A-Z]))?"
)
#: an acronym the directory does not know, named by its staff: "DPCC officials", "NHAI engineers"
_EN_ACRONYM_STAFF = re.compile(
    r"\b(?!(?:THE|ALL|AND|FOR|NO|TO|OF)\b)[A-Z][A-Z&]{1,7}\s+(?:officials|officers|authorities|"
    r"engineers|staff|teams?|personnel)\b")
#: offices named by their staff in lower case: "the heads of the procurement agencies"
_EN_STAFF_OF = re.compile(
    r"\b(?:chiefs?|heads?|officers?|officials?|representatives?|managers?)\s+of\s+(?:all\s+)?(?:the\s+)?"
    r"((?:[a-z]+\s+){1,2}(?:agencies|agency|corporations?|boards?|mills|banks|companies|societies))\b")
_EN_STOP = frozenset(str.split(
    "the all each every concerned respective shri smt sh dr mr ms mrs it this that these those "
    "a an of and & for meeting minister"
))
_EN_LEAD_STOP = frozenset(str.split(
    "the all each every concerned respective shri smt sh dr mr ms mrs it this that these those "
    "a an of and & for it"
))


class Directory:
    """An immutable directory of departments with its compiled matcher."""

    __slots__ = ("_entries", "_matcher")

    def __init__(self, entries: Iterable[DepartmentEntry]) -> None:
        self._entries = tuple(entries)
        self._matcher = _Matcher(self._entries)

    @classmethod
    def builtin(cls) -> Directory:
        """Return the shared directory of built-in departments."""
        return _builtin()

    @classmethod
    def from_entries(cls, entries: Iterable[DepartmentEntry]) -> Directory:
        """Build a directory from the given entries only (the same entries share one)."""
        return _shared(tuple(entries))

    def merged(self, entries: Iterable[DepartmentEntry]) -> Directory:
        """Return a new directory where the given entries override those with the same code."""
        by_code = {e.code: e for e in self._entries}
        added: dict[str, DepartmentEntry] = {}
        for new in entries:
            old = by_code.get(new.code)
            if old is not None:
                extra = tuple(
                    a for a in (*old.aliases, old.name_en, old.name_hi)
                    if a not in new.aliases and a not in (new.name_en, new.name_hi)
                )
                new = DepartmentEntry(new.code, new.name_en, new.name_hi,
                                      tuple(dict.fromkeys((*new.aliases, *extra))))
            added[new.code] = new
        # the given entries go last so that their aliases win over the ones they shadow
        kept = [e for code, e in by_code.items() if code not in added]
        return _shared((*kept, *added.values()))

    def entries(self) -> tuple[DepartmentEntry, ...]:
        """Return the entries of this directory."""
        return self._entries

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Find the non-overlapping mentions in text[start:end], longest first, in order."""
        end = len(text) if end is None else end
        m = self._matcher
        latin = _LATIN.search(text, start, end) is not None
        deva = _DEVA.search(text, start, end) is not None
        found: list[Mention] = []
        for regex, exact in ((m.folded_re, False), (m.exact_re, True)):
            if exact and not latin:
                continue
            for match in regex.finditer(text, start, end):
                hit = m.lookup(match.group(), exact)
                if hit is not None:
                    code, is_chair = hit
                    if is_chair and _DISTRICT_OFFICERS.fullmatch(match.group()):
                        continue  # "जिला अधिकारियों": the district's officers, not its DMs
                    found.append(Mention(match.start(), match.end(), code,
                                         "chair" if is_chair else "dept"))
        for regex in (_ALL_HI if deva else None, _ALL_EN if latin else None):
            if regex is None:
                continue
            for match in regex.finditer(text, start, end):
                found.append(Mention(match.start(), match.end(), None, "all"))
        known = _of_one_department(text, _resolve(found))
        extra: list[Mention] = []
        for match in m.bare_list_re.finditer(text, start, end):
            for item in m.bare_item_re.finditer(text, match.start(), match.end()):
                code = m.bare.get(canonical(item.group()).lower())
                if code is not None:
                    extra.append(Mention(item.start(), item.end(), code, "dept"))
        known = known + [x for x in _resolve(extra) if not any(_overlaps(x, k) for k in known)]
        listed = _list_items(text, start, end, known, m, deva, latin)
        known = sorted(known + listed, key=lambda x: x.start)
        if latin or deva:
            known = sorted(known + _listed_acronyms(text, start, end, known, latin, deva),
                           key=lambda x: x.start)
        result = list(known)
        for mention in _resolve(_offices(text, start, end, deva, latin)):
            # "मुख्यमंत्री घोषणा सेल", "Chief Minister's Helpline Cell": an office named after a chair
            inner = [k for k in known if _overlaps(mention, k)]
            if inner and all(k.kind == "chair" and mention.start <= k.start and k.end < mention.end
                             for k in inner):
                result = [r for r in result if r not in inner]
                known = [k for k in known if k not in inner]
            if not any(_overlaps(mention, k) for k in known) and not (
                mention.kind == "unknown" and (_precedes_known(text, mention, known)
                                               or _follows_known(text, mention, known))
            ):
                # "उप निदेशक कृषि", "Deputy Director, Social Welfare": the office names its
                # department; a corporation's name does not ("अनुसूचित जाति विकास निगम")
                codes = {m.bare.get(canonical(b.group()).lower())
                         for b in m.bare_item_re.finditer(text, mention.start, mention.end)}
                codes.discard(None)
                if len(codes) == 1 and not _CORPORATION.search(text, mention.start, mention.end):
                    mention = Mention(mention.start, mention.end, codes.pop(), "dept")
                result.append(mention)
        result.sort(key=lambda x: x.start)
        return result


#: the end of a list of departments: "... एवं मत्स्य विभाग के अधिकारियों को", "... विभागों को",
#: "... and Fisheries departments"
_LIST_END_HI = re.compile(
    r"\s+(?:(?:विभागों|विभाग)\s+)?(?:(?:के|की)\s+(?:सभी\s+)?(?:अधिकारियों|अधिकारी|अधिकारीगण|"
    r"प्रतिनिधियों|प्रतिनिधि)|विभागों)\s*(?:को|से|द्वारा)" + _RIGHT)
_LIST_END_EN = re.compile(r"\s+(?:departments|depts\.?)\b", re.IGNORECASE)
_ITEM_SEP = re.compile(r"\s*,\s*(?:(?:एवं|और|तथा|व|and|&)\s+)?|\s+(?:एवं|और|तथा|व|and|&)\s+",
                       re.IGNORECASE)
_SEP_AT_END = re.compile("(?:" + _ITEM_SEP.pattern + ")$", re.IGNORECASE)
_SEPARATORS = re.compile(r",|\s(?:एवं|और|तथा|व|and|&)\s")
_LIST_WORD_HI = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")
_LIST_WORD_EN = re.compile(r"[A-Za-z][A-Za-z&.-]*")


def _list_items(text: str, start: int, end: int, known: list[Mention], m: _Matcher,
                deva: bool, latin: bool) -> list[Mention]:
    """Read every member of a list of departments, known or not, that ends on one head.

    "पीडब्ल्यूडी, सिंचाई विभाग, पुलिस, मत्स्य एवं पशुपालन विभाग के अधिकारियों को": members the
    directory knows keep their department, bare names ("पुलिस", "शिक्षा") take theirs, and the
    others ("मत्स्य") become offices for the secretary to map. A list needs three members, two
    of them known, so that ordinary prose is never read as one.
    """
    out: list[Mention] = []
    for rx, word, on in ((_LIST_END_HI, _LIST_WORD_HI, deva), (_LIST_END_EN, _LIST_WORD_EN, latin)):
        if not on:
            continue
        for tail in rx.finditer(text, start, end):
            lo = max(start, tail.start() - 300)
            if len(_SEPARATORS.findall(text, lo, tail.start())) < 2:
                continue  # three members need two separators
            items = _walk_back(text, lo, tail.start(), word)
            if len(items) < 3:
                continue
            found: list[Mention] = []
            hits = 0
            for s_, e_ in items:
                inside = [k for k in known if k.start < e_ and s_ < k.end]
                if inside:
                    hits += 1
                    continue
                key = canonical(text[s_:e_]).lower()
                # short names ("वन") are read as departments only inside such a list
                code = m.bare.get(key) or m.folded.get(key) or m.folded.get(
                    canonical(text[s_:e_] + (" विभाग" if deva else " Department")).lower())
                if code is not None and key not in m.chair_keys:
                    hits += 1
                    found.append(Mention(s_, e_, code, "dept"))
                else:
                    found.append(Mention(s_, e_, None, "unknown"))
            if hits >= 2:
                out.extend(x for x in found if not any(_overlaps(x, o) for o in out))
    return out


#: an abbreviation in a list beside a known department: "the Traffic Police, and NHAI"
_LIST_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)"
_ACRONYM_AFTER = re.compile(_LIST_SEP + r"([A-Z][A-Z&]{1,7})(?:s\b|\b)")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z&]{1,7})(?:s\b|\b)" + _LIST_SEP + "$")
_LIST_GOES_ON = re.compile(_LIST_SEP + r"\S")
#: an abbreviation spelt in Devanagari letter names: "पीएमजीएसवाई", "एनएच", "आईपीएच"
_HI_LETTER = (r"(?:डब्ल्यू|डब्लू|क्यू|एक्स|वाई|जेड|बी|सी|डी|एफ|जी|एच|आई|जे|के|एल|एम|एन|पी|आर|एस|टी|यू|"
              r"वी|ए|ई|ओ)")
_HI_ACRONYM = r"(?<![\u0900-\u097F])(" + _HI_LETTER + r"{2,8})(?![\u0900-\u097F])"
_HI_LIST_SEP = r"(?:\s*,\s*(?:(?:और|एवं|तथा|व)\s+)?|\s+(?:और|एवं|तथा|व)\s+)"
_HI_ACRONYM_AFTER = re.compile(_HI_LIST_SEP + _HI_ACRONYM)
_HI_ACRONYM_BEFORE = re.compile(_HI_ACRONYM + _HI_LIST_SEP + "$")
_HI_LIST_GOES_ON = re.compile(_HI_LIST_SEP + r"\S")
_NOT_ACRONYMS = frozenset(str.split("AND ALL THE OF TO FOR BY NO NA NIL TBD OR IN ON AT AS IS IT"))


def _listed_acronyms(text: str, start: int, end: int, known: list[Mention], latin: bool = True,
                     deva: bool = False) -> list[Mention]:
    """Read abbreviations the directory does not know that stand in a list with a known
    department ("PWD, BSNL and HPSEBL", "लोनिवि, पीएमजीएसवाई और एनएच को") as offices for the
    secretary to map."""
    out: list[Mention] = []
    taken = [(k.start, k.end) for k in known]

    def free(s_: int, e_: int) -> bool:
        return not any(a < e_ and s_ < b for a, b in taken)

    forms = ([(_ACRONYM_AFTER, _ACRONYM_BEFORE, _LIST_GOES_ON)] if latin else []) + (
        [(_HI_ACRONYM_AFTER, _HI_ACRONYM_BEFORE, _HI_LIST_GOES_ON)] if deva else [])
    for k in known:
        if k.kind != "dept":
            continue
        for after_rx, before_rx, goes_on in forms:
            pos = k.end
            while (after := after_rx.match(text, pos, end)) and \
                    after.group(1) not in _NOT_ACRONYMS and free(after.start(1), after.end(1)):
                out.append(Mention(after.start(1), after.end(1), None, "unknown"))
                taken.append((after.start(1), after.end(1)))
                pos = after.end()
            before = before_rx.search(text, max(start, k.start - 30), k.start)
            # "GM, DIC" is the title of an officer of the department; "BSNL, PWD and X" is a list
            listed = before is not None and (not before.group().rstrip().endswith(",")
                                             or goes_on.match(text, k.end, end) is not None)
            if not listed or before.group(1) in _NOT_ACRONYMS or not free(before.start(1),
                                                                        before.end(1)):
                continue
            out.append(Mention(before.start(1), before.end(1), None, "unknown"))
            taken.append((before.start(1), before.end(1)))
    return out


def _walk_back(text: str, limit: int, end: int, word: re.Pattern) -> list[tuple[int, int]]:
    """Return the members of the list ending at `end` as (start, end) spans, in order.

    A member is up to three words with nothing but spaces between them; members are parted by
    a comma or a conjunction.
    """
    words = list(word.finditer(text, limit, end))
    items: list[tuple[int, int]] = []
    cursor = end
    k = len(words)
    while k:
        if text[words[k - 1].end():cursor].strip():
            break  # what stands before the cursor is not a word of the member
        first = k - 1
        while first > 0 and k - first < 3 and _member_word(words[first - 1]) and not \
                text[words[first - 1].end():words[first].start()].strip():
            first -= 1
        if not _member_word(words[first]):
            break
        items.append((words[first].start(), words[k - 1].end()))
        sep = _SEP_AT_END.search(text, limit, words[first].start())
        if sep is None or not sep.group().strip():
            break
        cursor = sep.start()
        k = first
        while k and words[k - 1].start() >= cursor:
            k -= 1
    items.reverse()
    return items


def _member_word(w: re.Match) -> bool:
    return not (w.group() in _HI_STOP or w.group().lower() in _EN_STOP
                or _ITEM_SEP.fullmatch(" " + w.group() + " "))


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


_GLUE_TO_KNOWN = re.compile(r"[\s,]*(?:के|की|का|of(?:\s+all|\s+the)?|,)?[\s,]*")


def _precedes_known(text: str, mention: Mention, known: list[Mention]) -> bool:
    """Tell whether an office title is directly followed by the department it belongs to."""
    for k in known:
        if k.start >= mention.end and k.kind == "dept":
            gap = text[mention.end:k.start]
            if len(gap) <= 12 and _GLUE_TO_KNOWN.fullmatch(gap):
                return True
    return False


#: "यूपीपीसीएल के", "जल संसाधन विभाग के बागमती कार्य प्रमंडल के" (a division of the department)
_OF_KNOWN = re.compile(r"\s+(?:के|की)\s+(?:[^\s,।|]+\s+){0,4}?(?:के|की)\s+$|\s+(?:के|की)\s+$")


def _follows_known(text: str, mention: Mention, known: list[Mention]) -> bool:
    """Tell whether an office title belongs to the department just before it ("यूपीपीसीएल के
    अधिशासी अभियंता"), which then stands for it."""
    return any(k.kind == "dept" and k.end <= mention.start and mention.start - k.end <= 45
               and _OF_KNOWN.fullmatch(text, k.end, mention.start) for k in known)


_ALL_OF_HI = re.compile(r"\s*(?:के|की)\s*")
_ALL_OF_EN = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
#: the district's whole administration: all its officers are all departments
_WHOLE = re.compile(r"(?:जिला|जनपद)\s+प्रशासन|district\s+administration", re.IGNORECASE)


def _of_one_department(text: str, found: list[Mention]) -> list[Mention]:
    """Drop "all officers" that belong to one department: "स्वास्थ्य विभाग के सभी अधिकारियों",
    "all the officers of the Health Department" address that department alone. All officers of
    the district administration are all departments."""
    if not any(m.kind == "all" for m in found):
        return found
    dropped: set[int] = set()
    for i, m in enumerate(found):
        if m.kind != "all":
            continue
        for k, glue in ((i - 1, _ALL_OF_HI), (i + 1, _ALL_OF_EN)):
            if not 0 <= k < len(found) or found[k].kind != "dept":
                continue
            dept = found[k]
            if glue.fullmatch(text[dept.end:m.start] if k < i else text[m.end:dept.start]):
                dropped.add(k if _WHOLE.fullmatch(text, dept.start, dept.end) else i)
    return [m for i, m in enumerate(found) if i not in dropped]


def _resolve(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, then the leftmost."""
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[Mention] = []
    for mention in found:
        if not any(_overlaps(mention, k) for k in kept):
            kept.append(mention)
    kept.sort(key=lambda x: x.start)
    return kept


def _offices(text: str, start: int, end: int, deva: bool, latin: bool) -> list[Mention]:
    """Find office designations of the generic kind ("परियोजना निदेशक", "Executive Engineer")."""
    out: list[Mention] = []
    position = start
    while deva and (match := _HI_OFFICE.search(text, position, end)):
        # a qualifier that is not taken ("सहायक अभियंता और कनीय अभियंता को") is read again
        position = match.end(2)
        words = list(re.finditer(r"\S+", match.group(1)))
        first = match.start(2)
        stopped_by = ""
        for w in reversed(words):
            if w.group() in _HI_STOP:
                stopped_by = w.group()
                break
            first = match.start(1) + w.start()
        if stopped_by.rstrip(".") in _HI_HONORIFICS or _HI_HONORIFIC_BEFORE.search(
                text, max(start, first - 12), first):
            continue  # "श्री सुरेश चंद्र निगम": a person whose surname is a head word
        last = match.end(2)
        bare_head = first == match.start(2)
        if match.group(3) and not (bare_head and "," not in text[match.end(2):match.start(3)]):
            qualifier = match.group(3).split()
            if not any(q in _HI_STOP for q in qualifier):
                last = position = match.end(3)
        if first == match.start(2) and last == match.end(2) and " " not in match.group(2):
            continue  # a bare head word ("अधिकारी", "विभाग") names nobody
        out.append(Mention(first, last, None, "unknown"))
    for match in _EN_OFFICE.finditer(text, start, end) if latin else ():
        words = list(re.finditer(r"\S+", match.group(1)))
        while words and words[0].group().lower() in _EN_LEAD_STOP:
            words.pop(0)
        while words and words[-1].group().lower() in ("of", "and", "&", "for"):
            words.pop()
        first = match.start(1) + words[0].start() if words else match.start(2)
        last = match.end()
        if not words and not (match.group(3) or match.group(4) or match.group(5)):
            continue
        if text[first:last].split()[0].lower() in _EN_STOP:
            continue
        out.append(Mention(first, last, None, "unknown"))
    for match in _EN_ACRONYM_STAFF.finditer(text, start, end) if latin else ():
        out.append(Mention(match.start(), match.end(), None, "unknown"))
    for match in _EN_STAFF_OF.finditer(text, start, end) if latin else ():
        if match.group(1).split()[0] not in _EN_STOP:
            out.append(Mention(match.start(1), match.end(1), None, "unknown"))
    return out


@cache
def _builtin() -> Directory:
    return Directory(BUILTIN_DEPARTMENTS)


@lru_cache(maxsize=32)
def _shared(entries: tuple[DepartmentEntry, ...]) -> Directory:
    """Build a directory once per distinct list of entries; directories never change."""
    return Directory(entries)
