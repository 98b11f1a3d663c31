"""Messages of the data-safety work (opening, backups, restore), in Chinese and English.

Kept apart from db/messages.py so several people can add messages at once; the
codes are looked up the same way (msg-like, with format parameters).
"""

from __future__ import annotations

from typing import Any

from db.lang import pick

SAFETY_MESSAGES: dict[str, tuple[str, str]] = {
    "open.damaged": (
        "数据库文件 {path} 已损坏（{error}）。文件未做任何改动。请恢复备份（备份位于 {backups}）。",
        "The database file {path} is damaged ({error}). It was left unchanged. Restore a backup (backups are in {backups}).",
    ),
    "open.empty": (
        "{path} 是一个空文件（0 字节），可能已被截断。为免覆盖，程序不会在其中新建台账。文件未做任何改动。",
        "{path} is an empty file (0 bytes); it may have been truncated. It was not turned into a new ledger and was left unchanged.",
    ),
    "open.truncated": (
        "数据库文件 {path} 不完整（应有 {expected} 字节，实有 {actual} 字节），可能已被截断。文件未做任何改动。请恢复备份（备份位于 {backups}）。",
        "The database file {path} is incomplete ({actual} of {expected} bytes): it was probably truncated. It was left unchanged. Restore a backup (backups are in {backups}).",
    ),
    "open.read_only": (
        "{path} 位于只读位置（或文件只读），无法在此处使用台账。请先把文件复制到本机可写的文件夹。文件未做任何改动。",
        "{path} is read-only (or on read-only media), so the ledger cannot be used there. Copy it to a writable folder on this computer first. It was left unchanged.",
    ),
    "open.locked": (
        "数据库 {path} 正被另一个程序锁定。请关闭该程序后重试。文件未做任何改动。",
        "The database {path} is locked by another program. Close that program and try again. The file was left unchanged.",
    ),
    "backup.failed": (
        "无法备份 {path}：{error}",
        "Could not back up {path}: {error}",
    ),
    "backup.cancelled": (
        "备份已取消，未留下不完整的副本。",
        "Backup cancelled; no partial copy was left.",
    ),
    "backup.same_file": (
        "备份不能写到数据库文件本身：{path}",
        "A backup cannot be written over the database itself: {path}",
    ),
    "backup.not_sqlite": (
        "只能备份本机的 SQLite 数据库文件；服务器数据库（{target}）请由管理员用服务器的备份工具备份。",
        "Only an SQLite database file can be backed up here; a server database ({target}) is backed up by its administrator with the server's tools.",
    ),
    "restore.not_sqlite_target": (
        "只能恢复到本机的 SQLite 数据库文件；服务器数据库（{target}）请由管理员用服务器的工具恢复。",
        "A backup can only be restored into an SQLite database file; a server database ({target}) is restored by its administrator with the server's tools.",
    ),
    "restore.missing": ("找不到备份文件 {path}。", "There is no backup file {path}."),
    "restore.not_file": ("{path} 不是文件。", "{path} is not a file."),
    "restore.not_sqlite": (
        "{path} 不是台账备份（不是 SQLite 文件，或已损坏）。当前数据库未做任何改动。",
        "{path} is not a ledger backup (not an SQLite file, or damaged). The current database was not changed.",
    ),
    "restore.not_ledger": (
        "{path} 是 SQLite 数据库，但不是本程序的台账。当前数据库未做任何改动。",
        "{path} is an SQLite database but not a ledger of this program. The current database was not changed.",
    ),
    "restore.damaged": (
        "备份 {path} 未通过完整性检查（{error}）。当前数据库未做任何改动。",
        "The backup {path} failed the integrity check ({error}). The current database was not changed.",
    ),
    "restore.too_new": (
        "备份 {path} 由更新版本的程序写入（结构版本 {revision}）。请先升级程序。当前数据库未做任何改动。",
        "The backup {path} was written by a newer program (schema {revision}). Upgrade the program first. The current database was not changed.",
    ),
    "restore.same_file": (
        "不能用数据库文件本身来恢复：{path}",
        "The database cannot be restored from itself: {path}",
    ),
    "restore.in_use": (
        "数据库 {path} 仍在另一个窗口或程序中打开。请先关闭它，再恢复。当前数据库未做任何改动。",
        "The database {path} is still open in another window or program. Close it, then restore. The current database was not changed.",
    ),
    "restore.failed": (
        "恢复失败：{error}。当前数据库未做任何改动；恢复前的备份在 {backup}。",
        "The restore failed: {error}. The current database was not changed; the copy made before the restore is {backup}.",
    ),
    "restore.done": (
        "已从 {source} 恢复数据库 {path}。恢复前的数据已备份到 {backup}。",
        "Restored {path} from {source}. The data as it was before is kept in {backup}.",
    ),
    "check.missing": (
        "数据库文件 {path} 不存在。",
        "The database file {path} does not exist.",
    ),
}


def smsg(code: str, lang: str | None = None, **params: Any) -> str:
    """The data-safety message for a code in the current language, parameters filled."""
    zh, en = SAFETY_MESSAGES[code]
    return pick(zh, en, lang).format(**params)
