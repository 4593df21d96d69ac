"""X (Twitter) account archive: ``data/tweets.js``, the archive folder, or its zip.

Edited posts appear in the archive as separate tweets chained by ``edit_info``; they are
stored as versions of one report whose id is the first tweet's id.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from strikewatch.errors import InputProblem
from strikewatch.ingest.decoding import DecodeError, decode, json_problem
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind

PREFIX = re.compile(rb"^\s*(?:\xef\xbb\xbf)?window\.YTD\.(tweets?|deleted_tweets)\.part\d+\s*=")
TWITTER_EPOCH_MS = 1288834974657
NO_LANGUAGE = {"und", "qme", "zxx", "qht", "qst"}


def snowflake_time(tweet_id: str) -> str | None:
    """The posting time encoded in an X status id (ids since late 2010)."""
    if not tweet_id.isdigit() or int(tweet_id) < (1 << 22):
        return None
    ms = (int(tweet_id) >> 22) + TWITTER_EPOCH_MS
    return (
        datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )


def _created(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return None


def _username(item: InputItem, encoding: str) -> str | None:
    account = item.sibling("account.js")
    if account is None:
        return None
    try:
        with account.open() as stream:
            text = decode(stream.read(), encoding)
        data = json.loads(text.split("=", 1)[1])
        name = data[0]["account"]["username"]
    except (OSError, DecodeError, ValueError, IndexError, KeyError, TypeError):
        return None
    return name if isinstance(name, str) else None


def _initial_id(tweet: dict[str, Any]) -> str | None:
    """The first tweet of an edit chain this tweet belongs to, if it is an edit."""
    edit = (tweet.get("edit_info") or {}).get("edit")
    if isinstance(edit, dict) and edit.get("initialTweetId"):
        return str(edit["initialTweetId"])
    return None


class XArchive:
    name = "x-archive"
    version = "1"
    description = "X/Twitter account archive: data/tweets.js, the archive folder or zip"

    def sniff(self, item: InputItem) -> bool:
        return PREFIX.match(item.head(256)) is not None

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        # tweets.js is one JavaScript assignment of a JSON array: it is parsed whole. Even
        # prolific accounts' text archives are tens of MB; media are separate files.
        with item.open() as stream:
            raw = stream.read()
        try:
            text = decode(raw, options.encoding)
        except DecodeError as exc:
            yield InputProblem(item.label, "", str(exc))
            return
        if "=" not in text or not text.lstrip().startswith("window.YTD."):
            yield InputProblem(
                item.label,
                "line 1",
                "not an X archive file: expected 'window.YTD.tweets.part0 = ['",
            )
            return
        body = text.split("=", 1)[1]
        try:
            records = json.loads(body)
        except json.JSONDecodeError as exc:
            yield InputProblem(item.label, f"line {exc.lineno}", json_problem(exc, body))
            return
        if not isinstance(records, list):
            yield InputProblem(item.label, "", "expected a list of tweets after '='")
            return
        username = _username(item, options.encoding)
        drafts: list[tuple[str, ReportDraft]] = []
        for number, record in enumerate(records, start=1):
            result = self._tweet(item.label, number, record, username, options)
            if isinstance(result, InputProblem):
                yield result
            else:
                drafts.append(result)
        # Originals before their edits, in posting order, so versions chain correctly.
        drafts.sort(key=lambda pair: int(pair[0]) if pair[0].isdigit() else 0)
        for _, draft in drafts:
            yield draft

    def _tweet(
        self, label: str, number: int, record: Any, username: str | None, options: ImportOptions
    ) -> tuple[str, ReportDraft] | InputProblem:
        position = f"record {number}"
        tweet = record.get("tweet", record) if isinstance(record, dict) else None
        if not isinstance(tweet, dict):
            return InputProblem(label, position, "tweet is not a JSON object")
        tweet_id = tweet.get("id_str") or tweet.get("id")
        if not isinstance(tweet_id, str | int) or isinstance(tweet_id, bool) or not str(tweet_id):
            return InputProblem(label, position, "required field missing", field="id_str")
        tweet_id = str(tweet_id)
        full_text = tweet.get("full_text", tweet.get("text"))
        if not isinstance(full_text, str):
            return InputProblem(label, position, "required field missing", field="full_text")
        initial = _initial_id(tweet)
        report_id = initial if initial and initial != tweet_id else tweet_id
        found = tweet.get("entities")
        entities: dict[str, Any] = found if isinstance(found, dict) else {}
        extra: dict[str, Any] = {"tweet_id": tweet_id}
        urls = [u.get("expanded_url") for u in entities.get("urls", []) if isinstance(u, dict)]
        if any(urls):
            extra["links"] = [u for u in urls if u]
        hashtags = [h.get("text") for h in entities.get("hashtags", []) if isinstance(h, dict)]
        if any(hashtags):
            extra["hashtags"] = [h for h in hashtags if h]
        media = [m.get("media_url_https") for m in entities.get("media", []) if isinstance(m, dict)]
        if any(media):
            extra["media"] = [m for m in media if m]  # addresses only, never file metadata
        retweet = re.match(r"RT @(\w+):", full_text)
        if retweet:
            extra["retweet_of"] = retweet.group(1)  # a repost is not an independent source
        language = tweet.get("lang") if tweet.get("lang") not in NO_LANGUAGE else None
        published = _created(tweet.get("created_at")) or snowflake_time(tweet_id)
        path_user = username or "i/web"
        return tweet_id, ReportDraft(
            external_id=report_id,
            # The archive escapes &, < and > as HTML entities; the post said the characters.
            text=html.unescape(full_text),
            original=json.dumps(record, ensure_ascii=False, sort_keys=True).encode(),
            original_exact=False,
            original_media_type="application/json",
            position=position,
            kind=ReportKind(options.kind) if options.kind else ReportKind.SOCIAL_POST,
            platform="x",
            publisher=f"@{username}" if username else options.source_name,
            published_at=published,
            language=language if isinstance(language, str) else None,
            url=f"https://x.com/{path_user}/status/{tweet_id}",
            extra=extra,
            edit_of=report_id if report_id != tweet_id else None,
            edited_at=published if report_id != tweet_id else None,
        )


IMPORTER = XArchive()
