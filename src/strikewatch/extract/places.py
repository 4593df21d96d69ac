"""Where a report says a strike happened: place mentions resolved in the gazetteer.

Mentions are found by looking up token n-grams of the folded text in the gazetteer's
key index (no per-place regexes), then weighed: a name after "قرية"/"village of" and
near words of harm is the report's place; a city in a site's menu is not. The most
specific resolvable mention wins; "ريف X" (countryside of X) never yields X's point.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from strikewatch.extract.place_regions import keep_in_region, set_regions
from strikewatch.gazetteer import Gazetteer, Place
from strikewatch.gazetteer.mentions import (
    TOKEN,
    Mention,
    Unknown,
    load_lexicon,
    modifier_of,
    scan_mentions,
    unresolved_names,
    word_keys,
)
from strikewatch.model import GeoPrecision
from strikewatch.normalise import fold_for_match, original_end

__all__ = ["PlaceFinding", "find_place"]

# How far (in words) a harm word still vouches for a mention, strongly or weakly.
_NEAR_HARM = 12
_FAR_HARM = 30
# Two place mentions within this score, over this many degrees apart, leave the
# report's place open: only their governorate is kept.
_RIVAL_MARGIN = 1.0
_RIVAL_APART = 0.15
# Penalty for a place outside the country most mentions are in (Baghdad Street, Aleppo).
_FOREIGN = 3.0
# An unknown village this many words before a known name is taken to lie near it.
_NEAR_UNKNOWN = 8
_RANK = {
    GeoPrecision.EXACT: 4,
    GeoPrecision.PLACE: 3,
    GeoPrecision.DISTRICT: 2,
    GeoPrecision.ADMIN1: 1,
    GeoPrecision.COUNTRY: 0,
    GeoPrecision.UNKNOWN: -1,
}
_COUNTRY = GeoPrecision.COUNTRY
_SOURCE_RANK = {"user": 0, "curated": 1, "geonames": 2}


@dataclass(frozen=True)
class PlaceFinding:
    """The place a report names for its strike, how sure, and every mention seen."""

    place: str | None
    place_ar: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: GeoPrecision
    span: tuple[int, int] | None
    mentions: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    reason: str = ""


def find_place(
    text: str,
    *,
    language: str | None,
    gazetteer: Gazetteer | None = None,
    located: frozenset[GeoPrecision] | None = None,
    folded: str | None = None,
) -> PlaceFinding:
    """The report's strike place: the most specific mention that resolves, with reasons.

    ``language`` is a hint only (Arabic and Latin names are looked for in any text);
    ``located`` lists the precisions that carry coordinates (default: the lexicon's, by
    which the area round a place carries none unless ``around_a_place`` says so).
    ``folded`` is ``fold_for_match`` of the text when the caller has it (a slice of the
    whole report's), saving a second pass over the same words.
    """
    del language  # both scripts are scanned: Arabic reports quote Latin names and back
    gazetteer = gazetteer or Gazetteer.default()
    lexicon = load_lexicon()
    around_points = lexicon.around_points if located is None else True
    located = lexicon.located if located is None else located
    folded = fold_for_match(text) if folded is None or len(folded) != len(text) else folded
    if len(folded) != len(text):
        # lower() lengthens a few letters (İ); keep offsets by leaving those as they are.
        folded = fold_for_match("".join(c if len(c.lower()) == 1 else "_" for c in text))
    tokens = list(TOKEN.finditer(folded))
    spans = [m.span() for m in tokens]
    keys = [word_keys(m.group()) for m in tokens]
    harm = [i for i, (k, alt) in enumerate(keys) if k in lexicon.harm or alt in lexicon.harm]
    mentions = scan_mentions(text, spans, keys, gazetteer, lexicon)
    unresolved = unresolved_names(text, spans, keys, mentions, lexicon)
    for mention in mentions:
        mention.modifier = modifier_of(mention, spans, keys, lexicon)
    set_regions(mentions, lexicon.region_gap)
    # A name placed in a region where the gazetteer has no such place is a homonym the
    # gazetteer lacks: its far namesake's point would be wrong, so it counts as unknown.
    elsewhere = [m for m in mentions if not keep_in_region(m, gazetteer, lexicon)]
    # One name is one place throughout a report: once the text puts it where the gazetteer
    # has no such place, its other mentions are that homonym too.
    homonyms = {p for m in elsewhere for p in m.places}
    elsewhere += [m for m in mentions if m not in elsewhere and not homonyms.isdisjoint(m.places)]
    unresolved += [
        Unknown(m.token, text[m.start : m.end], m.words, "place" if m.modifier == "place" else "")
        for m in elsewhere
    ]
    unresolved.sort()
    mentions = [m for m in mentions if m not in elsewhere]
    context = _context_admin1(mentions)
    countries = Counter(p.country for m in mentions for p in m.places[:1])
    home = countries.most_common(1)[0][0] if countries else ""
    for mention in mentions:
        _choose(mention, context)
        mention.score = _score(mention, harm)
        if mention.choice is not None and mention.choice.country != home:
            mention.score -= _FOREIGN  # a Baghdad street in an Aleppo report
    seen = [text[m.start : m.end] for m in mentions]
    seen += [u.name for u in unresolved if u.name not in seen]
    missing = list(dict.fromkeys(u.name for u in unresolved))
    candidates = [m for m in mentions if m.choice is not None]
    if not candidates:
        reason = "no place mention resolved" if unresolved else "no place mention"
        return PlaceFinding(
            None, None, None, None, None, GeoPrecision.UNKNOWN, None, seen, missing, reason
        )
    # A place abroad (a Baghdad street, an Erbil dateline) is never the point of a report
    # whose other places are at home: the best of those is taken instead.
    local = [
        m
        for m in candidates
        if m.choice is not None and m.choice.country == home and m.precision is not _COUNTRY
    ]
    best = max(local or candidates, key=lambda m: m.score)
    # A rival abroad that weighs as much still leaves the report's place open.
    best, reason = _settle(text, best, candidates, unresolved, harm, gazetteer, lexicon.region_gap)
    if elsewhere:
        first = elsewhere[0]
        reason += f"; '{text[first.start : first.end]}' not used: no such place near {first.region}"
    place = best.choice
    assert place is not None
    if _bare_town(best, lexicon.bare_town_population):
        # "قصف على منبج": a big town named alone often stands for its area (measured: its
        # point was within 10 km of the strike less than half the time); "مدينة منبج" is
        # the town.
        best.precision, best.modifier = GeoPrecision.DISTRICT, "direction"
        reason += "; a big town named alone may stand for its area: district"
    has_point = best.precision in located
    if has_point and _around_a_place(best) and not around_points:
        # "ريف منبج", "شرق منبج": somewhere in tens of kilometres round the town; its
        # point would be a guess, so the claim keeps the town and governorate only.
        has_point = False
        reason += "; no point: the area round a place, not the place"
    return PlaceFinding(
        place=place.name,
        place_ar=place.name_ar,
        admin1=place.admin1 or (place.name if place.precision is GeoPrecision.ADMIN1 else None),
        latitude=place.latitude if has_point else None,
        longitude=place.longitude if has_point else None,
        geo_precision=best.precision,
        span=(best.start, original_end(text, folded, best.start, best.end)),
        mentions=seen,
        unresolved=missing,
        reason=reason,
    )


def _settle(
    text: str,
    best: Mention,
    candidates: list[Mention],
    unresolved: list[Unknown],
    harm: list[int],
    gazetteer: Gazetteer,
    gap: int,
) -> tuple[Mention, str]:
    """Gives the mention to use, its precision lowered where the text does not vouch for
    its point, and the reason."""
    assert best.choice is not None
    unknown = _outranking_unknown(best, unresolved, harm)
    rival = _rival(best, candidates)
    region = _governorate(gazetteer, best.choice)
    if unknown is not None:
        # The strike's village is not in the gazetteer: the resolved name is its
        # surroundings (قرية X قرب Y) or only the region; never give Y's point as X's.
        token, name = unknown.token, unknown.name
        around = _regional_after(token + unknown.words, candidates, gap)
        if around is not None:
            return around, f"'{name}' not in the gazetteer; " + _around(text, around, unknown)
        if best.precision is not GeoPrecision.PLACE:
            return best, _reason(text, best)
        if 0 < best.token - token <= _NEAR_UNKNOWN:
            best.precision, best.modifier = GeoPrecision.DISTRICT, "direction"
            return best, f"'{name}' not in the gazetteer; near {best.choice.name}: district"
        if region is not None:
            best.choice, best.precision = region, GeoPrecision.ADMIN1
            return best, f"'{name}' not in the gazetteer; {region.name} governorate: admin1"
    elif best.modifier == "background" and region is not None:
        # Only where the shells came from or a victim hails from: its governorate at most.
        best.choice, best.precision = region, GeoPrecision.ADMIN1
        written = text[best.start : best.end]
        return best, f"'{written}' is background (origin, not target): {region.name}, admin1"
    elif rival is not None and region is not None:
        best.choice, best.precision = region, GeoPrecision.ADMIN1
        written, other = text[best.start : best.end], text[rival.start : rival.end]
        return best, (
            f"'{written}' and '{other}' weigh alike: {region.name} governorate, admin1 precision"
        )
    return best, _reason(text, best)


def _around(text: str, around: Mention, unknown: Unknown) -> str:
    """Reads the known name right after an unknown one; gives the reason."""
    city = next((p for p in around.places if p.precision is GeoPrecision.PLACE), None)
    if unknown.trigger == "neighbourhood" and city is not None and around.modifier != "countryside":
        # "حي X في إدلب": a neighbourhood lies inside its city, within a few km of its point.
        around.choice, around.precision, around.modifier = city, GeoPrecision.PLACE, "place"
        return f"a neighbourhood of {city.name}: place precision"
    if around.precision is GeoPrecision.PLACE:
        # "X قرب Y", "X في منطقة Y": X lies near the town Y, not at it.
        around.precision, around.modifier = GeoPrecision.DISTRICT, "direction"
    return _reason(text, around)


def _regional_after(token: int, candidates: list[Mention], gap: int) -> Mention | None:
    """Gives the regional mention right after word token ("بريف Y", "شرق Y", ", Idlib")."""
    for mention in candidates:
        if not 0 <= mention.token - token <= gap or mention.precision is GeoPrecision.COUNTRY:
            continue
        if mention.modifier or mention.precision is not GeoPrecision.PLACE:
            return mention
    return None


def _bare_town(mention: Mention, population: int) -> bool:
    """Tells whether a mention is a big town's name with no settlement word before it."""
    place = mention.choice
    return (
        population > 0
        and place is not None
        and mention.precision is GeoPrecision.PLACE
        and not mention.modifier
        and (place.population or 0) >= population
    )


def _around_a_place(mention: Mention) -> bool:
    """Tells whether a mention reads as the surroundings of a place (its countryside, a
    direction from it, near it) or a whole district, not a place or a compact named area."""
    if mention.precision is not GeoPrecision.DISTRICT or mention.choice is None:
        return False
    # A district row named as its own district (كوباني, the Kobani district) spans
    # tens of kilometres like a countryside; a sub-region row (Jabal al-Zawiya) does not.
    whole = mention.choice.precision is GeoPrecision.DISTRICT and (
        mention.choice.admin2 == mention.choice.name
    )
    return whole or mention.modifier in ("countryside", "direction")


def _rival(best: Mention, candidates: list[Mention]) -> Mention | None:
    """Gives another place mention as likely as best but far from it, if any."""
    if best.precision is not GeoPrecision.PLACE or best.choice is None:
        return None
    for other in candidates:
        if other is best or other.choice is None or other.precision is not GeoPrecision.PLACE:
            continue
        if best.score - other.score > _RIVAL_MARGIN:
            continue
        apart = abs(other.choice.latitude - best.choice.latitude) + abs(
            other.choice.longitude - best.choice.longitude
        )
        if apart > _RIVAL_APART:
            return other
    return None


def _outranking_unknown(
    best: Mention, unresolved: list[Unknown], harm: list[int]
) -> Unknown | None:
    """Gives the unknown settlement that is likelier the strike place than best, if any."""
    if best.precision is not GeoPrecision.PLACE:
        # Only an unknown neighbourhood can say more than a governorate: its city.
        unresolved = [u for u in unresolved if u.trigger == "neighbourhood"]
    for unknown in unresolved:
        modifier = "place" if unknown.trigger else ""
        probe = Mention(0, 0, unknown.token, [], modifier, None, GeoPrecision.PLACE)
        # Against a known "مدينة Y" the unknown "قرية X" must weigh more, not as much.
        if _score(probe, harm) > best.score or (
            best.modifier != "place" and _score(probe, harm) == best.score
        ):
            return unknown
    return None


def _governorate(gazetteer: Gazetteer, place: Place) -> Place | None:
    """Gives the gazetteer's governorate entry for a place, if it has one."""
    if place.admin1 is None:
        return None
    for entry in gazetteer.lookup(place.admin1):
        if entry.precision is GeoPrecision.ADMIN1 and entry.country == place.country:
            return entry
    return None


def _context_admin1(mentions: list[Mention]) -> Counter[str]:
    """Gives the governorates the text names, by how often (for homonyms)."""
    context: Counter[str] = Counter()
    for mention in mentions:
        if mention.modifier == "background":
            continue  # where the shells came from or a victim hails from
        regions = {
            p.admin1 or p.name for p in mention.places if p.precision is not GeoPrecision.COUNTRY
        }
        if len(regions) == 1:
            context[regions.pop()] += 1
    return context


def _choose(mention: Mention, context: Counter[str]) -> None:
    """Picks the entry a mention means, and the precision it is worth."""
    places = [p for p in mention.places if (p.admin1 or p.name) in context] or mention.places
    wanted = {
        "countryside": (GeoPrecision.DISTRICT, GeoPrecision.ADMIN1, GeoPrecision.PLACE),
        "admin1": (GeoPrecision.ADMIN1, GeoPrecision.DISTRICT, GeoPrecision.PLACE),
        "place": (GeoPrecision.PLACE, GeoPrecision.DISTRICT, GeoPrecision.ADMIN1),
    }.get(
        mention.modifier,
        # A governorate's name alone (إدلب, Hama) names the governorate more often than
        # its capital: the city needs "مدينة"/"city" in front.
        (GeoPrecision.ADMIN1, GeoPrecision.PLACE, GeoPrecision.DISTRICT, GeoPrecision.COUNTRY),
    )
    for precision in wanted:
        options = [p for p in places if p.precision is precision]
        if options:
            options.sort(
                key=lambda p: (
                    -context[p.admin1 or p.name],
                    _SOURCE_RANK.get(p.source, 3),
                    -(p.population or 0),
                )
            )
            mention.choice = options[0]
            break
    if mention.choice is None:
        return
    precision = mention.choice.precision
    if mention.modifier == "countryside" and precision is GeoPrecision.PLACE:
        precision = GeoPrecision.DISTRICT  # the countryside around a town, not the town
    elif mention.modifier == "direction" and precision is GeoPrecision.PLACE:
        precision = GeoPrecision.DISTRICT
    elif mention.modifier == "place" and precision is GeoPrecision.DISTRICT:
        # "مدينة كوباني": the town itself; a district row carries its seat's point.
        precision = GeoPrecision.PLACE
    mention.precision = precision


def _score(mention: Mention, harm: list[int]) -> float:
    """Gives how likely a mention is the strike's place (specific, introduced, near harm)."""
    score = float(_RANK[mention.precision])
    if mention.modifier == "place":
        score += 2.0
    distance = min((abs(h - mention.token) for h in harm), default=10_000)
    if distance <= _NEAR_HARM:
        score += 3.0
    elif distance <= _FAR_HARM:
        score += 1.0
    if mention.precision is GeoPrecision.COUNTRY or mention.modifier == "background":
        score -= 5.0
    # Reports put the strike first; later names are background, related news or chrome.
    return score - mention.token / 100


def _reason(text: str, mention: Mention) -> str:
    """Gives a one-line explanation of the chosen mention."""
    place = mention.choice
    assert place is not None
    written = text[mention.start : mention.end]
    what = {
        "countryside": f"countryside of {place.name}",
        "direction": f"near {place.name} (a direction from it)",
        "admin1": f"{place.name} governorate",
    }.get(mention.modifier, place.name)
    return f"'{written}' = {what}: {mention.precision.value} precision"
