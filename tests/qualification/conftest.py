import dataclasses
from datetime import date, datetime

import pytest

from kiosk.core.domain import CardFacts, CertificateInfo, Sex
from kiosk.qualification.scenario import load_scenario

DEMO_FACTS = CardFacts(
    name="見本 太郎", address="東京都千代田区霞が関1-2-2", birth_date=date(1980, 2, 17), sex=Sex.MALE
)


@pytest.fixture
def demo_facts() -> CardFacts:
    return DEMO_FACTS


@pytest.fixture
def certificate() -> CertificateInfo:
    return CertificateInfo(der=b"0\x82\x01\x00demo-certificate", not_after=datetime(2030, 2, 17))


@pytest.fixture
def valid_result():
    return dataclasses.replace(
        load_scenario("certificates").result,
        institution_code="1312345678",
        file_id="20261127090000123456",
        processed_at=datetime(2026, 11, 27, 9, 0, 5),
        confirmation_date=date(2026, 11, 27),
    )
