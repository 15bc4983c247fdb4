"""Reading and writing the terminal's XML safely, in UTF-8 or Shift_JIS.

Reading refuses any DOCTYPE, entity declaration or external reference (what defusedxml refuses), so a
file from a shared folder cannot expand entities or reach the network. The bytes are decoded in Python
first — expat itself cannot read Shift_JIS — choosing the codec from, in order: a UTF-8 byte-order mark,
the XML declaration, the header's CharacterCodeIdentifier, UTF-8.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import NoReturn
from xml.parsers import expat

from kiosk.core.errors import MalformedResult
from kiosk.qualification import schema
from kiosk.qualification.errors import ResultTooLarge

MAX_BYTES = 8 * 1024 * 1024  # a result with many records is tens of kB; anything this large is not one

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)[\"']", re.S)
_CHARACTER_CODE = re.compile(rb"<" + schema.CHARACTER_CODE.encode() + rb">\s*([0-9])\s*<")
_BOM = b"\xef\xbb\xbf"


def codec_for(data: bytes) -> str:
    """The Python codec to decode ``data`` with."""
    if data.startswith(_BOM):
        return "utf-8-sig"
    declared = _DECLARATION.match(data[:200])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name not in schema.CODEC_BY_DECLARED:
            raise MalformedResult(f"unsupported encoding declared: {name}")
        return schema.CODEC_BY_DECLARED[name]
    identifier = _CHARACTER_CODE.search(data)
    if identifier:
        return schema.CODECS.get(identifier.group(1).decode("ascii"), "utf-8")
    return "utf-8"


def _forbidden(*_args: object) -> NoReturn:
    raise MalformedResult("DTD or entity declarations are not allowed in a terminal file")


def parse(data: bytes) -> tuple[ET.Element, str]:
    """The root element and the codec used. Raises MalformedResult for anything but well-formed XML."""
    if len(data) > MAX_BYTES:
        raise ResultTooLarge(f"{len(data)} bytes")
    codec = codec_for(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise MalformedResult(f"not valid {codec}: {error.reason} at byte {error.start}") from None
    builder = ET.TreeBuilder()
    # The declared encoding is overridden: the parser gets text already decoded (re-encoded as UTF-8).
    parser = expat.ParserCreate("utf-8")
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text, True)
        root = builder.close()
    except expat.ExpatError as error:
        raise MalformedResult(f"not well-formed XML: {expat.ErrorString(error.code)} "
                              f"at line {error.lineno}, column {error.offset}") from None
    except AssertionError:  # TreeBuilder: the document ended inside an element
        raise MalformedResult("not well-formed XML: unclosed element") from None
    return root, codec


def serialise(root: ET.Element, character_code: str) -> bytes:
    """The document in the encoding ``character_code`` names (0 UTF-8, 1 Shift_JIS), with its declaration.

    A character Shift_JIS cannot hold is written as a character reference, so nothing is lost.
    """
    codec = schema.CODECS.get(character_code)
    if codec is None:
        raise ValueError(f"unknown CharacterCodeIdentifier {character_code!r}")
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    declaration = f'<?xml version="1.0" encoding="{schema.DECLARED_NAMES[character_code]}" standalone="yes"?>\n'
    return (declaration + body + "\n").encode(codec, errors="xmlcharrefreplace")
