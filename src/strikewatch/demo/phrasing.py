"""Arabic and English wording of demo reports, the way local posts and news write.

Relative dates (فجر اليوم, ليلة أمس, الثلاثاء الماضي, "on Sunday night"), Levantine and
standard month names, Arabic-Indic digits, number words, vague counts (عشرات, "dozens"),
"at least", children and women among the dead, combatants told apart, and disputed
attributions: the work the extraction stages must do.
"""

from __future__ import annotations

import random

from strikewatch.demo.invent import Strike, Telling, vocabulary

INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ENGLISH_CHANNELS = {"rss", "enweb"}

# --- Arabic -------------------------------------------------------------------------


def ar_number(n: int, rng: random.Random) -> str:
    """A number the way posts write it: digits, Arabic-Indic digits, or words."""
    style = rng.choice(["digits", "indic", "words"])
    if style == "words" and n < len(vocabulary()["words"]["numbers_ar"]):
        return str(vocabulary()["words"]["numbers_ar"][n])
    return str(n).translate(INDIC) if style == "indic" else str(n)


def ar_people(n: int, one: str, two: str, few: str, many: str, rng: random.Random) -> str:
    """A count of people with the noun form Arabic number agreement asks for."""
    if n == 1:
        return one
    if n == 2:
        return two
    if n >= 20 and rng.random() < 0.35:
        return f"عشرات {many}" if many != "مدنياً" else "عشرات المدنيين"
    prefix = rng.choice(["", "", "ما لا يقل عن "])
    return f"{prefix}{ar_number(n, rng)} {few if n <= 10 else many}"


def ar_when(t: Telling, rng: random.Random) -> str:
    """When the strike happened, relative to the post's own date as locals write it."""
    s = t.strike
    lag = (t.published.date() - s.day).days
    weekday = vocabulary()["words"]["weekdays_ar"][s.day.weekday()]
    if rng.random() < 0.2 or lag > 6:
        months = vocabulary()["words"][rng.choice(["levantine_months", "msa_months"])]
        if rng.random() < 0.5:
            return f"يوم {weekday} {ar_number(s.day.day, rng)} {months[s.day.month - 1]}"
        return f"بتاريخ {s.day.day}/{s.day.month}/{s.day.year}".translate(
            INDIC if rng.random() < 0.5 else {}
        )
    if lag == 0:
        return {
            "fajr": "فجر اليوم",
            "morning": "صباح اليوم",
            "noon": rng.choice(["ظهر اليوم", "عصر اليوم"]),
            "evening": "مساء اليوم",
        }.get(s.period, "اليوم")
    if lag == 1:
        named = {"night": "ليلة أمس", "evening": "مساء أمس", "fajr": "فجر أمس"}
        return named.get(s.period) or rng.choice(["أمس", f"يوم أمس {weekday}"])
    if lag == 2 and rng.random() < 0.5:
        return "أمس الأول"
    return rng.choice([f"يوم {weekday} الماضي", f"{weekday} الماضي"])


def ar_place(s: Strike, rng: random.Random) -> str:
    """The town with one of its spellings, and often its governorate's countryside."""
    name = rng.choice(s.town["ar"])
    admin = vocabulary()["admin1_ar"][s.town["admin1"]]
    if not s.town["side"]:
        return f"مدينة {name}"
    prefix = rng.choice(["بلدة ", "مدينة ", ""])
    if rng.random() < 0.3:
        return f"{prefix}{name}"
    return f"{prefix}{name} بريف {admin} {vocabulary()['side_ar'][s.town['side']]}"


def ar_harm(t: Telling, rng: random.Random) -> str:
    """Deaths, then who among them, then the wounded: the order posts use."""
    s = t.strike
    parts = []
    if t.deaths:
        parts.append("مقتل " + ar_people(t.deaths, "مدني", "مدنيين اثنين", "مدنيين", "مدنياً", rng))
        among = []
        if t.says_who and s.children and t.deaths > s.children:
            among.append(ar_people(s.children, "طفل", "طفلان", "أطفال", "طفلاً", rng))
        if t.says_who and s.women and t.deaths > s.children + s.women:
            among.append(ar_people(s.women, "امرأة", "امرأتان", "نساء", "امرأة", rng))
        if among:
            parts.append("بينهم " + " و".join(among))
    if t.injuries:
        others = "آخرين" if t.deaths else "مدنيين"
        if t.injuries >= 20 and rng.random() < 0.4:
            parts.append("إصابة عشرات الجرحى")
        else:
            parts.append("إصابة " + ar_people(t.injuries, "آخر", "اثنين", others, "آخرين", rng))
    if not parts:
        return "أضرار مادية"
    return " و".join(parts).replace(" وبينهم", "، بينهم")


def ar_actor(t: Telling, rng: random.Random) -> str:
    if t.actor is None:
        return rng.choice(["مجهول المصدر", "لم يعرف مصدره"])
    return "من " + str(rng.choice(vocabulary()["actor_ar"][t.actor]))


def ar_text(t: Telling, rng: random.Random) -> str:
    """An Arabic post or news item about the strike."""
    s = t.strike
    strike = rng.choice(vocabulary()["strike_ar"][s.strike_type])
    target = vocabulary()["target_ar"][s.target]
    place, when, harm, actor = ar_place(s, rng), ar_when(t, rng), ar_harm(t, rng), ar_actor(t, rng)
    tag = "#" + s.place_ar.replace(" ", "_")
    templates = [
        f"{strike} {actor} على {target} في {place} {when}، ما أدى إلى {harm}. {tag}",
        f"عاجل | {harm} جراء {strike} {actor} استهدف {target} في {place} {when}.",
        f"{s.place_ar}: {harm} إثر {strike} {actor} على {target} {when} {tag}",
        f"أفاد ناشطون محليون ب{harm} {when}، جراء {strike} {actor} استهدف {target} في {place}.",
    ]
    if t.deaths and t.published.date() > s.day:
        total = ar_people(t.deaths, "مدني واحد", "مدنيين اثنين", "قتلى", "قتيلاً", rng)
        templates.append(
            f"ارتفعت حصيلة ضحايا {strike} على {place} {when} إلى {total}، وفق مصادر محلية."
        )
    if t.channel == "web" and t.deaths:
        templates.append(
            f"استجابت فرقنا {when} ل{strike} {actor} على {target} في {place}، "
            f"وانتشلت جثامين {ar_people(t.deaths, 'مدني', 'مدنيين اثنين', 'مدنيين', 'مدنياً', rng)}"
            f" وأسعفت المصابين إلى المشافي القريبة."
        )
    text = rng.choice(templates)
    if s.fighters and rng.random() < 0.5:
        fighters = {1: "عنصر", 2: "عنصران"}.get(s.fighters, f"{s.fighters} عناصر")
        text += f" كما قُتل {fighters} من فصيل مسلح كان في المكان."
    if s.rival and t.actor == s.belligerent and rng.random() < 0.5:
        text += (
            f" وبينما اتهم ناشطون {vocabulary()['actor_ar'][s.belligerent][0]} بتنفيذ القصف، "
            f"حمّلت مصادر أخرى {vocabulary()['actor_ar'][s.rival][0]} المسؤولية."
        )
    return text


# --- English ------------------------------------------------------------------------


def en_count(n: int, noun: str, rng: random.Random) -> str:
    if n >= 20 and rng.random() < 0.35:
        return f"dozens of {noun}s"
    words = vocabulary()["words"]["numbers_en"]
    number = words[n] if n < len(words) and rng.random() < 0.5 else str(n)
    prefix = rng.choice(["", "", "at least "]) if n > 1 else ""
    return f"{prefix}{number} {noun}{'s' if n != 1 else ''}"


def en_when(t: Telling, rng: random.Random) -> str:
    s = t.strike
    lag = (t.published.date() - s.day).days
    weekday: str = vocabulary()["words"]["weekdays_en"][s.day.weekday()]
    if lag > 6 or rng.random() < 0.2:
        return f"on {s.day.day} {s.day.strftime('%B')}"
    if lag == 0:
        return {"fajr": "early today", "morning": "this morning", "evening": "this evening"}.get(
            s.period, "today"
        )
    if s.period == "night":
        return rng.choice([f"on {weekday} night", "late on " + weekday])
    return (
        "yesterday"
        if lag == 1 and rng.random() < 0.6
        else rng.choice([f"on {weekday}", f"last {weekday}"])
    )


def en_text(t: Telling, rng: random.Random) -> tuple[str, str]:
    """An English headline and body about the strike."""
    s = t.strike
    place = rng.choice(s.town["en"])
    strike = rng.choice(vocabulary()["strike_en"][s.strike_type])
    actor = rng.choice(vocabulary()["actor_en"][t.actor]) if t.actor else "unidentified aircraft"
    target, when = vocabulary()["target_en"][s.target], en_when(t, rng)
    side = f"{s.town['side']}ern " if s.town["side"] else ""
    where = f"{place} in {side}{s.town['admin1']}"
    what = strike.removeprefix("an ").removeprefix("a ")
    title = f"{what[0].upper()}{what[1:]} hits {target.removeprefix('a ')} in {place}"
    hurt = en_count(t.injuries, "person", rng).replace("persons", "people")
    if t.deaths:
        killed = en_count(t.deaths, "civilian", rng)
        among = ""
        if t.says_who and s.children and t.deaths > s.children:
            among = (
                f", including {en_count(s.children, 'child', rng).replace('childs', 'children')}"
            )
        body = (
            f"{actor[0].upper()}{actor[1:]} struck {target} in {where} {when}, killing "
            f"{killed}{among}, local sources said. {hurt[0].upper()}{hurt[1:]} were wounded."
        )
        if t.published.date() > s.day and rng.random() < 0.4:
            body = (
                f"The death toll from {strike} on {place} {when} has risen to {t.deaths}. " + body
            )
    else:
        body = (
            f"{hurt[0].upper()}{hurt[1:]} were wounded when {strike} by {actor} hit {target} "
            f"in {where} {when}, residents said."
        )
    if s.rival and t.actor and rng.random() < 0.5:
        other = s.rival if t.actor == s.belligerent else s.belligerent
        body += f" Other sources blamed {vocabulary()['actor_en'][other][0]} for the attack."
    if s.fighters and rng.random() < 0.5:
        fighters = "One fighter was" if s.fighters == 1 else "Two fighters were"
        body += f" {fighters} also killed."
    return title, body


def ar_title(t: Telling, rng: random.Random) -> str:
    """A short Arabic headline: what struck where, and the toll if any."""
    s = t.strike
    strike = rng.choice(vocabulary()["strike_ar"][s.strike_type])
    dead = ar_people(t.deaths, "قتيل", "قتيلان", "قتلى", "قتيلاً", rng)
    toll = f": {dead}" if t.deaths > 2 else ""
    return f"{strike} على {rng.choice(s.town['ar'])}{toll}"


def compose(t: Telling, rng: random.Random, english: bool | None = None) -> None:
    """Write the telling's headline and text, in English or Arabic as its channel uses."""
    if english is None:
        english = t.channel in ENGLISH_CHANNELS or (
            t.channel in ("x", "fb") and rng.random() < 0.15
        )
    if english:
        t.title, t.text = en_text(t, rng)
        t.language = "en"
    else:
        t.title, t.text = ar_title(t, rng), ar_text(t, rng)
        t.language = "ar"
