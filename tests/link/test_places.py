"""place_names(): the places a claim names, stray words dropped (invented villages)."""

from __future__ import annotations

from strikewatch.link.places import place_names


def test_resolved_and_unresolved_names_fold_together() -> None:
    assert place_names("Tell Demo", ["قرية المثال", "كفرتجربة"]) == [
        "telldemo",
        "قريهمثال",
        "كفرتجربه",
    ]


def test_one_village_spelt_alike_gives_one_key() -> None:
    assert place_names(None, ["الكفرتجربة"]) == place_names(None, ["كفرتجربة"])
    assert place_names(None, ["كفر تجربة"]) == place_names(None, ["كفرتجربة"])


def test_stray_words_are_dropped() -> None:
    assert place_names(None, ["ذاته", "اليوم", "Al", "SOHR", "ما", "وقرى"]) == []


def test_a_name_with_a_noise_word_in_it_is_kept() -> None:
    assert place_names(None, ["الشيخ مثالي"]) == ["شيخمثالي"]


def test_non_strings_are_ignored() -> None:
    assert place_names(None, [None, 3, "عين تجربة"]) == ["عينتجربه"]
