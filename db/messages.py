"""Messages for clerks, in Chinese and English, by code."""

from __future__ import annotations

from typing import Any

from db.lang import pick

MESSAGES: dict[str, tuple[str, str]] = {
    # opening
    "open.bad_url": ("数据库地址无法识别：{target}", "Not a database path or URL: {target}"),
    "open.is_folder": (
        "{path} 是一个文件夹，不是台账数据库文件。",
        "{path} is a folder, not a ledger database file.",
    ),
    "open.no_folder": ("文件夹 {path} 不存在。", "The folder {path} does not exist."),
    "open.unreadable": ("无法读取 {path}：{error}", "Cannot read {path}: {error}"),
    "open.not_sqlite": (
        "{path} 不是台账数据库（不是 SQLite 文件，或文件已损坏）。文件未做任何改动。",
        "{path} is not a ledger database (not an SQLite file, or damaged). The file was left unchanged.",
    ),
    "open.not_ledger": (
        "{path} 是一个 SQLite 数据库，但不是本程序的台账。文件未做任何改动。",
        "{path} is an SQLite database but not a ledger of this program. It was left unchanged.",
    ),
    "open.too_new": (
        "该数据库由更新版本的程序写入（结构版本 {revision}），本程序（{version}）无法打开。请升级程序。",
        "This database was written by a newer program (schema {revision}); this program ({version}) cannot open it. Please upgrade the program.",
    ),
    "open.failed": (
        "无法打开数据库 {target}：{error}",
        "Cannot open the database {target}: {error}",
    ),
    # validation rules
    "rule.required": ("“{field}”为必填项。", "{field} is required."),
    "rule.too_long": (
        "“{field}”最多 {max} 个字符（现有 {length} 个）。",
        "{field} is at most {max} characters long (it has {length}).",
    ),
    "rule.not_negative": ("“{field}”不能为负数。", "{field} must not be negative."),
    "rule.not_number": ("“{field}”必须是数字。", "{field} must be a number."),
    "rule.int_range": (
        "“{field}”必须在 {min} 到 {max} 之间。",
        "{field} must be between {min} and {max}.",
    ),
    "rule.amount_range": (
        "“{field}”超出范围（最多 {max} 万元，两位小数）。",
        "{field} is out of range (at most {max} 万元, two decimals).",
    ),
    "rule.foreign_currency": (
        "“{field}”以人民币万元填写，不收外币金额（请先折算为人民币）。",
        "{field} is in 万元 of RMB; a foreign-currency amount is not accepted (convert it first).",
    ),
    "rule.not_date": ("“{field}”必须是日期。", "{field} must be a date."),
    "rule.date_range": (
        "“{field}”必须在 1900 年至 2100 年之间。",
        "{field} must be between 1900 and 2100.",
    ),
    "rule.end_before_start": (
        "“{field}”不能早于“{other}”。",
        "{field} must not be before {other}.",
    ),
    "rule.choice": (
        "“{field}”的值“{value}”不在可选范围内。",
        "{field}: “{value}” is not one of the allowed values.",
    ),
    "rule.unknown_unit": ("“{field}”：找不到单位“{value}”。", "{field}: no unit “{value}”."),
    "rule.unknown_record": ("“{field}”：找不到记录 {value}。", "{field}: no record {value}."),
    "rule.unit_not_enterprise": (
        "“{field}”必须是企业类单位（“{value}”不是）。",
        "{field} must be an enterprise (“{value}” is not).",
    ),
    "rule.unique": ("“{field}”已存在：“{value}”。", "{field} already exists: “{value}”."),
    "rule.duplicate_in_list": ("“{field}”中“{value}”重复出现。", "{field} lists “{value}” twice."),
    "rule.control_chars": (
        "“{field}”含有不可见的控制字符。",
        "{field} contains invisible control characters.",
    ),
    "rule.duplicate_project": (
        "投资方“{investor}”已有同名项目“{name}”（编号 {id}）；同一项目只计一次。",
        "The investor “{investor}” already has the project “{name}” (id {id}); a project counts once.",
    ),
    "rule.chair_overlap": (
        "主席任期 {start}–{end} 与 {unit} 的任期（{other_start}–{other_end}）重叠。",
        "The chair term {start}–{end} overlaps {unit}'s term ({other_start}–{other_end}).",
    ),
    "rule.chair_not_member": (
        "“{unit}”在 {date} 不是该联盟成员，不能担任主席。",
        "“{unit}” is not a member of the alliance on {date}, so it cannot chair it.",
    ),
    "rule.handover_before_current": (
        "交接日期 {date} 早于现任主席任期开始日期 {start}。",
        "The handover date {date} is before the current chair's term began ({start}).",
    ),
    "rule.same_chair": ("“{unit}”已是现任主席。", "“{unit}” is already the chair."),
    "rule.stage_backwards": (
        "项目阶段不能从“{old}”退回到“{new}”（只能前进，或终止）。",
        "A project's stage cannot go back from {old} to {new} (only forward, or terminated).",
    ),
    "rule.terminated_reason": ("终止项目须填写终止原因。", "A terminated project needs a reason."),
    "rule.batch_needed": (
        "“{field}”：该认定级别需填写批次。",
        "{field}: this recognition level needs a batch number.",
    ),
    "rule.in_use": (
        "“{name}”仍被 {count} 条记录引用，不能彻底删除。",
        "“{name}” is still used by {count} records and cannot be purged.",
    ),
    # records
    "record.not_found": (
        "找不到{kind}记录 {id}（可能已被删除）。",
        "No {kind} record {id} (it may have been deleted).",
    ),
    "record.conflict": (
        "该记录在您打开后已被他人修改（{who}，{when}）。请重新载入，或保留您的输入后再试。",
        "This record was changed elsewhere since you opened it ({who}, {when}). Reload it, or keep your text and try again.",
    ),
    "check.ok": ("数据库完好。", "The database is healthy."),
}


def msg(code: str, lang: str | None = None, **params: Any) -> str:
    """The message for a code in the current language, with its parameters filled."""
    zh, en = MESSAGES[code]
    return pick(zh, en, lang).format(**params)
