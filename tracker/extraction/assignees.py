"""Tell who a directive is addressed to: the dative, the subject, never the chair."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .directory import WORD, Mention

_R = rf"(?![{WORD}])"
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN = re.compile(r"[A-Za-z]")

_HI_AGENT_AFTER = re.compile(
    r"(?:[\s,()]+(?!(?:को|से|के|की|का|में|द्वारा|तथा|एवं|और|पर)" + _R + r")[^\s,।|()]+){0,5}?"
    r"[\s,()]*\s+ने" + _R
    + r"|\s*(?:की|के)\s+(?:अध्यक्षता|सभापतित्व|निर्देशानुसार|निर्देशों|निर्देश\s+पर|आदेशानुसार|"
    r"अनुमति|उपस्थिति|मार्गदर्शन)"
)
_EN_AGENT_AFTER = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s*,?\s*(?:Shri\s+|Smt\.?\s*|Sh\.?\s*|Dr\.?\s*|Mr\.?\s*|Ms\.?\s*|"
    r"Mrs\.?\s*)?(?:[A-Z][\w.]*,?\s+){1,4})?\s*(?:has\s+|had\s+|also\s+|further\s+)?"
    r"(?:directed|instructed|asked|"
    r"requested|urged|advised|ordered|said|stated|chaired|emphasi[sz]ed|stressed|reviewed|called|"
    r"told|observed|expressed|informed|presided|highlighted|directs|instructs|asks|gave|issued|"
    r"noted|welcomed|convened|underlined|appealed|exhorted|impressed|sought|took)\b"
)
_EN_AGENT_BEFORE = re.compile(
    r"(?:chaired\s+by|presided\s+(?:over\s+)?by|chairmanship\s+of|presence\s+of|directions?\s+of|"
    r"instructions?\s+of|orders?\s+of|directed\s+by|instructed\s+by|welcomed\s+by|convened\s+by|"
    r"issued\s+by|given\s+by|"
    r"approval\s+of|permission\s+of)\s+(?:the\s+)?(?:[\w.]+\s+){0,2}$",
    re.IGNORECASE,
)
#: the name of the officer after a designation ("जिला पूर्ति अधिकारी श्री आलोक श्रीवास्तव को")
#: a word of a name: never a case marker or conjunction ("श्री किशोर कुमार ने अधिकारियों को")
_NAME_WORD = (r"(?!(?:ने|को|से|के|की|का|में|पर|द्वारा|तथा|एवं|और|व)(?![\u0900-\u0963\u0971-\u097F]))"
              r"[\u0900-\u0963\u0971-\u097F.]+")
_HI_NAME = (r"(?:\s*,?\s*(?:श्री|श्रीमती|सुश्री|डॉ|कु)\.?\s*(?:" + _NAME_WORD + r"\s+){0,3}?"
            + _NAME_WORD + r"\s*,?)?")
_HI_STAFF = (_HI_NAME + r"(?:\s*\([^)]{1,25}\))?(?:\s+(?:के\s+)?कार्यालय)?"
             r"(?:\s+(?:के|की)\s+(?:सभी\s+)?(?:अधिकारियों|अधिकारी|अधिकारीगण|"
             r"कर्मचारियों|प्रतिनिधियों|प्रतिनिधि|टीम|टीमों|अधिशासी\s+(?:अभियंता|अभियन्ता|अधिकारी)|"
             r"(?:मुख्य\s+|सहायक\s+|अवर\s+)?(?:अभियंता|अभियन्ता|अभियंताओं|प्रबंधक|प्रबन्धक|प्रभारी|"
             r"निदेशक|नोडल\s+अधिकारी)))?")
_HI_TO_AFTER = re.compile(_HI_STAFF + r"\s*,?\s*(?:सभी\s+)?(?:को|द्वारा)" + _R)
_HI_BY_CHAIR = re.compile(
    r"\s*(?:यह\s+)?(?:भी\s+)?(?:निर्देशित|निर्देश|आदेशित|आदेश|अवगत|बताया|कहा|अपेक्षा|अनुरोध|समीक्षा)" + _R
)
_HI_FROM_AFTER = re.compile(_HI_STAFF + r"\s*,?\s*(?:सभी\s+)?से" + _R)
_EN_TO_AFTER = re.compile(
    r"(?:\s*\([^)]{1,30}\))?(?:\s*,\s*[^,]{1,40},|\s*,\s*[A-Z][\w-]+(?=\s+to\s))?\s*(?:shall|should|will|must|may|would|is\s+to|"
    r"are\s+to|to\s+(?!the\b|all\b|a\b|an\b)[a-z]+|has\s+to|have\s+to|needs?\s+to|also\s+to|"
    r"would\s+be\s+responsible|will\s+be\s+responsible|is\s+responsible|are\s+responsible|"
    r"(?:(?:was|were|is|are)\s+|(?:has|have)\s+(?:also\s+)?been\s+)(?:also\s+|further\s+)?(?:asked|directed|"
    r"instructed|requested|told|urged|advised|tasked|entrusted|called\s+upon|ordered|mandated))\b",
    re.IGNORECASE,
)
_EN_TO_BEFORE = re.compile(
    r"(?:(?<!chaired\s)(?<!presided\s)\bby|directed|instructed|asked|requested|urged|advised|told|"
    r"exhorted|reminded|tasked|called\s+upon|impressed\s+upon|ordered|appealed\s+to|directions?\s+to|"
    r"instructions?\s+to|entrusted\s+to|assigned\s+to|responsibility\s+of|encouraged|"
    r"sensiti[sz]ed|requests?|addressing|(?:sought|seek|called\s+for|asked\s+for)\b[^.;]{0,60}?\bfrom)"
    r"\s+(?:the\s+|all\s+(?:the\s+)?|concerned\s+|respective\s+)*$",
    re.IGNORECASE,
)
#: what may stand between the members of a list of departments
GLUE = re.compile(
    r"(?:\s|,|;|&|/|\band\b|\bthe\b|\ball\b|\bor\b|\bas\s+well\s+as\b|\balong\s+with\b|एवं|और|तथा|"
    r"व(?![\u0900-\u0963\u0971-\u097F])|या|सभी|संबंधित|सहित|अन्य|\bincluding\b|\bother\b|"
    r"\([^)]{0,25}\)|\(|\)|\b(?:heads?|chiefs?|(?:executive\s+)?officers?|officials)\s+of\b|"
    r"उत्तर\s+प्रदेश|उ\.\s?प्र\.|प्रदेश|राज्य|\bstate\b)*",
    re.IGNORECASE,
)
_CO_AGENT = re.compile(r"(?:\s*\([^)]{0,30}\))?(?:\s+[^\s,।|()]+){0,4}?\s*(?:,|एवं|और|तथा|and|&)\s*")
#: the dative of a recipient: "X (कार्यालय) को [उसी दिन] उपलब्ध कराएं / भेजें / प्रेषित करें"
_HI_TRANSFER = re.compile(
    _HI_STAFF + r"\s*(?:,\s*)?को(?:\s+[^\s,;।|]+){0,4}?\s+"
    r"(?:उपलब्ध\s+करा|उपलब्ध\s+करवा|भेज|भिजवा|प्रेषित\s+(?:कर|की|किया|किए)|प्रस्तुत\s+(?:कर|की|किया|किए)|"
    r"सौंप|अवगत\s+करा|सूचित\s+कर|नोटिस\s+(?:दे|जारी\s+कर))[\u0900-\u0963\u0971-\u097F]*(?:\s+(?:जाए|जाएं|जाये|जाएगी|जाएगा|"
    r"जाएंगे|जायेगी|जायेगा))?" + _R
)
_OFFICE_OF = re.compile(r"\s+(?:के\s+)?कार्यालय\s*,?\s*को" + _R)
_NOT_CO_AGENT = re.compile(
    r"(?<![\u0900-\u0963\u0971-\u097F])(?:को|से|ने|के|की|का|में|द्वारा)(?![\u0900-\u0963\u0971-\u097F])|"
    r"\b(?:to|by|of|shall|should|will)\b")


#: an office the addressee works with, through or informs, which is not addressed itself
_EN_ASIDE_BEFORE = re.compile(
    r"(?:\b(?:co-?ordination|consultation|collaboration|liaison|association)\s+with|\bthrough|"
    r"\bcopy\s+(?:to|marked\s+to)|\bwith\s+the\s+help\s+of|\bassisted\s+by|\bmeetings?\s+with|"
    # "to designate a nodal officer": the one appointed, not the one who appoints
    r"\b(?:appoint|designate|nominate|depute|deploy)\s+(?:a|an))"
    r"\s+(?:the\s+)?"
    r"(?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*\s*(?:,\s*and\b|,|\band\b|&)\s*(?:the\s+)?)*$",
    re.IGNORECASE)
_HI_ASIDE_AFTER = re.compile(
    r"\s*(?:के|की)\s+(?:साथ\s+समन्वय|समन्वय|माध्यम\s+से|सहयोग\s+से|सहायता\s+से|प्रतिलिपि)" + _R
    # "पुलिस बल का सहयोग लें": help to be taken, not the one who acts
    + r"|(?:\s+बल)?\s*(?:का|की)\s+(?:सहयोग|मदद|सहायता)\s+(?:लें|ले|लेकर|लेते|लेंगे)" + _R
    # "एक नोडल अधिकारी नियुक्त करें": the one appointed, not the one who appoints
    + r"|\s+(?:नियुक्त|नामित|तैनात|मनोनीत)\s+(?:करे|करें|किया|किए|किये|करने|कर)" + _R)


_HI_HALL_AFTER = re.compile(
    r"\s+(?:के\s+)?(?:सभागार|सभाकक्ष|सभा\s+कक्ष|परिसर|भवन|कार्यालय)\s+(?:में|स्थित)" + _R)
_EN_FORUM_BEFORE = re.compile(
    r"\b(?:meeting|session|review\s+meeting|sitting)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_SUCH_AS = re.compile(r"\s*,?\s*(?:like|such\s+as|viz\.?|namely|i\.e\.|जैसे|यथा)\s*,?\s*(?:the\s+)?",
                      re.IGNORECASE)
_INCLUDING = re.compile(r"\s*,?\s*(?:including|incl\.)\s*,?\s*(?:the\s+)?", re.IGNORECASE)
_EN_IN_BEFORE = re.compile(r"\b(?:in|across|among|within)\s+$", re.IGNORECASE)
#: a thing that belongs to all departments, not their officers: "Databank of employees of all
#: Government Departments", "विभिन्न विभागों के लंबित कार्यों को"
_EN_THING_OF_BEFORE = re.compile(
    r"\b(?!(?:officers|officials|heads|representatives|staff|secretaries|chiefs|officer|head|"
    r"representative|secretary|chief|members|member|engineers|employees|staff))[a-z]+\s+"
    r"of\s+(?:the\s+)?$", re.IGNORECASE)
_HI_THING_OF_AFTER = re.compile(
    r"\s+(?:के|की|का)\s+(?!(?:सभी\s+)?(?:अधिकारियों|अधिकारी|अधिकारीगण|पदाधिकारियों|पदाधिकारी|"
    r"कर्मचारियों|कर्मचारी|प्रमुखों|प्रमुख|प्रतिनिधियों|प्रतिनिधि|अफसरों|अफसर|अभियंताओं|अभियंता|"
    r"प्रभारियों|प्रभारी|नोडल|जिला\s+स्तरीय|विभागाध्यक्षों|विभागाध्यक्ष)(?![\u0900-\u0963\u0971-\u097F]))"
    r"[\u0900-\u0963\u0971-\u097F]")
#: local bodies, which are also the places they govern
_PLACES = frozenset(("URBAN_DEV", "PANCHAYATI_RAJ"))
_HI_PLACE_AFTER = re.compile(
    r"(?:\s+(?:क्षेत्र|क्षेत्रों|इलाकों|इलाके))?\s+में" + _R
    + r"|\s+(?:और|एवं|तथा|व)\s+[^\s]+\s+(?:क्षेत्रों|क्षेत्र|इलाकों)\s+में" + _R)


@dataclass(slots=True)
class Role:
    """What a mention does in its sentence."""

    mention: Mention
    role: str = "plain"  # "agent", "to", "from", "aside", "recipient", "plain"
    how: str = ""


def roles(text: str, start: int, end: int, mentions: list[Mention]) -> list[Role]:
    """Tell for each mention in text[start:end] whether it directs, is addressed, or is named."""
    found = [Role(m) for m in mentions]
    for r in found:
        m = r.mention
        after = text[m.end:min(end, m.end + 80)]
        before = text[max(start, m.start - 60):m.start]
        hindi = _DEVANAGARI.search(after) is not None
        latin = _LATIN.search(after) is not None or _LATIN.search(before) is not None
        if (latin and _EN_ASIDE_BEFORE.search(before)) or (hindi and _HI_ASIDE_AFTER.match(after)):
            r.role = "aside"  # "in co-ordination with RPF", "X के माध्यम से": not who acts
            continue
        if _HI_HALL_AFTER.match(after) or (latin and _EN_FORUM_BEFORE.search(before)) or (
                m.code in _PLACES and _HI_PLACE_AFTER.match(after)) or (
                m.kind == "all" and (latin and (_EN_IN_BEFORE.search(before)
                                                or _EN_THING_OF_BEFORE.search(before))
                                     or hindi and _HI_THING_OF_AFTER.match(after))):
            # "जिला परिषद सभागार में", "a meeting of the District Disaster Management Authority",
            # "नगरीय निकाय और ग्रामीण क्षेत्रों में", "posts in various departments": where, not who
            r.role = "aside"
            continue
        hi_to = _HI_TO_AFTER.match(after) if hindi else None
        en_to = _EN_TO_AFTER.match(after) if latin else None
        if hi_to and hi_to.group().endswith("द्वारा") and (
                m.kind == "chair" or _HI_BY_CHAIR.match(after, hi_to.end())):
            r.role = "agent"  # "अध्यक्ष महोदय द्वारा निर्देशित किया गया": the one who directs
        elif hi_to:
            r.role, r.how = "to", "dative '" + hi_to.group().strip(" ,").split()[-1] + "'"
        elif en_to:
            r.role, r.how = "to", "subject of '" + en_to.group().strip()[:20] + "'"
        elif latin and _EN_AGENT_BEFORE.search(before):
            r.role = "agent"
        elif latin and _EN_TO_BEFORE.search(before):
            r.role, r.how = "to", "object of '" + _EN_TO_BEFORE.search(before).group().strip() + "'"
        elif hindi and _HI_FROM_AFTER.match(after):
            r.role, r.how = "from", "'से'"
        elif (hindi and _HI_AGENT_AFTER.match(after)) or (latin and _EN_AGENT_AFTER.match(after)):
            r.role = "agent"
    # lists share the role of their last member ("X, Y एवं Z को", "X and Y shall")
    for i in range(len(found) - 2, -1, -1):
        nxt = found[i + 1]
        if found[i].role == "plain" and nxt.role in ("to", "from", "agent") and GLUE.fullmatch(
                text, found[i].mention.end, nxt.mention.start):
            found[i].role, found[i].how = nxt.role, nxt.how
    # "the concerned departments like PHE, Food and Civil Supplies and Veterinary": the named ones
    for i, r in enumerate(found):
        such = _SUCH_AS.match(text, r.mention.end) if r.mention.kind == "all" else None
        if such is None or i + 1 >= len(found) or found[i + 1].mention.start != such.end():
            continue
        last = such.end()
        for f in found[i + 1:]:
            if f.mention.start != last and not GLUE.fullmatch(text, last, f.mention.start):
                break
            f.role, f.how, last = r.role, r.how, f.mention.end
        r.role = "aside"
    # "all departments, including police and PWD": all of them, the named ones only examples
    for i, r in enumerate(found):
        including = _INCLUDING.match(text, r.mention.end) if r.mention.kind == "all" else None
        if including is None or i + 1 >= len(found) or found[i + 1].mention.start != \
                including.end():
            continue
        last = including.end()
        for f in found[i + 1:]:
            if f.mention.start != last and not GLUE.fullmatch(text, last, f.mention.start):
                break
            f.role, f.how, last = "aside", "", f.mention.end
    # co-chairs named with their names ("X अमित कुमार एवं Y ... ने")
    for i in range(len(found) - 2, -1, -1):
        gap = text[found[i].mention.end:found[i + 1].mention.start]
        if found[i].role == "plain" and found[i + 1].role == "agent" and len(gap) < 60 and \
                _CO_AGENT.fullmatch(gap) and not _NOT_CO_AGENT.search(gap):
            found[i].role = "agent"
    # ... or of their first member ("directed the X, Y and Z to")
    for i in range(1, len(found)):
        prev = found[i - 1]
        if found[i].role == "plain" and prev.role == "to" and GLUE.fullmatch(
                text, prev.mention.end, found[i].mention.start):
            found[i].role, found[i].how = prev.role, prev.how
    # "सभी विभाग ... रिपोर्ट सहायक श्रमायुक्त कार्यालय को उपलब्ध कराएं": the office after an
    # addressee that a report is sent to is where it goes, not who acts
    for i in range(len(found)):
        r = found[i]
        if r.role != "to" or not r.how.startswith("dative"):
            continue
        earlier = any(f.role != "agent" and f.mention.kind != "chair" and not GLUE.fullmatch(
            text, f.mention.end, r.mention.start) for f in found[:i])
        office = r.mention.kind == "chair" or _OFFICE_OF.match(text, r.mention.end, end)
        if (earlier or office) and _HI_TRANSFER.match(text, r.mention.end,
                                                      min(end, r.mention.end + 90)):
            r.role, r.how = "recipient", ""
    return found


def choose(text: str, start: int, found: list[Role], forced: bool
           ) -> tuple[list[Mention], bool, str]:
    """Pick the addressed mentions: dative first, then 'से', then the plain ones."""
    if forced:
        picked = [r for r in found if r.role not in ("agent", "aside")]
        how = "named in the responsibility column"
    else:
        picked = [r for r in found if r.role == "to"]
        how = picked[0].how if picked else ""
        if not picked:
            picked = [r for r in found if r.role == "from"]
            how = "'से' (addressed)" if picked else ""
        if not picked:
            picked = [r for r in found if r.role == "plain" and r.mention.kind != "chair" and (
                r.mention.kind != "unknown" or r.mention.start - start < 25)]
            # an unknown member of a list of picked departments ("Police, Fisheries and
            # Sericulture departments") goes with them
            # ... and so do many holders of the chair's title ("District magistrates and police
            # officers were instructed")
            for i, r in enumerate(found):
                if r in picked or r.role != "plain" or not (
                        r.mention.kind == "unknown" or r.mention.kind == "chair"
                        and _PLURAL_END.search(text, r.mention.start, r.mention.end)):
                    continue
                if _next_to_picked(text, found, i, picked):
                    picked.append(r)
            picked.sort(key=lambda r: r.mention.start)
            how = "mention in the sentence" if picked else ""
    all_flag = any(r.mention.kind == "all" for r in picked)
    chosen = [r.mention for r in picked if r.mention.kind != "all"]
    if all_flag:
        how = "all departments" + (", " + how if chosen else "")
    return chosen, all_flag, how


def _next_to_picked(text: str, found: list[Role], i: int, picked: list[Role]) -> bool:
    """Tell whether found[i] is joined by list glue to a picked department beside it."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(found) and found[j] in picked and found[j].mention.kind == "dept":
            a, b = sorted((found[j], found[i]), key=lambda x: x.mention.start)
            if GLUE.fullmatch(text, a.mention.end, b.mention.start):
                return True
    return False


_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,6}\b")
_NOT_NAMES = frozenset(str.split("ACTION BY AND ALL NA NIL TBD TO THE OF FOR NO S"))


def with_acronyms(ft: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """Add the abbreviations a responsibility line names that the directory does not know."""
    extra = []
    for a in _ACRONYM.finditer(ft, start, end):
        overlaps = any(m.start < a.end() and a.start() < m.end for m in mentions)
        if a.group() in _NOT_NAMES or overlaps:
            continue
        after = ft[a.end():end].lstrip(" ,")
        if any(m.start == end - len(after) for m in mentions):
            continue  # "EE PWD", "EE, PWD": a title in front of a known department
        if ft[max(start, a.start() - 1):a.start()] == "(":
            continue  # "ADM (F&R)": a qualifier of the mention before it
        extra.append(Mention(a.start(), a.end(), None, "unknown"))
    return sorted(mentions + extra, key=lambda m: m.start)


_EN_PRONOUN = re.compile(
    r"\b(?:directed|instructed|asked|requested|told|urged|advised|tasked|ordered|reminded|"
    r"called\s+upon)\s+(?P<obj>him|her|them|the\s+(?:said\s+|same\s+)?(?:department|dept\.?|agency)|"
    r"the\s+(?:said|same)\s+(?:officers?|officials?|office)|the\s+officer(?!s))\b"
    r"|(?P<subj>\b(?:he|she|they)(?=\s+(?:was|were|has|have)\s+(?:also\s+|further\s+)?(?:been\s+)?"
    r"(?:also\s+|further\s+)?(?:asked|directed|instructed|requested|told|urged|advised|tasked|"
    r"ordered)\b)|\b(?:they|you)(?=\s+(?:all\s+)?(?:will|shall|should|must)\s+(?:also\s+)?(?:have\s+to\s+)?[a-z]{3,})"
    r"|\b(?:the\s+)?(?:said|same)\s+(?:department|agency|officers?|officials?|office)\b"
    r"|\bthe\s+(?:department|agency)(?=\s+(?:shall|will|should|must|may|is\s+to|are\s+to|was|were|"
    r"has|have)\b))",
    re.IGNORECASE,
)
_HI_PRONOUN = re.compile(
    r"(?<![\u0900-\u0963\u0971-\u097F])(?:(?:उक्त|इस|उसी|इसी)\s+(?:विभाग|विभागों|अधिकारी|अधिकारियों|"
    r"कार्यालय|एजेंसी|संस्था|इकाई)|(?<=ने\s)(?:उन्हें|उनको|इन्हें|इनको|विभाग\s+को)|"
    r"^(?:उन्हें|उनको|इन्हें|इनको|विभाग\s+को)(?=[^।]*(?:निर्देश|कहा|आदेश|हिदायत)))"
    r"(?![\u0900-\u0963\u0971-\u097F])"
)
#: a pronoun as the subject of the clause, which makes the clause a directive like a name would
_EN_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:also\s+|further\s+)?(?:shall|will|should|must|is\s+to|are\s+to)\s+(?:also\s+)?[a-z]{3,}",
    re.IGNORECASE)


def find_pronoun(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """Find "the department", "उक्त विभाग", "उन्हें" standing for an office named before.

    Return (start, end, leads) where leads tells that the pronoun is the subject of a modal verb
    ("The said officers shall ..."), or None.
    """
    m = _EN_PRONOUN.search(text, start, end)
    if m is None:
        m = _HI_PRONOUN.search(text[start:end])
        if m is None:
            return None
        return start + m.start(), start + m.end(), False
    s, e = (m.start("obj"), m.end("obj")) if m.group("obj") else (m.start(), m.end())
    leads = bool(_EN_PRONOUN_SUBJECT.match(text, e, end))
    return s, e, leads


#: an office one works with is not who "they" are: "in coordination with the police. They ..."
_COMPANION_BEFORE = re.compile(r"\b(?:with|alongside)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPANION_AFTER = re.compile(r"\s*(?:के\s+साथ|से\s+समन्वय)")
#: "DMs", "जिलाधिकारियों": many holders of the chair's title are offices addressed, not the chair
_PLURAL_END = re.compile(r"(?:s|यों|ओं)$")


def antecedent(text: str, regions: list[tuple[int, int]], mentions_of) -> list[Mention]:
    """Return the offices a pronoun stands for: the last named in the nearest region.

    A list named together counts whole ("The BDO and the CDPO reported ... They were asked").
    `regions` go from the nearest back; `mentions_of(start, end)` lists the mentions of a region.
    The chair and "all departments" are never antecedents.
    """
    for s, e in regions:
        if e <= s:
            continue
        named = [m for m in mentions_of(s, e)
                 if (m.kind in ("dept", "unknown") or m.kind == "chair"
                     and _PLURAL_END.search(text, m.start, m.end))
                 and not _COMPANION_BEFORE.search(text, max(s, m.start - 25), m.start)
                 and not _COMPANION_AFTER.match(text, m.end, e)]
        if not named:
            continue
        known = [m for m in named if m.kind == "dept"]
        pool = known or named
        group = [pool[-1]]
        for m in reversed(pool[:-1]):
            if not GLUE.fullmatch(text, m.end, group[0].start):
                break
            group.insert(0, m)
        return group
    return []
