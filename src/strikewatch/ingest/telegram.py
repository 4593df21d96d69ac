"""Telegram Desktop channel/chat export (``result.json``).

The export holds only each message's latest text; an edit made between two exports is
recognised by the writer (same channel and message id, changed content) and stored as a
new version of the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from strikewatch.errors import InputProblem
from strikewatch.ingest.decoding import DecodeError, decode, json_problem
from strikewatch.ingest.inputs import InputItem
from strikewatch.ingest.registry import ImportOptions
from strikewatch.model import ReportDraft, ReportKind

CHAT_TYPES = (
    b"public_channel",
    b"private_channel",
    b"public_supergroup",
    b"private_supergroup",
    b"private_group",
    b"personal_chat",
    b"saved_messages",
    b"bot_chat",
)
MEDIA_FIELDS = ("photo", "file", "video_file", "voice_message", "sticker")


def flatten_text(text: Any) -> tuple[str, list[str]]:
    """The message text as published, and the addresses of its text links."""
    if isinstance(text, str):
        return text, []
    if not isinstance(text, list):
        raise TypeError(type(text).__name__)
    parts: list[str] = []
    links: list[str] = []
    for fragment in text:
        if isinstance(fragment, str):
            parts.append(fragment)
        elif isinstance(fragment, dict) and isinstance(fragment.get("text"), str):
            parts.append(fragment["text"])
            if fragment.get("type") == "text_link" and isinstance(fragment.get("href"), str):
                links.append(fragment["href"])
        else:
            raise TypeError("fragment " + type(fragment).__name__)
    return "".join(parts), links


def _published(message: dict[str, Any]) -> str | None:
    unix = message.get("date_unixtime")
    if isinstance(unix, str | int) and str(unix).isdigit():
        return datetime.fromtimestamp(int(unix), UTC).isoformat().replace("+00:00", "Z")
    date = message.get("date")
    return date if isinstance(date, str) else None


class TelegramExport:
    name = "telegram"
    version = "1"
    description = "Telegram Desktop export result.json (channel or chat)"

    def sniff(self, item: InputItem) -> bool:
        head = item.head()
        return (
            head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
            and b'"messages"' in head
            and any(t in head for t in CHAT_TYPES)
        )

    def read(self, item: InputItem, options: ImportOptions) -> Iterator[ReportDraft | InputProblem]:
        # A channel export is one JSON document; it is read whole (exports of text are a few
        # MB even for busy channels; media live in separate files).
        with item.open() as stream:
            raw = stream.read()
        try:
            export = json.loads(decode(raw, options.encoding))
        except DecodeError as exc:
            yield InputProblem(item.label, "", str(exc))
            return
        except json.JSONDecodeError as exc:
            yield InputProblem(
                item.label, f"line {exc.lineno}", json_problem(exc, raw.decode("utf-8", "replace"))
            )
            return
        if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
            yield InputProblem(
                item.label, "", "not a Telegram export: no 'messages' list", field="messages"
            )
            return
        channel = export.get("name") if isinstance(export.get("name"), str) else None
        username = export.get("username") if isinstance(export.get("username"), str) else None
        for number, message in enumerate(export["messages"], start=1):
            yield from self._message(
                item.label, number, message, channel or options.source_name, username, options
            )

    def _message(
        self,
        label: str,
        number: int,
        message: Any,
        channel: str | None,
        username: str | None,
        options: ImportOptions,
    ) -> Iterator[ReportDraft | InputProblem]:
        position = f"record {number}"
        if not isinstance(message, dict):
            yield InputProblem(label, position, "message is not a JSON object")
            return
        if message.get("type", "message") != "message":
            return  # service messages (joins, pins) are not reports
        if not isinstance(message.get("id"), int | str) or isinstance(message.get("id"), bool):
            yield InputProblem(label, position, "required field missing", field="id")
            return
        try:
            text, links = flatten_text(message.get("text", ""))
        except TypeError as exc:
            yield InputProblem(label, position, f"unexpected text type ({exc})", field="text")
            return
        extra: dict[str, Any] = {}
        if links:
            extra["links"] = links
        if isinstance(message.get("date"), str):
            extra["date_local"] = message["date"]
        if message.get("forwarded_from"):
            extra["forwarded_from"] = message["forwarded_from"]  # a repost, not a new source
        if message.get("reply_to_message_id"):
            extra["reply_to"] = str(message["reply_to_message_id"])
        # Only the kind of attachment and its place in the export: never file metadata.
        media = [
            {"kind": f, "path": message[f]} for f in MEDIA_FIELDS if isinstance(message.get(f), str)
        ]
        if media:
            extra["media"] = media
        message_id = str(message["id"])
        edited = message.get("edited")
        yield ReportDraft(
            external_id=message_id,
            text=text,
            original=json.dumps(message, ensure_ascii=False, sort_keys=True).encode(),
            original_exact=False,
            original_media_type="application/json",
            position=position,
            kind=ReportKind(options.kind) if options.kind else ReportKind.SOCIAL_POST,
            platform="telegram",
            publisher=channel,
            published_at=_published(message),
            url=f"https://t.me/{username}/{message_id}" if username else None,
            extra=extra,
            edited_at=edited if isinstance(edited, str) else None,
        )


IMPORTER = TelegramExport()
