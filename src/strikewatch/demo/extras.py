"""Demo reports that are not plain posts: pages, statements, lists, digests and noise.

All invented. Statements speak for an invented press desk of a belligerent; list rows
name invented victims; noise is what collection sweeps up and the pipeline must reject.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from strikewatch.demo.formats import DemoReport
from strikewatch.demo.invent import SYRIA, Strike, Telling, published_after, vocabulary
from strikewatch.demo.phrasing import ar_harm, ar_place, compose

LABEL_AR = "بيانات مخترعة لأغراض العرض التجريبي — INVENTED DEMO"
UNITS = ["a small ISIS cell", "a position held by ISIS fighters", "an ISIS supply site"]


def page_reports(strikes: list[Strike], rng: random.Random) -> list[DemoReport]:
    """Saved article pages, the first in English, the third in windows-1256."""
    chosen = [s for s in strikes if s.deaths[0] > 0][2::7][:5]
    pages = []
    for n, s in enumerate(chosen):
        t = Telling(
            s, "page", published_after(s, 1, rng), s.deaths[1], s.injuries[1], s.belligerent, True
        )
        compose(t, rng, english=n == 0)
        closing = (
            "Rescue workers said the search for survivors continued into the night."
            if n == 0
            else "وقال عامل في الدفاع المدني إن فرق الإنقاذ واصلت البحث تحت الأنقاض حتى المساء، "
            "وسط تحليق مستمر للطيران في أجواء المنطقة."
        )
        label = "(INVENTED DEMO: this article is invented.)" if n == 0 else f"({LABEL_AR})"
        text = f"{t.text}\n\n{closing}\n\n{label}"
        charset = "windows-1256" if n == 2 else "utf-8"
        others = [o for o in strikes if o is not s][n * 5 : n * 5 + 4]
        related = [
            f"{rng.choice(vocabulary()['strike_ar'][o.strike_type])} على {o.place_ar}"
            if n
            else f"Strike reported in {o.place}"
            for o in others
        ]
        fields = {"language": t.language, "charset": charset, "related": related}
        pages.append(DemoReport("page", text, t.published, [s.id], t.title, fields))
    return pages


def ngo_reports(strikes: list[Strike], rng: random.Random) -> list[DemoReport]:
    """Named (invented) victims of five strikes: the named count sets each minimum."""
    names = vocabulary()["names"]
    rows = []
    for s in [s for s in strikes if 2 <= s.deaths[0] <= 8][1::3][:5]:
        strike = vocabulary()["strike_ar"][s.strike_type][0]
        for k in range(s.deaths[0]):
            female = (k >= s.children and k < s.children + s.women) or rng.random() < 0.2
            age = rng.randint(2, 15) if k < s.children else rng.randint(19, 71)
            given = rng.choice(names["female" if female else "male"])
            name = f"{given} {rng.choice(names['male'])} {rng.choice(names['family'])} (اسم مخترع)"
            verb = "قُتلت" if female else "قُتل"
            text = f"{verb} جراء {strike} على {s.place_ar} بتاريخ {s.day.isoformat()}. ({LABEL_AR})"
            fields = {
                "date": s.day.isoformat(),
                "name": name,
                "age": str(age),
                "sex": "أنثى" if female else "ذكر",
                "place": s.place_ar,
                "source": vocabulary()["publishers"]["ngo"],
            }
            published = datetime(s.day.year, s.day.month, s.day.day, 12, tzinfo=SYRIA)
            rows.append(DemoReport("ngo", text, published + timedelta(days=20), [s.id], "", fields))
    return rows


def _statement(text: str, at: datetime, strikes: list[str], who: str, lang: str) -> DemoReport:
    publisher = vocabulary()["publishers"][who]
    fields = {
        "kind": "military_statement",
        "platform": "web",
        "publisher": publisher,
        "language": lang,
        "speaks_for": "us-led-coalition" if who == "coalition" else "turkey",
    }
    return DemoReport("reports", text, at, strikes, "", fields)


def statements(strikes: list[Strike], rng: random.Random) -> list[DemoReport]:
    """Daily strike summaries of two belligerents, and one admission of civilian harm."""
    out = []
    eastern = [t for t in vocabulary()["towns"] if "us-led-coalition" in t["suspects"]]
    admitted = False
    for s in strikes:
        at = published_after(s, rng.choice([1, 2]), rng)
        if s.belligerent == "us-led-coalition":
            extra = rng.choice([t for t in eastern if t["en"][0] != s.place])
            lines = [
                f"Near {s.place}, one strike targeted {rng.choice(UNITS)}; a vehicle burned.",
                f"Near {extra['en'][0]}, two strikes destroyed an ISIS weapons cache.",
            ]
            rng.shuffle(lines)
            text = (
                f"INVENTED DEMO STATEMENT. Demo Task Force strike summary. On "
                f"{s.day.strftime('%B')} {s.day.day}, coalition forces conducted strikes in "
                f"Syria. {' '.join(lines)} (Invented: no real operation is described.)"
            )
            out.append(_statement(text, at, [s.id], "coalition", "en"))
            if not admitted and s.deaths[0] > 0 and s.rival is None:
                admitted = True
                later = at + timedelta(days=45)
                toll = vocabulary()["words"]["numbers_en"][min(s.deaths[0], 12)]
                toll += " civilian" if s.deaths[0] == 1 else " civilians"
                out.append(
                    _statement(
                        f"INVENTED DEMO STATEMENT. Civilian casualty assessment: after review, "
                        f"the Demo Task Force assessed that a strike on "
                        f"{s.day.strftime('%B')} {s.day.day}, {s.day.year} near {s.place}, "
                        f"Syria, unintentionally killed {toll} and injured "
                        f"{s.injuries[0]}. We regret the unintentional loss of civilian life.",
                        later,
                        [s.id],
                        "coalition",
                        "en",
                    )
                )
        elif s.belligerent == "turkey" or s.rival == "turkey":
            place = rng.choice(s.town["ar"])
            date = f"{s.day.day}/{s.day.month}/{s.day.year}"
            if s.belligerent == "turkey":
                text = (
                    f"إيجاز يومي (مخترع – INVENTED DEMO): تمكنت قواتنا بتاريخ {date} من تحييد "
                    f"{rng.randint(2, 6)} إرهابيين في محيط {place} بضربات دقيقة."
                )
                if s.rival:
                    text += (
                        " ونفت الوزارة استهداف أي مدنيين، مؤكدة أن الضحايا سقطوا"
                        " بقذائف أطلقتها قسد."
                    )
            else:
                text = (
                    f"إيجاز يومي (مخترع – INVENTED DEMO): استهدف إرهابيو قسد بتاريخ {date} "
                    f"{place} بقذائف الهاون، ما أدى إلى {ar_harm(_told(s), rng)}."
                )
            out.append(_statement(text, at, [s.id], "ministry", "ar"))
    return out


def _told(s: Strike) -> Telling:
    at = datetime(s.day.year, s.day.month, s.day.day, 23, tzinfo=SYRIA)
    return Telling(s, "statement", at, s.deaths[0], s.injuries[0], s.belligerent, True)


def field_text(t: Telling, rng: random.Random) -> str:
    """A private field report: what a reporter saw, checked and counted."""
    s = t.strike
    hours = rng.randint(1, 5)
    return (
        f"تقرير ميداني (مخترع – INVENTED DEMO): وصلت إلى موقع القصف في {ar_place(s, rng)} "
        f"بعد {hours} ساعات من {vocabulary()['strike_ar'][s.strike_type][0]} الذي وقع "
        f"بتاريخ {s.day.day}/{s.day.month}/{s.day.year}. الهدف: "
        f"{vocabulary()['target_ar'][s.target]}. تحققت من {ar_harm(t, rng)} "
        f"من خلال ذوي الضحايا والمشفى الميداني. لم ألحظ وجوداً عسكرياً في المكان."
    )


def digest(strikes: list[Strike], rng: random.Random) -> DemoReport:
    """A daily round-up post telling three strikes of one day."""
    day = strikes[0].day
    months = vocabulary()["words"]["levantine_months"]
    weekday = vocabulary()["words"]["weekdays_ar"][day.weekday()]
    lines = [f"حصاد الأحداث الميدانية ليوم {weekday} {day.day} {months[day.month - 1]}:"]
    for s in strikes:
        strike = rng.choice(vocabulary()["strike_ar"][s.strike_type])
        actor = rng.choice(vocabulary()["actor_ar"][s.belligerent])
        lines.append(f"- {ar_place(s, rng)}: {ar_harm(_told(s), rng)} جراء {strike} من {actor}.")
    lines.append("#حصاد_اليوم")
    at = datetime(day.year, day.month, day.day, 8, 30, tzinfo=SYRIA) + timedelta(days=1)
    fields = {
        "kind": "social_post",
        "platform": "facebook",
        "publisher": vocabulary()["publishers"]["facebook"][0],
    }
    return DemoReport("reports", "\n".join(lines), at, [s.id for s in strikes], "", fields)


def noise(when: datetime) -> list[DemoReport]:
    """Captures the pipeline must reject: login and cookie walls, sport, weather."""
    post = {"kind": "social_post", "platform": "facebook"}
    page = {"kind": "web_page", "platform": "web"}
    texts = [
        (
            "reports",
            post,
            "Log in or sign up to view\nSee posts, photos and more on Facebook.\n"
            "Email or phone number\nPassword\nLog In\nForgot account?\nCreate new account",
        ),
        (
            "reports",
            post,
            "سجّل الدخول إلى فيسبوك لمتابعة هذا المنشور\nالبريد الإلكتروني أو "
            "رقم الهاتف\nكلمة السر\nتسجيل الدخول\nهل نسيت كلمة السر؟\nإنشاء حساب جديد",
        ),
        (
            "reports",
            page,
            "Before you continue\nWe use cookies and data to deliver and maintain our "
            "services and to measure audience engagement.\nAccept all\nReject all\nMore options",
        ),
        (
            "reports",
            post,
            "فاز فريق النجوم (فريق مخترع) على فريق الوادي (مخترع) بنتيجة 3-1 "
            "مساء أمس، بعدما قصف مهاجمه مرمى الخصم بهدفين في الشوط الثاني. INVENTED DEMO",
        ),
        (
            "reports",
            page,
            "حالة الطقس (INVENTED DEMO): أجواء باردة نسبياً وأمطار متفرقة على "
            "المناطق الشمالية والساحلية، مع رياح نشطة تثير الغبار في البادية.",
        ),
        (
            "rss",
            {},
            "Demo United (invented) beat Valley Rovers (invented) 2-0 on Saturday, "
            "with two goals in the final ten minutes. INVENTED DEMO sports item.",
        ),
        (
            "atom",
            {},
            "توقعات الطقس للأسبوع المقبل (مخترعة): انخفاض في درجات الحرارة وفرصة "
            "لهطول الأمطار في معظم المناطق. INVENTED DEMO",
        ),
    ]
    titles = ["", "", "", "", "", "Demo United win derby", "توقعات الطقس للأسبوع المقبل"]
    out = []
    for i, ((file, fields, text), title) in enumerate(zip(texts, titles, strict=True)):
        publishers = vocabulary()["publishers"]
        extra = dict(fields) if fields else {}
        if fields:
            social = fields["kind"] == "social_post"
            extra["publisher"] = publishers["facebook"][i % 3] if social else publishers["web"][0]
        out.append(DemoReport(file, text, when + timedelta(days=9 * i, hours=i), [], title, extra))
    return out
