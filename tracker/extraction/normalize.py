"""Fold text for matching while keeping a map back to the original offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters dropped for matching: zero-width and bidi controls, soft hyphen, variation
# selectors and the Devanagari nukta (so "क़" and "क" + nukta both fold to "क").
_DELETED = (
    "\u00ad\u093c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
_DELETED_RE = re.compile("[" + re.escape(_DELETED) + "]+")

_ONE_TO_ONE: dict[str, str] = {
    # precomposed nukta letters fold to their base consonant
    "\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
    "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f",
    "\u0929": "\u0928", "\u0931": "\u0930", "\u0934": "\u0933",
    "\u0901": "\u0902",  # chandrabindu -> anusvara ("पहुँच" / "पहुंच")
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ", "\u1680": " ",
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
    "\r": " ",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0966 + _i)] = str(_i)  # Devanagari digits
for _c in range(0x2000, 0x200B):
    _ONE_TO_ONE[chr(_c)] = " "
for _c in list(range(0x00, 0x09)) + list(range(0x0E, 0x20)) + list(range(0x7F, 0x85)) + list(
    range(0x86, 0xA0)
):
    _ONE_TO_ONE[chr(_c)] = " "
_TABLE = str.maketrans(_ONE_TO_ONE)
_LONE_CR = re.compile(r"\r(?!\n)")
#: an anusvara typed before the vowel sign it belongs after ("करंे" for "करें"), as text converted
#: from the old typewriter fonts often has it
_SIGN_BEFORE_VOWEL = re.compile("\u0902([\u093e-\u094c])")
#: a Latin "l" or "I" typed for the danda after a Hindi word ("निर्देश दिएl जिलाधिकारी ने")
_LATIN_DANDA = re.compile(r"(?<=[\u0900-\u0963\u0971-\u097F])[lI|](?=\s|$)")
#: "निदेष", "निर्देष": the same fonts give "ष" for the "श" of "निर्देश"
_SHA_FOR_SHA = re.compile("(?:(?<=निर्दे)|(?<=निदे))ष")
#: "अघिकारी": a "घ" typed for the like-looking "ध" of "अधिकारी"
_GHA_FOR_DHA = re.compile("(?<=अ)घ(?=िकार)")
#: a virama that ends a word ("परिषद्", "श्रीमान्"): read as the bare consonant ("परिषद")
_FINAL_VIRAMA = re.compile("(?<=[\u0915-\u0939])\u094d(?![\u0900-\u097F\u200c\u200d])")
#: a vowel sign typed twice ("सेे कहा"): the second is dropped like an invisible character
_DOUBLED_SIGN = re.compile("([\u093e-\u094c])\\1")


@dataclass(frozen=True, slots=True)
class Folded:
    """Text folded for matching, with the way back to the original offsets."""

    text: str
    original: str
    #: folded index -> original index, with a sentinel at the end; None when identical
    offsets: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original text."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]


def fold(text: str) -> Folded:
    """Fold digits, quotes, spaces, nukta and invisible characters, keeping offsets."""
    mapped = _LONE_CR.sub("\n", text).translate(_TABLE)
    if "\u0902" in mapped:
        mapped = _SIGN_BEFORE_VOWEL.sub("\\1\u0902", mapped)  # same length: offsets hold
    mapped = _LATIN_DANDA.sub("।", mapped)
    if "ष" in mapped:
        mapped = _SHA_FOR_SHA.sub("श", mapped)
    if "घ" in mapped:
        mapped = _GHA_FOR_DHA.sub("ध", mapped)
    mapped = _DOUBLED_SIGN.sub("\\1\u200b", mapped)  # same length; the mark is deleted below
    if "\u094d" in mapped:
        mapped = _FINAL_VIRAMA.sub("\u200b", mapped)
    if not _DELETED_RE.search(mapped):
        return Folded(mapped, text, None)
    kept: list[int] = []
    previous = 0
    for match in _DELETED_RE.finditer(mapped):
        kept.extend(range(previous, match.start()))
        previous = match.end()
    kept.extend(range(previous, len(mapped)))
    kept.append(len(text))
    return Folded(_DELETED_RE.sub("", mapped), text, tuple(kept))
