"""Content conversions: OpenAI message content parts ↔ Anthropic content blocks."""

from __future__ import annotations

from typing import Any

from bastion.protocols.translate import TranslationError

# Anthropic accepts these media types for base64 image and document sources.
_MEDIA_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}


def parse_data_url(url: str, param: str) -> tuple[str, str]:
    """``data:<media type>;base64,<data>`` → (media type, base64 data)."""
    header, sep, data = url.partition(",")
    if not sep or not header.startswith("data:") or not header.endswith(";base64"):
        raise TranslationError(
            "Only base64 data URLs (data:<type>;base64,...) are supported.", param
        )
    return header[5:-7], data


def openai_parts_to_blocks(content: Any, where: str, *, images: bool) -> list[dict[str, Any]]:
    """OpenAI message content (a string or parts) → Anthropic blocks; empty text is skipped.

    ``images`` allows image and file parts (user and tool messages, not system or assistant).
    """
    if content is None:
        return []
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    if not isinstance(content, list):
        raise TranslationError("Message content must be a string or an array.", f"{where}.content")
    blocks: list[dict[str, Any]] = []
    for j, part in enumerate(content):
        param = f"{where}.content[{j}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in ("text", "refusal"):
            text = part.get(kind)
            if not isinstance(text, str):
                raise TranslationError(f"A {kind} part needs '{kind}'.", param)
            if not text:
                continue
            block: dict[str, Any] = {"type": "text", "text": text}
        elif kind == "image_url" and images:
            block = _image_block(part.get("image_url"), param)
        elif kind == "file" and images:
            block = _file_block(part.get("file"), param)
        else:
            raise TranslationError(f"Content part type '{kind}' is not supported here.", param)
        if isinstance(part.get("cache_control"), dict):
            block["cache_control"] = part["cache_control"]
        blocks.append(block)
    return blocks


def _image_block(image: Any, param: str) -> dict[str, Any]:
    url = image.get("url") if isinstance(image, dict) else image
    if not isinstance(url, str) or not url:
        raise TranslationError("image_url.url is required.", param)
    if not url.startswith("data:"):
        return {"type": "image", "source": {"type": "url", "url": url}}
    media_type, data = parse_data_url(url, param)
    if media_type not in _MEDIA_TYPES:
        raise TranslationError(f"Images of type '{media_type}' are not supported.", param)
    kind = "document" if media_type == "application/pdf" else "image"
    return {"type": kind, "source": {"type": "base64", "media_type": media_type, "data": data}}


def _file_block(file: Any, param: str) -> dict[str, Any]:
    data = file.get("file_data") if isinstance(file, dict) else None
    if not isinstance(data, str):
        raise TranslationError("Only inline files (file.file_data) are supported.", param)
    block = _image_block(
        data if data.startswith("data:") else "data:application/pdf;base64," + data, param
    )
    if block["type"] != "document":
        raise TranslationError("Only PDF files are supported.", param)
    return block


def block_to_openai_part(block: Any, kind: Any, param: str) -> dict[str, Any]:
    """One Anthropic text, image or document block → one OpenAI content part."""
    if kind == "text":
        text = block.get("text")
        if not isinstance(text, str):
            raise TranslationError("A text block needs 'text'.", param)
        return {"type": "text", "text": text}
    source = block.get("source") if isinstance(block, dict) else None
    if not isinstance(source, dict):
        source = {}
    source_type = source.get("type")
    if source_type == "base64" and kind in ("image", "document"):
        data_url = f"data:{source.get('media_type')};base64,{source.get('data')}"
        if kind == "image":
            return {"type": "image_url", "image_url": {"url": data_url}}
        file = {"file_data": data_url, "filename": block.get("title") or "document.pdf"}
        return {"type": "file", "file": file}
    if kind == "image" and source_type == "url":
        return {"type": "image_url", "image_url": {"url": source.get("url")}}
    if kind == "document" and source_type == "text":
        return {"type": "text", "text": source.get("data") or ""}
    what = f"{kind} ({source_type} source)" if source_type else kind
    raise TranslationError(f"Content block type '{what}' is not supported for this model.", param)


def tool_result_to_openai(content: Any, param: str) -> tuple[str, list[dict[str, Any]]]:
    """A tool_result's content → (text for the OpenAI tool message, image parts it cannot hold)."""
    if content is None or isinstance(content, str):
        return content or "", []
    if not isinstance(content, list):
        raise TranslationError("tool_result content must be a string or an array.", param)
    texts: list[str] = []
    images: list[dict[str, Any]] = []
    for block in content:
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "tool_reference":
            # Tool search's answer (Claude Code's ToolSearch): the tool it found, as text.
            texts.append(f"Tool available: {block.get('tool_name')}")
            continue
        part = block_to_openai_part(block, kind, param)
        if part["type"] == "text":
            texts.append(part["text"])
        else:
            images.append(part)
    return "\n".join(texts), images
