"""Reference lists clerks extend: meeting kinds, case categories, fields, member kinds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import NAME_MAX, REFERENCE_MODELS, ReferenceMixin
from db.services import common
from db.services.validate import Checker
from db.values import fold


@dataclass
class ReferenceData:
    code: str
    name_zh: str
    name_en: str
    sort_order: int = 0


def _model(table: str) -> type[ReferenceMixin]:
    return REFERENCE_MODELS[table]


def _validate(session: Session, table: str, data: ReferenceData, exclude_id: int | None) -> dict:
    chk = Checker("f")
    values = {
        "code": chk.text("code", data.code, max_len=40, required=True),
        "name_zh": chk.text("name_zh", data.name_zh, max_len=NAME_MAX, required=True),
        "name_en": chk.text("name_en", data.name_en, max_len=NAME_MAX, required=True),
        "sort_order": data.sort_order or 0,
    }
    model = _model(table)
    if values["code"]:
        clash = session.execute(
            select(model.id).where(model.code == values["code"], model.id != (exclude_id or -1))
        ).first()
        if clash:
            chk.fail("code", "unique", value=values["code"])
    chk.raise_if_any()
    return values


def create(session: Session, table: str, data: ReferenceData) -> ReferenceMixin:
    item = _model(table)(**_validate(session, table, data, None))
    session.add(item)
    common.flush(session)
    return item


def update(
    session: Session, table: str, item_id: int, data: ReferenceData, version: int | None = None
) -> ReferenceMixin:
    item = common.get_record(session, _model(table), item_id)
    common.check_version(item, version)
    for key, value in _validate(session, table, data, item_id).items():
        setattr(item, key, value)
    common.flush(session)
    return item


def delete(
    session: Session, table: str, item_id: int, version: int | None = None
) -> ReferenceMixin:
    return common.soft_delete(session, _model(table), item_id, version)


def find(session: Session, table: str, text: str) -> int | None:
    """A live entry whose code, Chinese or English name matches (folded)."""
    model = _model(table)
    key = fold(text or "")
    if not key:
        return None
    rows = session.execute(
        select(model.id, model.code, model.name_zh, model.name_en).where(model.deleted_at.is_(None))
    )
    for row in rows:
        if key in (fold(row.code), fold(row.name_zh), fold(row.name_en)):
            return row.id
    return None


def id_by_code(session: Session, table: str, code: str) -> int:
    model = _model(table)
    return session.execute(select(model.id).where(model.code == code)).scalar_one()


def name_of(session: Session, table: str, item_id: int, lang: str | None = None) -> str:
    from db.lang import current_language

    model = _model(table)
    row = session.execute(select(model.name_zh, model.name_en).where(model.id == item_id)).one()
    return row.name_zh if (lang or current_language()) == "zh" else row.name_en
