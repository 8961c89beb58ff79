"""Recognise directive cues, and the look-alikes that are not directives, in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .directory import WORD

_R = rf"(?![{WORD}])"
_L = rf"(?<![{WORD}])"
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that make a sentence a directive, and how much they are worth."""

    start: int
    end: int
    label: str
    weight: float


#: the rules that propose a directive by its place or form rather than by words of the minutes
RULE_TABLE_ROW = "row of an action table"
RULE_LISTED_ITEM = "item under a heading of decisions or directions"
RULE_ADDRESSED = "department as subject of 'to'/modal + verb"


def _cue(label: str, pattern: str, weight: float, *words: str,
         flags: int = 0) -> tuple[str, re.Pattern, float, tuple[str, ...]]:
    return label, re.compile(pattern, flags), weight, words


#: a word after "to" that is no verb ("to the", "to all")
_NOT_A_VERB_EN = (r"(?!(?:the|a|an|all|his|her|their|its|this|that|these|those|them|him|each|"
                  r"every|any|some)\b)")
#: the full stop of a title inside a sentence ("asked the Ex. Engineer to")
_TITLE_DOT = r"\b(?:Ex|Dr|Mr|Mrs|Ms|Sh|Smt|Dy|Jt|Addl|Asstt|Asst|Distt|Er|Prof|Hon'ble)\."

# (label, pattern, weight, words one of which the text must hold for the pattern to be tried).
# Weights >= 0.8 are "strong": they stand on their own.
_STRONG: tuple[tuple[str, re.Pattern, float, tuple[str, ...]], ...] = (
    _cue("hi directive verb",
         _L + r"निर्देश(?:ित)?\s+(?:भी\s+)?(?:दिए|दिये|दिया|दी|देते|दें|दिये\s+गये|दिए\s+गए|दिए\s+गये|"
         r"जारी\s+(?:किए|किये|किया|करते|करें))" + _R, 0.9, "निर्देश"),
    _cue("hi directive verb",
         _L + r"(?:दिए|दिये|दिया)\s+(?:कडे\s+|सख्त\s+|आवश्यक\s+|कई\s+|अहम\s+)?निर्देश" + _R,
         0.85, "निर्देश"),
    _cue("hi directive verb",
         _L + r"निर्देशित\s+(?:भी\s+)?(?:किया|किए|किये|करते|करें|कर)" + _R, 0.9, "निर्देशित"),
    # Bihar and Jharkhand write "निदेश"; "... का निर्देश डिप्टी आरएमओ व डीएसओ को दिया"
    _cue("hi directive verb",
         _L + r"(?:निदेश(?:ित)?\s+(?:भी\s+)?(?:दिए|दिये|दिया|दी|देते|दें|किया|किए|किये|करते|"
         r"दिया\s+गया|दिए\s+गए|दिये\s+गये)|(?:निर्देश|निदेश)\s+[^।|!?]{1,60}?\s+(?:को|ने)\s+(?:भी\s+)?"
         r"(?:दिए|दिये|दिया|दी))" + _R, 0.85, "निदेश", "को दि", "ने दि"),
    _cue("hi order verb",
         _L + r"(?:आदेश|आदेशित)\s+(?:भी\s+)?(?:दिए|दिये|दिया|किया|किए|करते|देते)" + _R, 0.9, "आदेश"),
    _cue("hi warning verb", _L + r"हिदायत\s+(?:भी\s+)?(?:दी|दे|देते|दिया)" + _R, 0.85, "हिदायत"),
    _cue("hi appeal verb", _L + r"(?:आह्वान|आवाहन|आहवान)\s+(?:भी\s+)?(?:किया|करते)" + _R,
         0.85, "आह्वान", "आवाहन", "आहवान"),
    _cue("hi expectation",
         _L + r"(?:अपेक्षा\s+(?:भी\s+)?(?:की|व्यक्त|करते)|अपेक्षित\s+(?:है|होगा)\s+कि|अनुरोध\s+है\s+कि)"
         + _R, 0.8, "अपेक्षा", "अपेक्षित", "अनुरोध"),
    _cue("hi asked to",
         r"[\u0900-\u0963\u0971-\u097F]{2,}(?<!उन्हों)(?<!इन्हों)(?<!जिन्हों)(?<!किन्हों)ने\s+(?:(?:को|के\s+लिए|के\s+लिये|हेतु)\s+)?(?:भी\s+)?कहा"
         + _R,
         0.85, "कहा"),
    _cue("hi asked to", _L + r"(?:से|को)\s+(?:यह\s+)?कहा\s+(?:गया\s+)?कि" + _R, 0.8, "कहा"),
    # "... जानकारी प्रस्तुत करने राजस्व एवं कृषि विभाग के अधिकारियों को कहा"
    _cue("hi asked to",
         r"[\u0900-\u0963\u0971-\u097F]{2,}(?<!उन्हों)(?<!इन्हों)(?<!जिन्हों)(?<!किन्हों)(?<!आप)(?<!अप)ने\s+"
         r"[^।|!?]{1,80}?\s+को\s+(?:भी\s+)?कहा(?!\s+(?:गया\s+)?कि)" + _R, 0.8, "कहा"),
    _cue("hi request", _L + r"(?:अनुरोध|आग्रह)\s+(?:भी\s+)?(?:किया|करते)" + _R,
         0.75, "अनुरोध", "आग्रह"),
    _cue("hi report sought",
         _L + r"(?:आख्या|रिपोर्ट|स्पष्टीकरण|जवाब|सूचना)\s+(?:भी\s+)?(?:मांगी|मांगा|तलब\s+(?:की|किया))"
         + _R, 0.8, "मांग", "तलब"),
    _cue("hi responsibility",
         _L + r"(?:जिम्मेदारी|जिम्मेवारी|दायित्व)\s+(?:सौंपी|सौंपा|सौंपे|दी|दिया)" + _R,
         0.8, "जिम्मे", "दायित्व"),
    _cue("hi ensure",
         _L + r"सुनिश्चित\s+(?:करें|करेंगे|करेगा|करेगी|करे|कराएं|करायें|कराये|कराए|करवाएं|किया\s+जाए|"
         r"किया\s+जाये|की\s+जाए|की\s+जाये|कराया\s+जाए|कराया\s+जाये|करना\s+होगा|करने\s+के\s+निर्देश|"
         r"कर\s+लें|करवाया\s+जाए|किया\s+जावे|की\s+जावे|कराया\s+जावे|करावें|करें\s+गे)" + _R, 0.85,
         "सुनिश्चित"),
    _cue("hi deadline given",
         r"(?:दिन|दिवस|सप्ताह|हफ्ते|माह|महीने|घंटे|घण्टे|पखवाड़े|पखवाडे|तारीख|तिथि)\s+(?:का|की)\s+"
         r"(?:समय|समयसीमा|समय\s*सीमा|मोहलत|डेडलाइन)\s+(?:भी\s+)?(?:दिया|दी|दिए|दिये|देते|"
         r"निर्धारित\s+(?:की|किया))" + _R, 0.85, "समय", "मोहलत", "डेडलाइन"),
    _cue("en deadline given",
         r"\b(?:gave|given|set|fixed|laid\s+down|giving|setting|fixing)\s+(?:a\s+|the\s+)?"
         r"(?:deadline|time[-\s]?limit|timeline|target\s+date)\b|\b(?:deadline|time[-\s]?limit|"
         r"timeline)\s+of\s+[^.;।]{1,30}?\s+(?:was|has\s+been|have\s+been|is)\s+(?:also\s+)?"
         r"(?:given|set|fixed)\b", 0.85, "deadline", "time limit", "time-limit", "timeline",
         "target date", flags=_I),
    _cue("en directive verb",
         r"\b(?:directed|instructed|ordered|mandated|directs|instructs)\b(?!\s+by\b)",
         0.9, "direct", "instruct", "order", "mandat", flags=_I),
    _cue("en directions given",
         r"\b(?:directions?|instructions?|orders?)\s+(?:were\s+|was\s+|have\s+(?:also\s+)?been\s+|"
         r"has\s+(?:also\s+)?been\s+)?"
         r"(?:also\s+)?(?:given|issued|passed)\b|\b(?:gave|issued|passed|issuing|giving)\s+"
         r"(?:strict\s+|necessary\s+|clear\s+)?"
         r"(?:directions?|instructions?|orders?)\b", 0.85, "direction", "instruction", "order",
         flags=_I),
    _cue("en asked to",
         r"\b(?:asked|requested|urged|told(?!\s+(?:the\s+)?(?:meeting|house|committee|chair|media|"
         r"press|reporters|journalists|members)\b)|exhorted|reminded|tasked|entrusted)\b"
         r"(?:[^.;।]|" + _TITLE_DOT + r"){0,160}?"
         r"\bto\s+[a-z]", 0.85,
         "asked", "request", "urge", "told", "exhort", "remind", "task", "entrust", flags=_I),
    _cue("en asked to",
         r"\b(?:(?:called|calling)\s+upon|impressed\s+upon|appealed\s+to|requests?\s+(?:the|all)|"
         r"(?:stressed|emphasi[sz]ed|insisted)\s+(?:up)?on\s+(?:the\s+)?[^.;।]{0,80}?\bto\s+[a-z]|"
         r"laid\s+(?:stress|emphasis)\s+on\s+[^.;।]{0,80}?\bto\s+[a-z]|"
         # "BDOs were tasked with daily monitoring of muster rolls"
         r"(?:tasked|entrusted)\s+with\s+(?:the\s+)?[a-z])", 0.8,
         "called", "calling", "impressed", "appealed", "request", "stressed", "emphasi", "insisted",
         "laid",
         "tasked", "entrusted",
         flags=_I),
    # "emphasised the need for all departments to operate 24/7", "stressed on holding
    # awareness campaigns", "Special emphasis was laid on the speedy disposal of ...": an
    # action, not a theme ("the importance of education")
    _cue("en stressed",
         r"\b(?:stressed|emphasi[sz]ed|emphasi[sz]ing|stressing|underlined|underscored|"
         r"highlighted|reiterated)\s+(?:up)?(?:on\s+)?(?:the\s+)?(?:urgent\s+)?"
         r"(?:need|importance|necessity)\s+(?:(?:of|for)\s+(?:[^.;।]{0,100}?\bto\s+"
         + _NOT_A_VERB_EN + r"[a-z]{3,}|(?:the\s+)?[a-z]{3,}ing\b)|to\s+[a-z]{3,})"
         r"|\b(?:stressed|emphasi[sz]ed|insisted|focus(?:s)?ed)\s+(?:up)?on\s+(?:the\s+)?"
         r"[a-z]{3,}ing\b"
         r"|\b(?:laid|placed|put|gave)\s+(?:special\s+|particular\s+|more\s+|greater\s+|utmost\s+)?"
         r"(?:stress|emphasis|focus|thrust)\s+on\s+(?:the\s+)?[a-z]{3,}ing\b"
         r"|\b(?:stress|emphasis|focus)\s+(?:was|were)\s+(?:also\s+)?(?:laid|placed|given)\s+on\s+"
         r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:[a-z]{3,}ing|[a-z]{2,}(?:al|tion|ment))\s+of\b",
         0.7, "stress", "emphasi", "insist", "underline", "underscore", "highlight", "focus",
         "reiterat", flags=_I),
    _cue("en desired",
         r"\b(?:desired|desires)\s+that\b|\b(?:desired|desires)\s+(?:the\s+|all\s+)?[^.;।]{0,60}?"
         r"\bto\s+[a-z]", 0.8, "desire", flags=_I),
    _cue("en report sought",
         r"\b(?:sought|seeks?|called\s+for)\s+(?:a\s+|the\s+)?(?:detailed\s+|comprehensive\s+|"
         r"status\s+|compliance\s+|action\s+taken\s+)?(?:report|explanation|details|information|"
         r"clarification|reply|update)", 0.8, "sought", "seek", "called", flags=_I),
    _cue("en asked for",
         r"\b(?:asked|called)\s+for\s+(?:the\s+|a\s+|an\s+)?(?:speedy|immediate|timely|early|"
         r"expeditious|strict|necessary|proper|detailed|urgent|time-bound|report|details|"
         r"explanation|completion|action|compliance|survey|inspection|submission|release|disposal|"
         r"coordination|verification|review|updated|status)\b"
         # "called for evaluation of the school buildings": a task named by its noun
         r"|\bcalled\s+for\s+(?!(?:a\s+|the\s+)?meeting)(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?"
         r"[a-z]{3,}(?:tion|ment|sal|ance|ence)\s+of\b"
         # "called for updating the data on sand stock"
         r"|\b(?:asked|called)\s+for\s+(?!holding\b|convening\b)[a-z]{3,}ing\s+(?:the\s+|of\s+)?[a-z]",
         0.75, "asked", "called", flags=_I),
    _cue("en advised to",
         r"\b(?:advised|encouraged|sensiti[sz]ed|suggested)\b(?:[^.;।]|" + _TITLE_DOT + r"){0,160}?"
         r"\bto\s+[a-z]", 0.75,
         "advis", "encourag", "sensiti", "suggest", flags=_I),
)

_DECISION = re.compile(
    r"\bit\s+was\s+(?:unanimously\s+)?(?:agreed|decided|resolved|directed|suggested|recommended|"
    r"emphasi[sz]ed|stressed)\b|\b(?:committee|meeting|house|members?|forum|task\s+force)\s+"
    r"(?:unanimously\s+)?(?:agreed|decided|resolved)\b|\bdecision\s+was\s+taken\b|\bit\s+has\s+been\s+"
    r"decided\b|^\s*(?:decision|resolution|resolved)\s*[:-]|" + _L
    + r"(?:(?:निर्णय|निश्चय|फैसला)\s+(?:भी\s+)?(?:लिया\s+गया|किया\s+गया|लिया|किया|हुआ)|"
    r"(?:तय|सहमति)\s+(?:किया\s+गया|हुई|हुआ|बनी|व्यक्त\s+की\s+गई)|(?:प्रस्ताव|संकल्प)\s+पारित|^\s*निर्णय\s*[:-])",
    _I | re.MULTILINE,
)
_DECISION_KEYS = ("agreed", "decided", "resolved", "decision", "resolution", "निर्णय", "निश्चय",
                  "फैसला", "तय", "सहमति", "प्रस्ताव", "संकल्प")
_MODAL_KEYS = ("shall", "must", "should", "will", "may", "is to", "are to", "has to", "have to",
               "need")
_FUTURE = re.compile(
    r"\b(?:will|shall|should|would|must|may|to\s+be|be\s+\w+ed|is\s+to|are\s+to)\b|" + _L
    + r"(?:[\u0900-\u0963\u0971-\u097F]+(?:ेगा|ेगी|ेंगे|ाएगा|ाएगी|ाएंगे|ायेगा|ायेगी|ायेंगे|ाएंगे)|करें|करे|कराएं|"
    r"कराए|जाए|जाएं|जाये|जायें|दें|रखें|भेजें|लें)" + _R,
    _I,
)
_EN_MODAL = re.compile(
    r"\b(?P<m>shall|must|should|will\s+(?:ensure|be\s+responsible|take\s+(?:necessary\s+|immediate\s+)?"
    r"(?:action|steps))|may\s+(?:please\s+)?(?:ensure|take|submit|send|prepare|furnish|conduct|"
    r"organi[sz]e|complete|issue|provide|identify|expedite|initiate|coordinate|make|get|arrange|"
    r"monitor|share|upload|update|constitute|designate|nominate|hold|carry|launch|review|examine|"
    r"look|visit|inspect|release|start|depute|fix|verify|convene|circulate|distribute)|"
    r"may\s+(?!be\b|have\b|not\b|also\s+be\b|well\b|help\b|lead\b|result\b|affect\b|cause\b|"
    r"benefit\b|come\b|arise\b|occur\b|happen\b|need\b|get\s+affected)[a-z]{3,}|"
    r"(?:is|are)\s+to\s+(?!be\s+noted)[a-z]+|(?:has|have)\s+to\s+[a-z]+|needs?\s+to(?=\s+be\b)|needs?\s+to\s+[a-z]+)\b"
    r"(?!\s+be\s+noted)(?P<passive>\s+(?:also\s+)?be\s+(?:[a-z]+ly\s+)?[a-z]+)?",
    _I,
)
#: how a past participle ends ("submitted", "drawn", "sent", "laid")
_PARTICIPLE_END = (
    r"(?:ed|en|wn|done|made|set|kept|held|sent|put|paid|built|laid|spent|brought|bought|sought|"
    r"got|found|run|told|dealt|met|cut|shut|fed|led|left|lent|struck|taught|caught|won)")
_PARTICIPLE = re.compile(_PARTICIPLE_END + "$")
#: what a meeting says about its own business ("will be reviewed in the next meeting")
_MEETING_BUSINESS = re.compile(
    r"\bwill\s+be\s+(?:reviewed|discussed|held|taken\s+up|considered|placed|presented|convened)\b|"
    + _L + r"(?:समीक्षा|चर्चा|आयोजित|विचार)\s+(?:की|किया)\s+जाए(?:गी|गा)" + _R,
    _I,
)
#: what a meeting records rather than asks for ("the minutes were confirmed")
_RECORD = re.compile(
    r"\b(?:is|are)\s+(?:duly\s+|unanimously\s+)?(?:confirmed|approved|noted|adopted|ratified)\b|"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:duly\s+|unanimously\s+|also\s+)?"
    r"[a-z]+(?:ed|en|wn|t|done|held|made)\b|" + _L + r"(?:पुष्टि|अनुमोदन|चर्चा|समीक्षा|स्वागत|"
    r"अवगत|जानकारी|प्रस्तुत)\s+(?:की|किया|कराया|दी)\s*(?:गई|गया|गये|गए)?" + _R
    + r"|\b(?:discussed|reviewed|noted|appreciated|thanked|informed|apprised|briefed|presented|"
    r"explained|welcomed|expressed|observed|deliberated)\b|" + _L + r"(?:चर्चा\s+(?:हुई|की)|"
    r"विचार[-\s]?विमर्श|सराहना|प्रशंसा|धन्यवाद|आभार)" + _R
    + r"|(?:गई|गया|गये|गए)\s*(?:है|हैं|थी|था|थे)?\s*[।.]?\s*$",
    _I,
)
#: the public, to whom an appeal is not a directive to a department
_PUBLIC = re.compile(
    r"\b(?:the\s+)?(?:youth|people|public|citizens|residents|villagers|parents|students|farmers|"
    r"general\s+public|community|masses|voters|women|devotees|consumers|traders|shopkeepers|"
    r"motorists|commuters|tourists|pilgrims|householders|road\s+users|fishermen|fisherfolk|"
    r"peasantry|farming\s+community)\b|"
    + _L
    + r"(?:युवाओं|युवा|लोगों|जनता|जनमानस|नागरिकों|आमजन|ग्रामीणों|अभिभावकों|छात्रों|किसानों|मतदाताओं|"
    r"श्रद्धालुओं|जनसामान्य|आमजनमानस|क्षेत्रवासियों|जनपदवासियों|ग्रामवासियों|नगरवासियों|अभिभावकगण|"
    r"उपभोक्ताओं|व्यापारियों|दुकानदारों|वाहन\s+चालकों|किसान\s+भाइयों|माताओं|बहनों|पशुपालकों|"
    r"मछुआरों)" + _R,
    _I,
)
#: cues that also serve to appeal to the public ("urged the people to", "जनता से अनुरोध किया")
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|all|a|an|every|each|his|her|their|its)\b)[a-z]", _I)
_APPEALS = ("en asked to", "en advised to", "hi appeal verb", "hi request", "hi expectation")
#: the public asked ("किसानों से ... करने को कहा")
_PUBLIC_ASKED_HI = re.compile("(?:" + _PUBLIC.pattern + r")\s+से" + _R, _I)
#: the public as the subject of a passive appeal ("Residents were also urged to")
_PUBLIC_PASSIVE = re.compile(
    r"(?:" + _PUBLIC.pattern + r")[^,;.।]{0,25}?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:also\s+|further\s+|hereby\s+)?$", _I)
#: a member of the public as the subject of a Hindi clause ("सभी मतदाता ... करें")
_HI_PUBLIC_SUBJECT = re.compile(
    _L + r"(?:लोग|जनता|आमजन|जनमानस|नागरिक|नागरिकगण|मतदाता|अभिभावक|अभिभावकगण|श्रद्धालु|आप|हम)"
    r"(?!\s+(?:को|के|की|का|से|में|तक|हेतु|लिए|द्वारा)" + _R + ")" + _R
)
#: "stressed that the DMs would monitor ...": what the chair insists others do, in reported speech
_EN_STRESSED_THAT = re.compile(
    r"\b(?:stressed|emphasi[sz]ed|insisted|underlined|underscored|reiterated|made\s+it\s+clear|"
    r"categorically\s+stated)\s+(?:up)?(?:on\s+)?that\b[^.;।]{0,80}?\b(?:would|should|must|shall|will|"
    r"need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?:also\s+|personally\s+|themselves\s+|"
    r"immediately\s+|not\s+)*(?!be\s+(?:beneficial|helpful|useful|able|possible|difficult)\b|"
    r"benefit\b|help\b|lead\b|result\b|go\s+a\s+long\b|bring\b|boost\b|improve\b)[a-z]{2,}",
    _I)
#: officials in general as the subject of an obligation: "officials should respond to grievances"
_EN_OFFICIALS_MUST = re.compile(
    r"\b(?:government\s+|district\s+|field\s+|the\s+)?(?:concerned\s+)?"
    r"(?:officials|officers|employees|departments|authorities)(?:\s+concerned)?\s+"
    r"(?:also\s+)?(?:should|must|shall|have\s+to|need\s+to)\s+(?:also\s+)?"
    r"(?!be\s+(?:noted|aware|commended|appreciated)\b)[a-z]{2,}", _I)
#: a rule for the work in hand: "There should be no unscheduled power cuts"
_EN_NONE_OF = re.compile(r"\bthere\s+(?:should|must|shall)\s+(?:also\s+)?be\s+(?:no|zero)\b", _I)
_EN_PASSIVE = re.compile(r"\bbe\s+[a-z]*" + _PARTICIPLE_END + r"\b", _I)
#: a bare subjunctive, as Indian minutes give orders: "Details ... be submitted within a week",
#: "He said that all pending files be cleared"
_EN_BARE_SUBJUNCTIVE = re.compile(
    r"(?<![\w-])(?!(?:to|will|shall|should|would|must|may|might|can|could|cannot|not|also|further|"
    r"then|always|never|only|duly|need|let|hereafter|henceforth|still|thus|so|ever|just|easily|"
    r"soon|already|now|and|or|once|it)\b)[a-z]{2,}\s+be\s+(?:immediately\s+|promptly\s+|"
    r"positively\s+)?[a-z]*" + _PARTICIPLE_END + r"\b", _I)
_EN_ENSURE = re.compile(r"\b(?:to\s+)?ensure\b", _I)
_EN_TO_BE = re.compile(
    r"\bto\s+be\s+(?:completed|submitted|prepared|done|carried|conducted|ensured|taken|issued|sent|"
    r"organi[sz]ed|provided|made|finali[sz]ed|identified|uploaded|set\s+up|installed|repaired|"
    r"distributed|started|initiated|launched|expedited|covered|enrolled|verified|updated|shared|"
    r"furnished|placed|constituted|nominated|designated|closed|cleared|disbursed|held|convened|"
    r"circulated|linked|surveyed|deployed|removed|restored|filled|conducted|mapped|registered)\b",
    _I,
)
_EN_IMPERATIVE = re.compile(
    r"(?:please\s+)?(?:ensure|prepare|submit|conduct|organi[sz]e|complete|identify|send|provide|issue|"
    r"update|upload|constitute|hold|arrange|expedite|share|furnish|initiate|take|make|carry\s+out|"
    r"launch|start|monitor|finali[sz]e|designate|nominate|verify|distribute|install|repair|release|"
    r"compile|map|survey|link|enrol|enroll|register|convene|circulate|depute|deploy|fill|remove|"
    r"restore|clear|disburse|sanction|set\s+up|put\s+up|display|publish|inspect|review|analy[sz]e|"
    r"check|maintain|fix|follow|address|resolve|dispose|streamline|strengthen|assess)\b"
    r"(?!\s+(?:of|for)\b)",  # "Review of PM-KUSUM": a heading, not an order
    _I,
)
_HI_SUBJUNCTIVE = re.compile(
    _L + r"(?:करें|करे|कराएं|करायें|कराये|कराए|करवाएं|करवायें|करवाये|करवाए|दें|दिलाएं|दिलायें|"
    r"दिलवाएं|लें|रखें|भेजें|भिजवाएं|भिजवायें|बनाएं|बनायें|चलाएं|चलायें|लगाएं|लगायें|लगवाएं|हटाएं|"
    r"हटवाएं|पहुंचाएं|पहुंचायें|बढाएं|बढायें|जोडें|निकालें|खोलें|बुलाएं|सौंपें|भरें|बांटें|अपनाएं|"
    r"रोकें|बरतें|निभाएं|लाएं|उठाएं|दिखाएं|जाए|जाएं|जाये|जायें|जाय|जावे|जावें|करावें|होने\s+(?:पाए|पाये|पाएं)|"
    r"रखे|भेजे|रहें|"
    # any other causative in "-ाएं" ("अमलीजामा पहनाएं", "सिरे चढ़ाएं"), but not a plural noun
    r"(?!(?:योजनाएं|सुविधाएं|समस्याएं|महिलाएं|संस्थाएं|घटनाएं|व्यवस्थाएं|परियोजनाएं|सेवाएं|"
    r"परीक्षाएं|कक्षाएं|सीमाएं|शाखाएं|भावनाएं|कथाएं|गाथाएं|प्रतिमाएं|आशाएं|दिशाएं|सभाएं|"
    r"कविताएं|रचनाएं|सूचनाएं|शिलाएं|भाषाएं|मालाएं|बाधाएं|मांगाएं)" + _R + r")"
    r"[\u0900-\u0963\u0971-\u097F]{2,}(?:ाएं|ाएँ|ायें|वाएं)|"
    r"(?:करा|कर|करवा)\s+ले|"
    r"(?:बनाए|बनाये|चलाए|चलाये|लगाए|लगाये|दिलाए|दिलाये|पहुंचाए|करवाए)(?!\s+(?:गए|गये|गई|जा|जाने|"
    r"जाएं|जाए|जाएंगे|जाएगी|जाएगा))|करना\s+होगा|करने\s+होंगे|"
    r"कराना\s+होगा|देना\s+होगा|रखना\s+होगा|(?:करना|कराना|जाना|देना|रखना|लेना|भेजना|बनाना|चलाना|"
    r"लगाना|करने|कराने|होना|होनी|होने|जानी|जाने|रहना|रहनी|रहने|मिलना|मिलनी|मिलने)\s+चाहिए)" + _R
)
#: what may follow a verb that ends its clause: particles, then punctuation or a conjunction
_CLAUSE_FINAL = re.compile(
    r"(?:\s+(?:भी|ही|तो|जी|नहीं|न))*\s*(?:[,;।॥.!?|\"')\]]|$|\s+(?:तथा|और|एवं|व|ताकि|ताकी|जिससे|साथ\s+ही|"
    r"अन्यथा|वरना|जिसके|जो)" + _R + ")"
)
_HI_PURPOSE = re.compile(_L + r"(?:ताकि|ताकी|जिससे|जिसके\s+लिए|जिससे\s+कि|जो\s+कि|यदि|अगर)" + _R)
_HI_THAT = re.compile(_L + r"कि" + _R)
_HI_SAYING = re.compile(
    r"कहा|निर्देश|आदेश|अपेक्षा|हिदायत|निर्णय|तय|सहमति|सुनिश्चित\s+कर(?:ें|े|ाएं)|ध्यान\s+रख|आग्रह|"
    r"अनुरोध|आह्वान|जोर\s+दिया|बल\s+दिया|आवश्यक\s+है|आवश्यकता\s+है"
)
_HI_SAID = re.compile(_L + r"कहा\s+(?:गया\s+)?कि" + _R)

_REPORTING = re.compile(
    r"\b(?:informed|briefed|apprised|reported|intimated|explained|told\s+the\s+(?:meeting|house|"
    r"committee|chair))\b[^.;।]{0,100}?\bthat\b|" + _L
    + r"(?:बताया|बताते\s+हुए|जानकारी\s+(?:दी|देते|दिया)|अवगत\s+(?:कराया|कराते)|सूचित\s+किया|अवगत\s+"
    r"करवाया)(?:\s+गया)?\s*(?:कि)?" + _R,
    _I,
)
_ATTENDANCE = re.compile(
    _L + r"(?:उपस्थित\s+(?:रहे|थे|रहीं|हुए)|मौजूद\s+(?:रहे|थे|रहीं))" + _R
    + r"|\b(?:were|was)\s+(?:also\s+)?present\b|\bparticipated\s+in\b|\battended\s+by\b",
    _I,
)
_DONE = re.compile(
    _L + r"(?:जा\s+चुका|जा\s+चुके|जा\s+चुकी|कर\s+(?:लिया|दिया)\s+गया|पूर्ण\s+हो\s+चुका|हो\s+चुका|हो\s+चुके|"
    r"किया\s+जा\s+रहा|किए\s+जा\s+रहे|जा\s+रही\s+है|गए\s+थे|गये\s+थे|गया\s+था|गई\s+थी)" + _R
    + r"|\b(?:has|have|had)\s+(?:already\s+)?been\s+[a-z]+(?:ed|en|t)\b|\balready\b|\bwere\s+"
    r"(?:inspected|completed|held|organi[sz]ed|conducted|distributed|enrolled|rescued|identified|"
    r"covered|done|made|given|issued|sent|visited|surveyed|registered)\b|\bwas\s+(?:completed|held|"
    r"organi[sz]ed|conducted|done|inspected)\b",
    _I,
)
#: a relative clause, whose report of work done qualifies a noun of the directive
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:which|that|who|whose|wherever|where)\b|" + _L + r"(?:जो|जिन|जिनमें|जिनका|जिनकी|जिसमें|"
    r"जिसका|जिसकी|जहां|जहाँ)" + _R + r")[^,;.।]{0,40}$", _I)


def _reports_done(text: str, start: int, end: int) -> bool:
    """Tell whether text[start:end] reports work done, outside a relative clause."""
    return any(not _RELATIVE_BEFORE.search(text, max(start, d.start() - 45), d.start())
               for d in _DONE.finditer(text, start, end))


_PREVIOUS = re.compile(
    r"(?:पूर्व\s+में|पिछली\s+बैठक|गत\s+बैठक|विगत\s+बैठक|previous\s+meeting|last\s+meeting|earlier)",
    _I,
)
_AS_DIRECTED = re.compile(
    r"\bas\s+(?:directed|instructed|ordered)\b|\bin\s+(?:accordance|compliance|pursuance)\s+"
    r"(?:with|of)\s+(?:the\s+)?(?:directions|instructions|orders)",
    _I,
)

_SAID_THAT = re.compile(r"\b(?:added|said|stated|directed|stressed|emphasi[sz]ed)\s+that\b", _I)
_PLUPERFECT = re.compile(r"\bhad\s+(?:also\s+|earlier\s+|already\s+)?(?:been\s+)?$", _I)
#: directions given without saying what they are
_VAGUE = re.compile(
    _L + r"(?:आवश्यक|जरूरी|जरुरी|उचित|सख्त|कड़े|कडे|अहम|विस्तृत|कई|महत्वपूर्ण|अनेक|निम्नलिखित|निम्न)\s+"
    r"(?:दिशा[-\s]*)?निर्देश|\bthe\s+following\s+(?:directions|instructions)\b"
    r"|\b(?:necessary|several|various|detailed|appropriate|important|suitable|requisite)\s+"
    r"(?:directions|instructions|directives)\b"
    r"|\b(?:these|the\s+above|the\s+said)\s+(?:directions|instructions|orders)\s+(?:were|have\s+been)\b"
    # "उन्होंने अधिकारियों को यह निर्देश दिए।": what was said before, told again
    r"|" + _L + r"(?:यह|ये)\s+(?:दिशा[-\s]*)?(?:निर्देश|आदेश)(?=\s+(?:दिए|दिये|दिया))"
    # "अधिकारियों को निर्देश दिए।", "को दिशा निर्देश दिए": told, but not what
    r"|" + _L + r"(?:को\s+)?दिशा[-\s]*निर्देश|" + _L + r"को\s+(?:निर्देश|आदेश)(?=\s+(?:दिए|दिये|दिया))",
    _I)
#: a purpose is a topic, not what is to be done: "पानी के दुरुपयोग की रोकथाम के लिए ... आवश्यक
#: निर्देश दिए"
_PURPOSE = re.compile(_L + r"(?:हेतु|लिए|लिये)" + _R + r"|for", _I)
#: a warning with nothing to do in it: "लापरवाही सहन नहीं की जाएगी", "laxity will not be tolerated"
_ONLY_WARNING = re.compile(
    r"[^।.;]{0,80}?(?P<w>लापरवाही|कोताही|शिथिलता|ढिलाई|उदासीनता|negligence|laxity|lapses?|dereliction)"
    r"[^।.;]{0,40}?(?:(?:सहन|बर्दाश्त|बरदाश्त)\s+नहीं\s+(?:की|किया)\s+जाए(?:गी|गा)|"
    r"(?:will|shall|would)\s+not\s+be\s+(?:tolerated|condoned))\s*[।.]?\s*$", _I)
#: the topic of directions given in general: "... के संबंध में आवश्यक निर्देश दिए"
_ON_TOPIC = re.compile(
    r"(?:के\s+(?:संबंध|सम्बन्ध|सम्बंध|संबन्ध)\s+में|के\s+बारे\s+में|को\s+लेकर|\bregarding|"
    r"\bin\s+connection\s+with|\babout)\s+(?:[^\s]+\s+){0,3}$", _I)
#: what says what is to be done: a "that" clause, a verb of action or its purpose
_CONTENT = re.compile(
    _L + r"(?:कि|हेतु|लिए|लिये|करें|कराएं|करायें|जाए|जाएं|जाये|रखें|दें)" + _R
    + r"|[\u0900-\u0963\u0971-\u097F](?:ने|ाने)\s+(?:के|का|की|को|पर|में)" + _R
    + r"|\b(?:that|to\s+(?!the\b|all\b|them\b|him\b|her\b|officers\b|officials\b)[a-z]+|for|"
    r"regarding\s+the\s+[a-z]+ing|on\s+[a-z]+ing)\b", _I)

#: words one of which a segment must hold to be worth a closer look
_ANY_CUE_WORDS = (
    "निर्देश", "आदेश", "हिदायत", "आह्वान", "आवाहन", "आहवान", "अपेक्षा", "कहा", "अनुरोध", "आग्रह",
    "जिम्मे", "दायित्व", "सुनिश्चित", "निर्णय", "निश्चय", "फैसला", "तय", "सहमति", "प्रस्ताव", "संकल्प",
    "ें", "ाए", "ाये", "ाय", "जाए", "चाहिए", "होगा", "होंगे", "ेगा", "ेगी", "ेंगे", "पाए", "करे",
    "direct", "instruct", "order", "mandat", "ask", "request", "urge", "told", "exhort", "remind",
    "task", "entrust", "call", "impress", "appeal", "advis", "encourag", "sensiti", "agreed",
    "decided", "resolved", "decision", "resolution", "shall", "must", "should", "will", "may",
    "ensure", "is to", "are to", "has to", "have to", "need", "to ", "desire", "wanted", "stress",
    "emphasi", "insist", "laid", "suggest", " be ", "that", "अपेक्षित", "sought", "seek", "मांग",
    "तलब", "deadline", "time limit", "time-limit", "timeline", "समय", "मोहलत", "निदेश",
)


def _past_quote(text: str, start: int) -> int:
    """Return where a sentence's words start, after the quote mark of a quoted order."""
    return start + 1 if text[start:start + 1] in ('"', "'") else start


def may_hold_cue(text: str, start: int, end: int) -> bool:
    """Tell cheaply whether text[start:end] could hold a directive cue at all."""
    low = text[start:end].lower()
    if any(word in low for word in _ANY_CUE_WORDS):
        return True
    return bool(_EN_IMPERATIVE.match(text, _past_quote(text, start), end))


def find_cue(text: str, start: int, end: int, *, has_mention: bool, lead_to: bool,
             context: str, kind: str) -> Cue | None:
    """Return the best directive cue in text[start:end], or None when it is not a directive."""
    strong: Cue | None = None
    low = text[start:end].lower()
    for label, regex, weight, keys in _STRONG:
        if not any(k in low for k in keys):
            continue
        m = regex.search(text, start, end)
        if m and (strong is None or weight > strong.weight):
            if _AS_DIRECTED.search(text, max(start, m.start() - 20), m.end()):
                continue
            after = text[m.end():min(end, m.end() + 25)]
            if re.match(r"\s*(?:जा\s+चुके|गए\s+थे|गये\s+थे|थे|था|हैं\s+जिनका|जाने|गए\s+हैं\s+जिनका|"
                        r"जा\s+रहे)", after):
                continue
            strong = Cue(m.start(), m.end(), label, weight)
    if strong is not None:
        if _PLUPERFECT.search(text, max(start, strong.start - 12), strong.start):
            return None  # "the Sub Committee had asked ...": told before this meeting
        vague = _VAGUE.search(text, max(start, strong.start - 40), strong.end)
        if vague and (not any(not _PURPOSE.fullmatch(c.group())
                              for c in _CONTENT.finditer(text, start, end)) or (
                _ON_TOPIC.search(text, max(start, vague.start() - 40), vague.start())
                and not _CONTENT.search(text, strong.end, end))):
            # "आवश्यक दिशा-निर्देश दिए", "gave necessary directions", "प्रवेश उत्सव मनाने के संबंध
            # में आवश्यक निर्देश दिए": a topic at most, nothing to track
            return None
        if strong.label in _APPEALS and not has_mention:
            window = (text[strong.start:min(end, strong.start + 60, strong.end + 40)]
                      if strong.label.startswith("en")
                      else text[max(start, strong.start - 80):strong.start])
            if strong.label.startswith("en"):
                # who is asked stands before the verb asked of them: "asked the officials to be
                # alert to receive calls from the public" asks the officials
                infinitive = _INFINITIVE.search(window, 6)
                window = window[:infinitive.start()] if infinitive else window
            if _PUBLIC.search(window) or _PUBLIC_PASSIVE.search(text, max(start, strong.start - 60),
                                                                  strong.start):
                return None  # an appeal to the public, not a directive to a department
        if strong.label == "hi asked to" and not has_mention and _PUBLIC_ASKED_HI.search(
                text, max(start, strong.start - 100), strong.start):
            return None  # "किसानों से ... मशीनरी का उपयोग करने को कहा": asked of the public
        warning = _ONLY_WARNING.match(text, strong.end, end)
        if warning and not _FUTURE.search(text, strong.end, warning.start("w")):
            return None  # "... कहा कि किसी भी प्रकार की लापरवाही सहन नहीं की जाएगी": a warning only
        reporting = _REPORTING.search(text, start, strong.start)
        # "... के निर्देश निर्माण एजेंसियों को दिये हैं श्री यादव ... बैठक में ... मौजूद थे": a run-on
        # sentence may go on to who attended, well after the directive
        attendance = _ATTENDANCE.search(text, start, end)
        if reporting or attendance and (attendance.start() < strong.end + 30
                                        or "\n" in text[strong.end:attendance.start()]):
            return None
        if _PREVIOUS.search(text, start, strong.start) and _reports_done(text, start, end):
            return None
        return strong

    weak = _weak_cue(text, start, end, low, has_mention=has_mention, lead_to=lead_to,
                     context=context, kind=kind)
    if weak is None:
        return None
    if _ATTENDANCE.search(text, start, end) or _REPORTING.search(text, start, end):
        return None
    # "... have been sent to the departments, he said, and added that the officials should
    # submit ...": only the clause the cue stands in can report work done
    clause = start
    for that in _SAID_THAT.finditer(text, start, weak.start):
        clause = that.end()
    if context != "decision" and _reports_done(text, clause, end):
        return None
    if context == "report" and weak.weight < 0.8:
        return None
    return weak


def _weak_cue(text: str, start: int, end: int, low: str, *, has_mention: bool, lead_to: bool,
              context: str, kind: str) -> Cue | None:
    listed = kind in ("item", "table", "action") or context in ("decision", "table")
    decision = _DECISION.search(text, start, end) if any(k in low for k in _DECISION_KEYS) else None
    if decision:
        if _FUTURE.search(text, decision.end(), end):
            return Cue(decision.start(), decision.end(), "decision", 0.85)
        return Cue(decision.start(), decision.end(), "decision", 0.55)
    if lead_to:
        return Cue(start, start, RULE_ADDRESSED, 0.75)
    if context == "decision" and not _MEETING_BUSINESS.search(text, start, end):
        future = _FUTURE.search(text, start, end)
        if future:
            return Cue(future.start(), future.end(), "future tense under decisions", 0.7)
    modal = _EN_MODAL.search(text, start, end) if any(k in low for k in _MODAL_KEYS) else None
    if modal:
        passive = modal.group("passive")
        if has_mention or listed or (passive and _PARTICIPLE.search(passive.strip())):
            weight = 0.8 if modal.group("m").lower() in ("shall", "must") else 0.7
            return Cue(modal.start(), modal.end(), "en modal", weight)
    none_of = _EN_NONE_OF.search(text, start, end) if "there" in low else None
    if none_of:
        return Cue(none_of.start(), none_of.end(), "en 'there should be no'", 0.6)
    stressed = _EN_STRESSED_THAT.search(text, start, end) if "that" in low else None
    if stressed and (has_mention or _EN_PASSIVE.search(text, stressed.end() - 20,
                                                       stressed.end() + 20)):
        return Cue(stressed.start(), stressed.end(), "en 'stressed that' + modal", 0.75)
    officials = (_EN_OFFICIALS_MUST.search(text, start, end)
                 if "offic" in low or "depart" in low or "authorit" in low else None)
    if officials:
        return Cue(officials.start(), officials.end(), "en officials + modal", 0.7)
    to_be = _EN_TO_BE.search(text, start, end) if "to be" in low else None
    if to_be and (has_mention or listed):
        return Cue(to_be.start(), to_be.end(), "en 'to be' + participle", 0.65)
    opening = _past_quote(text, start)
    imperative = _EN_IMPERATIVE.match(text, opening, end)
    if imperative and text[opening].isupper():
        return Cue(imperative.start(), imperative.end(), "en imperative", 0.7 if listed else 0.6)
    bare = _EN_BARE_SUBJUNCTIVE.search(text, start, end) if " be " in low else None
    if bare and not _RECORD.search(text, start, end):
        return Cue(bare.start(), bare.end(), "en bare subjunctive", 0.6)
    ensure = _EN_ENSURE.search(text, start, end) if "ensure" in low else None
    if ensure and has_mention and listed:
        return Cue(ensure.start(), ensure.end(), "en 'ensure'", 0.65)
    found = _hindi_subjunctive(text, start, end, listed, has_mention)
    if found is None and kind == "item" and context == "decision" and not _RECORD.search(
            text, start, end) and not _MEETING_BUSINESS.search(text, start, end):
        return Cue(start, start, RULE_LISTED_ITEM, 0.65)
    return found


def _hindi_subjunctive(text: str, start: int, end: int, listed: bool,
                       has_mention: bool) -> Cue | None:
    stop = _HI_PURPOSE.search(text, start, end)
    limit = stop.start() if stop else end
    verbs = [v for v in _HI_SUBJUNCTIVE.finditer(text, start, limit)
             if _CLAUSE_FINAL.match(text, v.end(), end)]
    if not verbs:
        return None
    verb = verbs[-1]
    if not has_mention and _HI_PUBLIC_SUBJECT.search(text, start, verb.start()):
        return None  # an appeal to the public, not a directive to a department
    thats = list(_HI_THAT.finditer(text, start, verb.start()))
    if thats:
        said = _HI_SAID.search(text, start, verb.start())
        if said:
            return Cue(said.start(), verb.end(), "hi 'कहा कि' + subjunctive", 0.8)
        if not _HI_SAYING.search(text, start, thats[-1].start()):
            return None
    label = "hi subjunctive" + (" in list" if listed else "")
    return Cue(verb.start(), verb.end(), label, 0.7 if listed else 0.6)
