"""``strikewatch gazetteer add|import|unresolved``: places analysts add, and those missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from strikewatch.cli.app import app, err, open_store
from strikewatch.errors import InputProblem
from strikewatch.gazetteer import Place, read_places_csv
from strikewatch.ingest.run import collector_name
from strikewatch.model import GeoPrecision
from strikewatch.store.places import add_user_places
from strikewatch.store.unresolved import unresolved_places

gazetteer_app = typer.Typer(
    help="Places: add villages the gazetteer lacks, list names it could not resolve.",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")
AFTER_ADDING = "run 'strikewatch process --reprocess' to resolve stored reports again"


def _row(place: Place) -> dict[str, object]:
    return {
        "name": place.name,
        "name_ar": place.name_ar,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "precision": str(place.precision),
        "country": place.country,
        "alternate_names": list(place.alternate_names),
    }


@gazetteer_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="English name.")],
    latitude: Annotated[float, typer.Option(min=-90, max=90, help="Decimal degrees.")],
    longitude: Annotated[float, typer.Option(min=-180, max=180, help="Decimal degrees.")],
    name_ar: Annotated[str | None, typer.Option(help="Arabic name.")] = None,
    admin1: Annotated[str | None, typer.Option(help="Governorate (English).")] = None,
    admin2: Annotated[str | None, typer.Option(help="District (English).")] = None,
    country: Annotated[str, typer.Option(help="ISO 3166 alpha-2 code.")] = "SY",
    alternate: Annotated[
        list[str] | None, typer.Option(help="Another spelling (repeatable).")
    ] = None,
    precision: Annotated[
        str, typer.Option(help="What a match means: place, district, admin1 or country.")
    ] = "place",
) -> None:
    """Add one place (a village, a neighbourhood) to this store's gazetteer."""
    if precision not in {"place", "district", "admin1", "country"}:
        raise typer.BadParameter(
            "one of place, district, admin1, country", param_hint="--precision"
        )
    place = Place(
        name=name,
        name_ar=name_ar,
        admin1=admin1,
        admin2=admin2,
        latitude=latitude,
        longitude=longitude,
        precision=GeoPrecision(precision),
        country=country.upper(),
        source="user",
        alternate_names=tuple(alternate or ()),
    )
    added = add_user_places(open_store(), [_row(place)], collector_name())
    err.print(f"{'added' if added else 'already known'}: {name}; {AFTER_ADDING}", markup=False)


@gazetteer_app.command("import")
def import_places(
    path: Annotated[Path, typer.Argument(help="A places CSV (columns: docs/gazetteer.md).")],
) -> None:
    """Add every valid row of a places CSV; each bad row is reported with its line."""
    places: list[Place] = []
    problems: list[InputProblem] = []
    for item in read_places_csv(path):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            places.append(item)
    database = open_store()
    added = add_user_places(database, [_row(p) for p in places], collector_name()) if places else 0
    for problem in problems:
        err.print(f"error: {problem}", markup=False)
    err.print(
        f"{path}: {added} places added, {len(places) - added} already known, "
        f"{len(problems)} rejected; {AFTER_ADDING}",
        markup=False,
    )
    if problems:
        raise typer.Exit(1)


@gazetteer_app.command("unresolved")
def unresolved(
    limit: Annotated[int, typer.Option(help="How many names to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Place names reports mention that the gazetteer could not resolve, most frequent first."""
    for name, count in unresolved_places(open_store()).most_common(limit):
        if as_json:
            typer.echo(json.dumps({"name": name, "claims": count}, ensure_ascii=False))
        else:
            typer.echo(f"{count}\t{name}")
