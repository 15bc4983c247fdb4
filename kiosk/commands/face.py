"""``kiosk face ...``: matching and card-face reading from files, for IT staff and the demo.

    kiosk face verify --reference chip.jp2 --probe a.jpg --probe b.jpg [--json]
        exit 0 matched, 1 not matched, 2 bad input (unreadable file, no face in the reference)
    kiosk face code-b --image card.png [--json]
        exit 0 read, 1 not read with confidence, 2 unreadable file
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OK, NOT_MATCHED, BAD_INPUT = 0, 1, 2


def register(subparsers) -> None:
    face = subparsers.add_parser("face", help="face matching and card-face reading").add_subparsers(
        dest="face_command", required=True)

    verify = face.add_parser("verify", help="match probe images against a reference (chip) photo")
    verify.add_argument("--reference", required=True, type=Path, help="the chip photo (JPEG 2000) or any image")
    verify.add_argument("--probe", required=True, action="append", type=Path, help="a camera still; repeatable")
    verify.add_argument("--threshold", type=float, help="distance limit (default from FaceConfig)")
    verify.add_argument("--grey", action="store_true", help="convert probes to grey before encoding")
    verify.add_argument("--json", action="store_true", help="print JSON instead of text")
    verify.set_defaults(func=_verify)

    code_b = face.add_parser("code-b", help="read 照合番号B from a card-face image by OCR")
    code_b.add_argument("--image", required=True, type=Path)
    code_b.add_argument("--json", action="store_true")
    code_b.set_defaults(func=_code_b)


def _verify(args: argparse.Namespace) -> int:
    from kiosk.face import guidance as g
    from kiosk.face.config import FaceConfig
    from kiosk.face.engine import FaceEngine, distance
    from kiosk.face.errors import FaceModelsMissing, ImageUnreadable, NoFaceFound
    from kiosk.face.images import decode_image, to_grey_rgb

    config = FaceConfig()
    threshold = config.threshold if args.threshold is None else args.threshold
    engine = FaceEngine(detect_width=config.detect_width)
    report: dict = {"reference": str(args.reference), "threshold": threshold, "probes": []}
    try:
        reference = engine.encode_reference(decode_image(_read(args.reference)))
    except (OSError, ImageUnreadable, NoFaceFound) as exc:
        return _fail(args, report, f"reference: {exc}")
    except FaceModelsMissing as exc:
        return _fail(args, report, str(exc))
    matched = False
    bad = False
    for path in args.probe:
        entry: dict = {"probe": str(path), "distance": None, "matched": False, "guidance": []}
        try:
            rgb = decode_image(_read(path))
        except (OSError, ImageUnreadable) as exc:
            entry["error"] = str(exc)
            bad = True
            report["probes"].append(entry)
            continue
        image = to_grey_rgb(rgb) if args.grey else rgb
        faces = engine.detect(image)
        codes, face = g.assess(rgb, faces, None, False, config.guidance)
        entry["guidance"] = list(codes)
        if face is None and len(faces) > 1:
            face = max(faces, key=lambda f: f.box.width)
        if face is None:
            entry["error"] = "no face"
            bad = True
        else:
            entry["distance"] = round(distance(engine.encode(image, face), reference), 4)
            entry["matched"] = entry["distance"] <= threshold
            matched = matched or entry["matched"]
        report["probes"].append(entry)
    report["matched"] = matched
    code = OK if matched else BAD_INPUT if bad else NOT_MATCHED
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for entry in report["probes"]:
            shown = "-" if entry["distance"] is None else f"{entry['distance']:.3f}"
            print(f"{entry['probe']}: distance {shown} {'match' if entry['matched'] else 'no match'}"
                  f" {' '.join(entry['guidance'])} {entry.get('error', '')}".rstrip())
        print("matched" if matched else "not matched")
    return code


def _code_b(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.core.errors import CodeBUnavailable
    from kiosk.face.card_reader import recognise_lines
    from kiosk.face.code_b import parse_card_face
    from kiosk.face.errors import ImageUnreadable
    from kiosk.face.images import decode_image

    report: dict = {"image": str(args.image)}
    try:
        rgb = decode_image(_read(args.image))
    except (OSError, ImageUnreadable) as exc:
        return _fail(args, report, str(exc))
    try:
        report["code_b"] = parse_card_face(recognise_lines(rgb), date.today()).digits
    except CodeBUnavailable as exc:
        report["error"] = str(exc)
        print(json.dumps(report, ensure_ascii=False) if args.json else f"not read: {exc}")
        return NOT_MATCHED
    print(json.dumps(report, ensure_ascii=False) if args.json else report["code_b"])
    return OK


def _read(path: Path) -> bytes:
    return path.read_bytes()


def _fail(args: argparse.Namespace, report: dict, message: str) -> int:
    report["error"] = message
    print(json.dumps(report, ensure_ascii=False) if args.json else f"error: {message}")
    return BAD_INPUT
