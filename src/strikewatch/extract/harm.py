"""Who a report says was killed or injured: civilians, children, women, combatants.

A report is read sentence by sentence. In each sentence we find *harm cues* (قتل,
استشهاد, إصابة, killed, injured …) and *groups*: a victim noun with its count
("3 مدنيين", "طفلين", "a woman"), or a bare count next to a cue ("مقتل 5", "5 killed").
Each group takes the harm of the cue it belongs to:

* a noun that names the harm (شهيد, قتلى, جرحى, "the dead") carries its own, also when
  an adjective names the victim (شهيد مدني);
* otherwise the cue right before the list of victims it belongs to ("killed three
  civilians", "مقتل امرأة وطفلين"), else the cue right after the list ("a girl and a
  man were injured"), else the nearest cue before it in the sentence, else the nearest
  after. A cue with a leading و opens the next clause and never reaches back;
* other things done to people (اعتقال, arrested, displaced) are cues too, and what they
  take is not counted.

Rules (settings in ``lexicons/harm_rules.toml``, words in ``lexicons/harm_lexicon.toml``):

* counts: digits and number words via :mod:`strikewatch.extract.numbers`; an Arabic
  singular noun is one, a dual two; an unnumbered plural (مقتل مدنيين, عائلة كاملة) is
  2..9 (written Arabic spells the dual and plural alike); a number after the noun
  (مدنيين اثنين) counts; ages, years, dates, distances and weapon counts do not;
* groups joined by و/and in one sentence add up ("امرأة وطفلين" = 3); a group after
  بينهم/منهم/including, or in brackets or after a colon right after a group (a bracket
  may sit a few words on: "6 مدنيين من عائلة واحدة (…)"), is part of it and is never
  added to it; civilians named within a total that is not all civilian ("ثلاثة أشخاص
  (طفلان ومسلح)") are counted;
* a list of victims named again in its sentence with the same counts and harm (a
  headline glued to its body, a post to its copy, "مقتل رجل … جثمان الرجل") is counted
  once; "طفل آخر" and "another child" are one more, and "آخر" after a noun is no
  victim of its own;
* kin named by a possessive (ابنه، زوجته، طفليهما) are victims; "أحد الجرحى" (one of
  the wounded) takes the harm of its cue; "فقدان … لحياتهم" (lost their lives) and
  "راح ضحيتها" are deaths; "N بين قتيل وجريح" is a joint count, "N بين شهيد
  وإصابتين" (counted parts) a breakdown whose parts are counted instead of N;
* children and women count as civilians, and also in their own fields; combatant
  nouns (عناصر, مقاتلين, fighters, soldiers, members, "women fighters") are kept apart;
* victims named by no civilian or combatant word (أشخاص, قتلى, "people") are counted
  as civilians unless a combatant word is in the same sentence (measured: counting
  them raises accuracy from 0.35 to 0.50 at the same precision);
* killed and injured given together ("مقتل وإصابة 5", "20 قتيلا وجريحا", casualties)
  give deaths 0..N and injuries 0..N;
* "إصابة آخرين" (others, no number) is the unnumbered plural 2..9;
* over the whole report each field takes one sentence: exact counts beat vague ones;
  a sentence that raises the toll (ارتفاع حصيلة, "toll rose to") beats a lower one; a
  sentence with a strike word beats one without; else the first (the headline or lead:
  later sentences of a page drift to other events; measured better than the highest);
* sentences that sum many events (منذ بداية العام, "since the start") are skipped;
* "دون وقوع إصابات", "no casualties" (and "أضرار مادية" when nothing else is found)
  give 0 deaths and 0 injuries when no count was found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from strikewatch.extract.dates_lang import month_led
from strikewatch.extract.harm_sentence import Group, Sentence
from strikewatch.extract.harm_totals import sentence_totals
from strikewatch.extract.harm_words import is_harmful, prefilter, rules
from strikewatch.extract.numbers import Range, Word, words_of
from strikewatch.normalise import fold_for_match

__all__ = ["HarmFinding", "Range", "find_harm"]

_FIELDS = ("civilian_deaths", "civilian_injuries", "children_killed", "women_killed")


@dataclass(frozen=True)
class HarmFinding:
    """The harm a report states, as ranges (None where it states none)."""

    civilian_deaths: Range | None
    civilian_injuries: Range | None
    children_killed: Range | None
    women_killed: Range | None
    combatant_deaths: Range | None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


# Per field: the chosen sentence's total, vagueness, groups, words, strike word present.
_Best = tuple[Range, bool, list[Group], list[Word], bool]
# A sentence: a run of text between full stops, question marks, semicolons and newlines.
_SENTENCE = re.compile(r"[^.!?؟؛;\n]+")


def find_harm(text: str, *, language: str | None, folded: str | None = None) -> HarmFinding:
    """The civilian and combatant harm a report states, as ranges with spans and reasons.

    ``folded`` is ``fold_for_match(text)`` when the caller has it (the same length).
    """
    del language  # Arabic and English words do not collide: both vocabularies apply.
    lex = rules()
    folded_text = fold_for_match(text) if folded is None or len(folded) != len(text) else folded
    harm_words = prefilter()
    best: dict[str, _Best] = {}
    nobody = False
    # Only sentences with a harm word are tokenised: most of a page is not.
    hits = [m.start() for m in harm_words.finditer(folded_text)]
    # A month's line of a tally ("• March: two attacks injured two people") sums strikes.
    months = [m.span() for m in month_led().finditer(folded_text)] if hits else []
    month_starts = [a for a, _ in months]
    for sentence in _SENTENCE.finditer(folded_text):
        start, end = sentence.span()
        at = bisect_left(hits, start)
        if at == len(hits) or hits[at] >= end:
            continue
        if months and _inside(month_starts, months, start):
            continue
        folded = sentence.group()
        if lex.tally.search(folded) or lex.background.search(folded):
            continue
        words = _split_glued_tags(
            text,
            [
                Word(w.key, w.start + start, w.end + start)
                for w in words_of(text[start:end], folded=folded)
            ],
        )
        zeros = [m.span() for m in lex.zero.finditer(folded)]
        if zeros:
            # "دون وقوع إصابات": the statement's own harm words count nobody; the rest of
            # the sentence still may (a capture can lose the full stop before it).
            nobody = True
            starts = [a for a, _ in zeros]
            words = [
                Word(".", w.start, w.end) if _inside(starts, zeros, w.start - start) else w
                for w in words
            ]
        earlier = lex.background_after.search(folded)
        if earlier is not None:
            # "… وذلك بعد يومين من مقتل أربعة": what follows is an earlier event.
            words = [w for w in words if w.start - start < earlier.start()]
        keys = [w.key for w in words]
        if not any(is_harmful(k) for k in keys):
            continue
        rising = lex.rising.search(folded) is not None
        strike = lex.strike.search(folded) is not None
        for name, (total, vague, used) in sentence_totals(Sentence(keys)).items():
            held = best.get(name)
            # Exact counts beat vague ones; a rising toll beats the lead; a count beside
            # a strike word beats one without; else the first sentence (the headline or
            # lead: later ones drift to other events).
            higher = rising and total.high > (held[0].high if held else -1)
            if held is None or (not vague, higher, strike) > (not held[1], False, held[4]):
                best[name] = (total, vague, used, words, strike)
    nobody = nobody or lex.damage_only.search(folded_text) is not None
    return _finding(best, nobody)


def _inside(starts: list[int], spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether the offset lies in one of the sorted, disjoint spans (starts: their starts)."""
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < spans[at][1]


def _split_glued_tags(text: str, words: list[Word]) -> list[Word]:
    """The words with a harm word glued to the end of a hashtag split off it.

    Captures lose the space after a post's leading hashtag ("#عاجلإصابة", "#البلدةوفاة"):
    the harm word is cut off the tag when what is left is three letters or more.
    """
    out: list[Word] = []
    for word in words:
        key = word.key
        if word.start == 0 or text[word.start - 1] != "#" or is_harmful(key) or key.isascii():
            out.append(word)
            continue
        cut = next((k for k in range(3, len(key) - 3) if is_harmful(key[k:])), None)
        if cut is None:
            out.append(word)
            continue
        out += [
            Word(key[:cut], word.start, word.start + cut),
            Word(key[cut:], word.start + cut, word.end),
        ]
    return out


def _finding(best: dict[str, _Best], nobody: bool) -> HarmFinding:
    spans: dict[str, list[tuple[int, int]]] = {}
    reasons: list[str] = []
    values: dict[str, Range | None] = {}
    for name in (*_FIELDS, "combatant_deaths"):
        if name not in best:
            values[name] = None
            continue
        total, vague, used, words, _ = best[name]
        values[name] = total
        spans[name] = [(words[g.start].start, words[g.end - 1].end) for g in used]
        kind = "vague count by convention" if vague else "stated count"
        reasons.append(f"{name} {total.low}..{total.high}: {kind}")
    civilians = values["civilian_deaths"]
    for name in ("children_killed", "women_killed"):
        part = values[name]
        if part is None or civilians is None or part.low <= civilians.high:
            continue
        sentence_of_part, sentence_of_total = best[name][3], best["civilian_deaths"][3]
        if sentence_of_part is not sentence_of_total:
            # Read from another sentence than the total and more than it: another event
            # or a tally ("… including 10 women" of a month), not this strike's victims.
            values[name] = None
            del spans[name]
            reasons = [r for r in reasons if not r.startswith(f"{name} ")]
            reasons.append(
                f"{name} {part.low}..{part.high} left out: another sentence, above civilian deaths"
            )
    # "No casualties" holds only for a report that counts no one: beside a stated count
    # it is about another strike of a round-up, or the damage of this one.
    if nobody and not any(values.values()):
        values["civilian_deaths"] = Range(0, 0)
        if values["civilian_injuries"] is None:
            values["civilian_injuries"] = Range(0, 0)
        reasons.append("no casualties stated")
    return HarmFinding(
        civilian_deaths=values["civilian_deaths"],
        civilian_injuries=values["civilian_injuries"],
        children_killed=values["children_killed"],
        women_killed=values["women_killed"],
        combatant_deaths=values["combatant_deaths"],
        spans=spans,
        reasons=reasons,
    )
