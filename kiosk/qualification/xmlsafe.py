"""Reading and writing the terminal's XML safely, in UTF-8 or Shift_JIS.

Reading refuses any DOCTYPE, entity declaration or external reference (what defusedxml refuses), so a
file from a shared folder cannot expand entities or reach the network. The bytes are decoded in Python
first — expat itself cannot read Shift_JIS — choosing the codec from, in order: a UTF-8 byte-order mark,
the XML declaration, the header's CharacterCodeIdentifier, UTF-8.

Reading is bounded by the file's family (:data:`INDIVIDUAL`, :data:`BATCH`): its size and its attributes
before a byte is decoded, then, while expat reads it piece by piece, its depth and element count. A file of
a million unclosed or nested elements is refused at the 33rd, one of a million flat elements at the limit,
before the tree grows beyond it.
"""
from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import NoReturn
from xml.parsers import expat

from kiosk.core.errors import MalformedResult
from kiosk.qualification import schema
from kiosk.qualification.errors import ResultTooDeep, ResultTooLarge, ResultTooManyElements


@dataclass(frozen=True)
class Limits:
    """What one family of terminal files may hold."""

    max_bytes: int
    max_elements: int
    max_depth: int = 32  # the deepest path of the dialect is 7 (…/SpecificDiseasesCertificateInfo/field)


# A result or face file is a few kB (one record is ~70 elements, ~4 kB); several records, tens of kB.
INDIVIDUAL = Limits(max_bytes=256 * 1024, max_elements=50_000)
# A batch answer holds ~70 elements and ~4 kB per person: 16 MiB is ~4,000 people, 250,000 elements ~3,500.
BATCH = Limits(max_bytes=16 * 1024 * 1024, max_elements=250_000)
MAX_BYTES = BATCH.max_bytes  # the largest file of any family
ZIP_MAX_MEMBERS = 16  # a batch answer's zip holds its XML (and perhaps a note or two)
_CHUNK = 64 * 1024  # decoded and fed to expat this much at a time


def limits_for(message: str) -> Limits:
    """The family of a message's request and answer files: a batch's, or an individual file's."""
    return BATCH if message in (schema.BATCH_UPLOAD, schema.BATCH_DOWNLOAD) else INDIVIDUAL


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


class _BoundedBuilder:
    """Builds the tree for expat, refusing the element beyond the depth or count limit as it starts."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._builder = ET.TreeBuilder()
        self._depth = 0
        self._count = 0
        self.data = self._builder.data

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self._depth += 1
        self._count += 1
        if self._depth > self._limits.max_depth:
            raise ResultTooDeep(f"elements nested more than {self._limits.max_depth} deep",
                                f"{self._limits.max_depth} levels")
        if self._count > self._limits.max_elements:
            raise ResultTooManyElements(f"more than {self._limits.max_elements:,} elements",
                                        f"{self._limits.max_elements:,} elements")
        self._builder.start(tag, attributes)

    def end(self, tag: str) -> None:
        self._depth -= 1
        self._builder.end(tag)

    def close(self) -> ET.Element:
        return self._builder.close()


def parse(data: bytes, limits: Limits = INDIVIDUAL) -> tuple[ET.Element, str]:
    """The root element and the codec used. Raises MalformedResult for anything but well-formed XML within
    ``limits`` (ResultOutOfBounds for a breach)."""
    if len(data) > limits.max_bytes:
        raise ResultTooLarge(f"{len(data):,} bytes", f"{limits.max_bytes:,} bytes")
    # expat gathers all of a start tag's attributes before a handler sees it (a 16 MiB tag of them costs
    # ~400 MB): count them first. Every attribute has an "=" (in no encoding here is it part of a character);
    # the dialect has none, and text rarely holds one.
    signs = data.count(b"=")
    if signs > limits.max_elements:
        raise ResultTooManyElements(f"{signs:,} '=' signs, as many attributes", f"{limits.max_elements:,} attributes")
    codec = codec_for(data)
    builder = _BoundedBuilder(limits)
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
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    try:
        # Piece by piece, so a breach stops the reading before the rest is even decoded.
        for offset in range(0, len(data), _CHUNK):
            parser.Parse(decoder.decode(data[offset:offset + _CHUNK]), False)
        parser.Parse(decoder.decode(b"", True), True)
        root = builder.close()
    except UnicodeDecodeError as error:
        # The decoder keeps at most a few bytes of an unfinished character from the piece before.
        raise MalformedResult(f"not valid {codec}: {error.reason} near byte {offset + error.start}") from None
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
    declared = schema.DECLARED_NAMES[character_code]
    declaration = f'<?xml version="1.0" encoding="{declared}" standalone="{schema.STANDALONE}"?>\n'
    return (declaration + body + "\n").encode(codec, errors="xmlcharrefreplace")
