"""The clinic's kiosk on its real devices, built from the configuration (``kiosk run``)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from kiosk.core.flow import Devices, FlowConfig
from kiosk.core.ports import Clock, ResultPublisher, TaskRunner

if TYPE_CHECKING:
    from kiosk.camera.source import FrameSource


def flow_config(config: Config | None) -> FlowConfig:
    """The flow's settings that a clinic configures."""
    if config is None:
        return FlowConfig()
    return FlowConfig(unknown_insurer_number=config.unknown_insurer_number, max_face_attempts=config.face_attempts,
                      unhurried_default=config.unhurried_default,
                      card_left_escalate_after=config.card_left_escalate_after)


def with_hub(config: Config, store: Any) -> Any:
    """The kiosk's store with the clinic hub behind it when ``hub_dsn`` is set (docs/hub.md), else the store
    itself: without a hub nothing of it is even imported."""
    if not config.hub_dsn:
        return store
    from kiosk.hub.attach import attach_hub

    return attach_hub(config, store)


def result_publisher(config: Config, face_folder: Path) -> ResultPublisher:
    """Card checks as the terminal's face files in ``face_folder``; fallbacks to the outbox."""
    from kiosk.outbox.publisher import OutboxPublisher
    from kiosk.qualification.publisher import FaceFilePublisher

    face = FaceFilePublisher(face_folder, config.institution_code, config.face_encoding)
    return OutboxPublisher(face, config.outbox, config.kiosk_name)


def clinic_camera(config: Config) -> Callable[[], FrameSource]:
    """The face camera the configuration names (``camera_index``); each call opens it. ``kiosk doctor``
    checks this one, so the doctor looks at the camera the kiosk uses."""
    from kiosk.camera.device import CameraConfig, DeviceSource

    camera = CameraConfig(device_index=config.camera_index)
    return lambda: DeviceSource(camera)


def clinic_devices(
    config: Config, store: Any, runner: TaskRunner, clock: Clock, on_frame: Callable | None = None
) -> Devices:
    """The PC/SC reader, the face camera (also reading the card face for 照合番号B), the terminal's
    shared folders and the encrypted store."""
    from kiosk.camera.still import CameraStill
    from kiosk.card.reader import PcscCardReader
    from kiosk.face.authenticator import CameraFaceAuthenticator
    from kiosk.face.card_reader import OcrCardFaceReader
    from kiosk.face.config import FaceConfig
    from kiosk.qualification.gateway import FolderGateway, TerminalConfig

    camera = clinic_camera(config)
    terminal = TerminalConfig(config.terminal_root, institution_code=config.institution_code,
                              encoding=config.face_encoding)
    return Devices(
        card=PcscCardReader(config.reader_name or None),
        card_face=OcrCardFaceReader(camera),
        face=CameraFaceAuthenticator(camera, FaceConfig(threshold=config.face_threshold),
                                     on_frame=on_frame),
        qualification=FolderGateway(terminal, clock=clock.now),
        store=store,
        publisher=result_publisher(config, terminal.face),
        runner=runner,
        clock=clock,
        camera=CameraStill(camera),
    )
