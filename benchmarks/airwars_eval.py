"""Benchmark: strikewatch on the Airwars Syria development corpus, scored per report.

usage: python benchmarks/airwars_eval.py [CORPUS_DIR] [--out DIR] [--limit N]
  CORPUS_DIR  default ../shared/data/airwars-syria (sources.jsonl + incidents.jsonl)
  --out DIR   where the run's database, exports and per-field error lists go
              (default eval-out/, ignored by git: the corpus must never be committed)

Runs the pipeline as a user would (ingest the sources as reports JSON Lines, process,
export claims and incidents) and compares each report's first claim with the incident
Airwars cited it for, on the scorer's rules (shared/tools/airwars-eval/score.py):
sources that are not boilerplate, have text, and are cited for exactly one incident.
Prints the eight extraction numbers (accuracy and precision of belligerent, date within
±1 day, civilian deaths within range, place within 10 km), linkage scores where
incidents exist, and throughput; writes ``errors_<field>.jsonl`` for studying misses.
The eight numbers are printed twice: as the scorer reads the export (a claim takes what
its report leaves unsaid from its incident) and for the report's own words alone
(``own_``), so extraction can be told apart from linking.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strikewatch.config import Settings
from strikewatch.ingest import ingest_paths
from strikewatch.pipeline import process
from strikewatch.publish import export_claims, export_incidents
from strikewatch.store import open_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "airwars-syria"
KIND = {
    "public_x_post": ("social_post", "x"),
    "public_facebook_post": ("social_post", "facebook"),
    "public_telegram_post": ("social_post", "telegram"),
    "public_instagram_post": ("social_post", "instagram"),
    "youtube_page": ("social_post", "youtube"),
    "news_article": ("news_article", "web"),
    "ngo_report": ("ngo_report", "web"),
    "government_or_military_statement": ("military_statement", "web"),
    "other_web_page": ("web_page", "web"),
    "blog_post": ("web_page", "web"),
    "pdf_document": ("other", "web"),
}
BELLIGERENT = {
    "u.s.-led coalition": "us-led-coalition",
    "coalition": "us-led-coalition",
    "russian military": "russia",
    "turkish military": "turkey",
    "israeli military": "israel",
    "iranian military": "iran",
    "jordanian military": "jordan",
    "uk military": "united-kingdom",
    "french military": "france",
    "us forces": "united-states",
    "syrian regime": "syrian-regime",
    "syrian democratic forces": "sdf",
    "ypg": "ypg",
    "kurdish forces": "kurdish-forces",
    "tribal forces": "tribal-forces",
}
FAMILY = {
    "sdf": "kurdish",
    "ypg": "kurdish",
    "kurdish-forces": "kurdish",
    "united-states": "us-led-coalition",
    "france": "us-led-coalition",
    "united-kingdom": "us-led-coalition",
    "jordan": "us-led-coalition",
}


def family(belligerent: str) -> str:
    return FAMILY.get(belligerent, belligerent)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def write_reports(sources: list[dict[str, Any]], path: Path) -> None:
    """The corpus as reports JSON Lines, as the shared evaluation converts it."""
    with path.open("w", encoding="utf-8") as out:
        for source in sources:
            kind, platform = KIND.get(source.get("source_type") or "", ("other", None))
            record = {
                "id": str(source["source_id"]),
                "text": source.get("text") or "",
                "kind": kind,
            }
            if platform:
                record["platform"] = platform
            for ours, theirs in (
                ("publisher", "publisher"),
                ("published_at", "publication_date"),
                ("language", "language"),
                ("url", "url"),
            ):
                if source.get(theirs):
                    record[ours] = source[theirs]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((b_lat - a_lat) * p / 2) ** 2
        + math.cos(a_lat * p) * math.cos(b_lat * p) * math.sin((b_lon - a_lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


@dataclass
class Score:
    """Accuracy (right / all with a truth) and precision (right / all we answered)."""

    right: int = 0
    answered: int = 0
    total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, answered: bool, right: bool, error: dict[str, Any]) -> None:
        self.total += 1
        self.answered += answered
        self.right += right
        if not right:
            self.errors.append(error)

    def line(self, name: str) -> str:
        accuracy = self.right / self.total if self.total else float("nan")
        precision = self.right / self.answered if self.answered else float("nan")
        return (
            f"{name + '_accuracy:':<28}{accuracy:.3f}   {name + '_precision:':<28}{precision:.3f}"
            f"   (right {self.right}, answered {self.answered}, scored {self.total})"
        )


def truth_belligerents(incident: dict[str, Any]) -> set[str]:
    raw = incident.get("belligerents") or []
    names = raw.split(",") if isinstance(raw, str) else raw
    found = {family(BELLIGERENT.get(n.strip().lower(), n.strip().lower())) for n in names}
    return found - {"unknown", ""}


# Airwars' code prefixes name a campaign, hence a belligerent: "IS" is Israel in Syria.
CAMPAIGN = {"RS": "russia", "TS": "turkey", "CS": "us-led-coalition", "IS": "israel"}


def campaign_conflicts(incidents: dict[str, dict[str, Any]]) -> set[str]:
    """Incidents whose listed belligerents leave out their own campaign's belligerent.

    On the development corpus these are 15 "IS" incidents of 2024-25 listing only "Turkish
    Military" while their sources tell of Israeli strikes: a labelling slip, reported apart.
    """
    return {
        code
        for code, incident in incidents.items()
        if code[:2] in CAMPAIGN
        and truth_belligerents(incident)
        and CAMPAIGN[code[:2]] not in truth_belligerents(incident)
    }


def first_claims(path: Path) -> dict[str, dict[str, Any]]:
    """Each report's first claim (a digest may yield several), by report id."""
    claims: dict[str, dict[str, Any]] = {}
    for claim in read_jsonl(path):
        claims.setdefault(str(claim["report_id"]), claim)
    return claims


def scored_sources(
    sources: list[dict[str, Any]], incidents: dict[str, dict[str, Any]]
) -> list[tuple[dict[str, Any], str]]:
    """Sources the scorer uses: text, not boilerplate, cited for exactly one incident."""
    by_code: dict[str, str] = {}
    for code, incident in incidents.items():
        by_code[str(incident.get("airwars_id"))] = code
        by_code[code] = code
    found = []
    for source in sources:
        if not (source.get("text") or "").strip() or source.get("boilerplate"):
            continue
        codes = {by_code.get(str(x).replace("airwars-", "")) for x in source["incident_ids"] or []}
        codes.discard(None)
        if len(codes) == 1:
            found.append((source, str(codes.pop())))
    return found


def score_claims(
    scored: list[tuple[dict[str, Any], str]],
    incidents: dict[str, dict[str, Any]],
    claims: dict[str, dict[str, Any]],
) -> dict[str, Score]:
    scores = {name: Score() for name in ("belligerent", "date", "deaths", "geo")}
    for source, code in scored:
        incident = incidents[code]
        claim = claims.get(str(source["source_id"]), {})
        where = {"source_id": source["source_id"], "incident": code}
        truth = truth_belligerents(incident)
        if truth:
            said = {family(b) for b in claim.get("belligerents") or []} - {"unknown"}
            error = {**where, "truth": sorted(truth), "claim": sorted(said)}
            scores["belligerent"].add(bool(said), bool(said & truth), error)
        if incident.get("date"):
            said_date = claim.get("event_date")
            gap = (
                abs((date.fromisoformat(said_date) - date.fromisoformat(incident["date"])).days)
                if said_date
                else None
            )
            error = {**where, "truth": incident["date"], "claim": said_date}
            scores["date"].add(said_date is not None, gap is not None and gap <= 1, error)
        low, high = incident.get("civilian_deaths_min"), incident.get("civilian_deaths_max")
        if low is not None and high is not None:
            c_low, c_high = claim.get("civilian_deaths_min"), claim.get("civilian_deaths_max")
            answered = c_low is not None or c_high is not None
            c_low = c_low if c_low is not None else c_high
            c_high = c_high if c_high is not None else c_low
            right = answered and c_low <= high and c_high >= low
            error = {**where, "truth": [low, high], "claim": [c_low, c_high]}
            scores["deaths"].add(answered, bool(right), error)
        if incident.get("latitude") is not None and incident.get("longitude") is not None:
            lat, lon = claim.get("latitude"), claim.get("longitude")
            answered = lat is not None and lon is not None
            distance = (
                km(float(lat), float(lon), incident["latitude"], incident["longitude"])
                if lat is not None and lon is not None
                else None
            )
            error = {
                **where,
                "truth": incident.get("location_en"),
                "claim": claim.get("place"),
                "precision": claim.get("geo_precision"),
                "km": round(distance, 1) if distance is not None else None,
            }
            scores["geo"].add(answered, distance is not None and distance <= 10, error)
    return scores


def grouping(
    scored: list[tuple[dict[str, Any], str]], incidents_out: list[dict[str, Any]]
) -> dict[str, float]:
    """Pairwise and B-cubed precision, recall and F1 of the incidents over scored sources."""
    truth = {str(s["source_id"]): code for s, code in scored}
    predicted: dict[str, str] = {}
    for incident in incidents_out:
        for report_id in incident.get("report_ids") or []:
            predicted[str(report_id)] = str(incident["id"])
    true_groups: dict[str, set[str]] = {}
    found_groups: dict[str, set[str]] = {}
    for item, code in truth.items():
        true_groups.setdefault(code, set()).add(item)
        found_groups.setdefault(predicted.get(item, "single:" + item), set()).add(item)

    def pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
        return {(a, b) for g in groups.values() for a in g for b in g if a < b}

    true_pairs, found_pairs = pairs(true_groups), pairs(found_groups)
    hit = len(true_pairs & found_pairs)
    p = hit / len(found_pairs) if found_pairs else 1.0
    r = hit / len(true_pairs) if true_pairs else 1.0
    bp = br = 0.0
    for item, code in truth.items():
        mine = found_groups[predicted.get(item, "single:" + item)]
        theirs = true_groups[code]
        bp += len(mine & theirs) / len(mine)
        br += len(mine & theirs) / len(theirs)
    bp, br = bp / len(truth), br / len(truth)
    return {
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "b3_precision": bp,
        "b3_recall": br,
        "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
    }


def incident_scores(
    scored: list[tuple[dict[str, Any], str]],
    incidents: dict[str, dict[str, Any]],
    incidents_out: list[dict[str, Any]],
) -> dict[str, float]:
    """Per exported incident, against the Airwars incident most of its reports belong to."""
    truth = {str(s["source_id"]): code for s, code in scored}
    counts = {k: [0, 0] for k in ("belligerent", "date", "geo", "grade", "range_overlap")}
    for mine in incidents_out:
        votes: dict[str, int] = {}
        for report_id in mine.get("report_ids") or []:
            if str(report_id) in truth:
                votes[truth[str(report_id)]] = votes.get(truth[str(report_id)], 0) + 1
        if not votes:
            continue
        theirs = incidents[max(votes, key=lambda code: votes[code])]
        expected = truth_belligerents(theirs)
        if expected:
            counts["belligerent"][1] += 1
            said = {family(b) for b in mine.get("belligerents") or []}
            counts["belligerent"][0] += bool(said & expected)
        if theirs.get("date"):
            counts["date"][1] += 1
            if mine.get("date"):
                gap = abs(
                    (date.fromisoformat(mine["date"]) - date.fromisoformat(theirs["date"])).days
                )
                counts["date"][0] += gap <= 1
        if theirs.get("latitude") is not None:
            counts["geo"][1] += 1
            if mine.get("latitude") is not None:
                distance = km(
                    mine["latitude"], mine["longitude"], theirs["latitude"], theirs["longitude"]
                )
                counts["geo"][0] += distance <= 10
        grade = (theirs.get("assessment") or "").strip().lower()
        if grade in {"confirmed", "fair", "weak", "contested", "discounted"}:
            counts["grade"][1] += 1
            counts["grade"][0] += (mine.get("grade") or "") == grade
        low, high = theirs.get("civilian_deaths_min"), theirs.get("civilian_deaths_max")
        if low is not None and high is not None:
            counts["range_overlap"][1] += 1
            m_low, m_high = mine.get("civilian_deaths_min"), mine.get("civilian_deaths_max")
            counts["range_overlap"][0] += (
                m_low is not None and m_high is not None and m_low <= high and m_high >= low
            )
    return {f"incident_{k}": (r / n if n else float("nan")) for k, (r, n) in counts.items()}


def run(corpus: Path, out: Path, limit: int | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sources = list(read_jsonl(corpus / "sources.jsonl"))[:limit]
    incidents = {i["incident_code"]: i for i in read_jsonl(corpus / "incidents.jsonl")}
    reports = out / "reports.jsonl"
    write_reports(sources, reports)
    db_path = out / "eval.db"
    for stale in out.glob("eval.db*"):
        stale.unlink()
    database = open_database(
        Settings(database_url=f"sqlite:///{db_path}", archive_dir=out / "eval-archive")
    )
    started = time.perf_counter()
    ingest_paths(database, [reports], "reports")
    ingested = time.perf_counter()
    summary = process(database)
    processed = time.perf_counter()
    with (out / "claims.jsonl").open("w", encoding="utf-8") as handle:
        export_claims(database, "jsonl", handle)
    with (out / "incidents.jsonl").open("w", encoding="utf-8") as handle:
        export_incidents(database, "jsonl", handle)
    with (out / "claims_own.jsonl").open("w", encoding="utf-8") as handle:
        export_claims(database, "jsonl", handle, context=False)
    claims = first_claims(out / "claims.jsonl")
    scored = scored_sources(sources, incidents)
    scores = score_claims(scored, incidents, claims)
    own = score_claims(scored, incidents, first_claims(out / "claims_own.jsonl"))
    print(f"reports: {len(sources)}   scored sources: {len(scored)}   claims: {summary.claims}")
    print(
        f"ingest: {ingested - started:.1f} s   process: {processed - ingested:.1f} s "
        f"({len(sources) / max(processed - ingested, 1e-9):.0f} reports/s)"
    )
    for name, score in scores.items():
        print(score.line(name))
        with (out / f"errors_{name}.jsonl").open("w", encoding="utf-8") as handle:
            for error in score.errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    for name, score in own.items():
        print(score.line("own_" + name))
        with (out / f"errors_own_{name}.jsonl").open("w", encoding="utf-8") as handle:
            for error in score.errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    conflicts = campaign_conflicts(incidents)
    consistent = [(source, code) for source, code in scored if code not in conflicts]
    print(
        f"(diagnostic) {len(conflicts)} incidents list a belligerent that contradicts their "
        f"campaign code; without their {len(scored) - len(consistent)} sources:"
    )
    for name, claims_of in (("", claims), ("own_", first_claims(out / "claims_own.jsonl"))):
        apart = score_claims(consistent, incidents, claims_of)["belligerent"]
        print("  " + apart.line(name + "belligerent"))
    incidents_out = list(read_jsonl(out / "incidents.jsonl"))
    print(f"incidents: {len(incidents_out)}")
    for name, value in grouping(scored, incidents_out).items():
        print(f"{name + ':':<28}{value:.3f}")
    for name, value in incident_scores(scored, incidents, incidents_out).items():
        print(f"{name + ':':<28}{value:.3f}")
    print(f"error lists: {out}/errors_*.jsonl")


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    args = list(argv)
    out = ROOT / "eval-out"
    limit = None
    if "--out" in args:
        i = args.index("--out")
        out = Path(args[i + 1])
        del args[i : i + 2]
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i : i + 2]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    run(corpus, out, limit)


if __name__ == "__main__":
    main(sys.argv[1:])
