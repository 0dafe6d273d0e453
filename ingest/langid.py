"""Which language and script an article is written in: ky, kk, kk-Latn, ru, en or uz.

Letters decide most cases (Kazakh has ә ғ қ ұ һ і, Kyrgyz only ө ү ң beyond Russian, Uzbek
Cyrillic has ў ҳ, Kazakh Latin has acute or umlaut letters), but one quoted Kazakh name must not
turn a Kyrgyz article Kazakh, so letter evidence is weighed as a rate and added to the rate of
each language's commonest function words. No model is needed and the result is deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

_WORDS = re.compile(r"[^\W\d_]+(?:[ʻʼ'’`][^\W\d_]+)?")

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ru": frozenset(
        "и в во на с со по не что о об для от из к до за при это как также его их года году "
        "который которые был была были а но или между".split()
    ),
    "ky": frozenset(
        "жана менен үчүн боюнча болуп бул деп жылы жылдын тарабынан ошондой эле анын алардын "
        "катары аркылуу кийин менен болгон өз ара жөнүндө кыргыз республикасынын".split()
    ),
    "kk": frozenset(
        "және мен үшін бойынша болып бұл деп жылы жылғы тарапынан сондай ақ оның олардың "
        "ретінде арқылы кейін туралы өзара қазақстан республикасының да де та те".split()
    ),
    "kk-Latn": frozenset(
        "jáne jane men úshin ushin üşın boıynsha boiynsha bolyp bul dep jyly jylǵy jylğy "
        "sondaı sondai onyń onyñ retinde arqyly keıin keiin týraly turaly ózara özara da de "
        "qazaqstan respýblıkasy".split()
    ),
    "en": frozenset(
        "the of and to in a an is was were for on with by at from as that this it be has have "
        "which its their also".split()
    ),
    "uz": frozenset(
        "va bilan uchun boʻyicha bo'yicha boyicha ham bu deb yili yilda haqida hamda "
        "ва билан учун бўйича ҳам бу деб йили йилда ҳақида ҳамда".split()
    ),
}

_KK_CYRILLIC = frozenset("әғқұһі")
_UZ_CYRILLIC = frozenset("ўҳ")
_KY_CYRILLIC = frozenset("өүң")
_KK_LATIN_2018 = frozenset("áǵıńóúý")
_KK_LATIN_2021 = frozenset("äğıñşöü")
#: The letters whose counts weigh as evidence (all of them are letters, so counting them in the
#: text counts them among its letters).
_MARKED_LETTERS = _KK_CYRILLIC | _UZ_CYRILLIC | _KY_CYRILLIC | _KK_LATIN_2018 | _KK_LATIN_2021
_UZ_LATIN = re.compile(r"[og][ʻ'’`]")


@cache
def _script_letters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of Cyrillic letters (U+0400-U+052F) and of Latin ones (ASCII, U+00C0-U+024F)."""
    cyrillic = "".join(ch for ch in map(chr, range(0x0400, 0x0530)) if ch.isalpha())
    latin = "".join(ch for ch in map(chr, [*range(0x80), *range(0x00C0, 0x0250)]) if ch.isalpha())
    return re.compile(f"[{re.escape(cyrillic)}]+"), re.compile(f"[{re.escape(latin)}]+")


def _script_counts(lowered: str) -> tuple[int, int]:
    """Cyrillic and Latin letters in ``lowered``, counted by the regex engine (removing them and
    measuring what is left): a Counter of every character cost ~0.4 ms a 4 KB article."""
    cyrillic, latin = _script_letters()
    return len(lowered) - len(cyrillic.sub("", lowered)), len(lowered) - len(latin.sub("", lowered))


def _function_word_rates(words: Counter[str], total: int) -> dict[str, float]:
    total = max(total, 1)
    return {lang: sum(words[w] for w in vocab if w in words) / total for lang, vocab in _FUNCTION_WORDS.items()}


def detect(text: str) -> tuple[str, str]:
    """(language, script) of ``text``; English/Latin when there is nothing to go on."""
    lowered = text.lower()
    # Counted by C-level scans and over distinct words: a Python loop over every character of a
    # 4 KB article cost more than reading it.
    cyr, lat = _script_counts(lowered)
    letters = {ch: lowered.count(ch) for ch in _MARKED_LETTERS}
    # ’ and ` become ' in place (both are in _WORDS's apostrophe class, so no word changes bounds)
    found = _WORDS.findall(lowered.replace("’", "'").replace("`", "'"))
    words = Counter(found)
    rates = _function_word_rates(words, len(found))

    def share(alphabet: frozenset[str], total: int) -> float:
        return sum(letters[ch] for ch in alphabet) / max(total, 1)

    if cyr >= lat and cyr > 0:
        scores = {
            # Kazakh-only letters are ~4% of Kazakh text; a quoted name gives a fraction of that.
            "kk": 10 * share(_KK_CYRILLIC, cyr) + rates["kk"],
            "uz": 10 * share(_UZ_CYRILLIC, cyr) * 3 + rates["uz"],
            # ө ү ң are Kazakh too; they are Kyrgyz evidence only beyond what Kazakh explains.
            "ky": 10 * max(share(_KY_CYRILLIC, cyr) - share(_KK_CYRILLIC, cyr), 0.0) + rates["ky"],
            "ru": rates["ru"],
        }
        return max(scores, key=lambda lang: (scores[lang], lang == "ru")), "Cyrl"
    uz_marks = len(_UZ_LATIN.findall(lowered)) / max(len(found), 1)
    kk_latin = 0.0
    for alphabet, own in ((_KK_LATIN_2018, "áǵńý"), (_KK_LATIN_2021, "äñ")):
        # Turkish names (Türkiye, Erdoğan) share ı ğ ş ö ü; Kazakh text also shows letters
        # Turkish lacks, and several kinds of them.
        kinds = sum(1 for ch in alphabet if letters[ch])
        weight = 10 if kinds >= 2 and any(letters[ch] for ch in own) else 2
        kk_latin = max(kk_latin, weight * share(alphabet, lat))
    scores = {
        "kk-Latn": kk_latin + rates["kk-Latn"],
        "uz": 5 * uz_marks + rates["uz"],
        "en": rates["en"],
    }
    return max(scores, key=lambda lang: (scores[lang], lang == "en")), "Latn"
