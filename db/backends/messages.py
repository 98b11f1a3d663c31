"""Messages about database servers and copying between databases, in Chinese and English.

Kept apart from db/messages.py so several people can add messages at once.
"""

from __future__ import annotations

from typing import Any

from db.lang import pick

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "server.unreachable": (
        "无法连接数据库服务器 {host}:{port}（{detail}）。请检查服务器地址、端口和网络，或请管理员确认服务器已启动。",
        "Cannot reach the database server {host}:{port} ({detail}). Check the server address, the port and the network, or ask the administrator whether the server is running.",
    ),
    "server.login_failed": (
        "数据库服务器 {host}:{port} 拒绝了用户“{user}”的登录：用户名或密码不正确，或该用户无权访问数据库“{database}”。",
        "The database server {host}:{port} refused the login of user “{user}”: the user name or password is wrong, or the user may not use the database “{database}”.",
    ),
    "server.no_database": (
        "数据库服务器 {host}:{port} 上没有名为“{database}”的数据库。请管理员先建立它（空数据库即可，程序会建表）。",
        "There is no database “{database}” on the server {host}:{port}. Ask the administrator to create it (an empty one will do: the program creates the tables).",
    ),
    "server.failed": (
        "无法打开服务器上的数据库 {target}：{detail}",
        "Cannot open the server database {target}: {detail}",
    ),
    "server.unsupported": (
        "不支持这种数据库：{target}。请使用 SQLite 文件路径或 postgresql+psycopg://用户@主机:端口/数据库。",
        "This kind of database is not supported: {target}. Use an SQLite file path or postgresql+psycopg://user@host:port/database.",
    ),
    # copying between databases
    "copy.target_not_empty": (
        "目标数据库 {target} 中已有记录（{counts}）。只能复制到空的台账数据库，目标未做任何改动。",
        "The target database {target} already holds records ({counts}). Records can only be copied into an empty ledger; the target was left unchanged.",
    ),
    "copy.same_database": (
        "来源和目标是同一个数据库：{target}。",
        "The source and the target are the same database: {target}.",
    ),
    "copy.done": (
        "已从 {source} 复制到 {target}：{counts}。",
        "Copied from {source} to {target}: {counts}.",
    ),
    "copy.failed": (
        "复制到 {target} 失败，目标未做任何改动：{detail}",
        "Copying to {target} failed; the target was left unchanged: {detail}",
    ),
}


def server_msg(code: str, lang: str | None = None, **params: Any) -> str:
    """The message for a code in the current language, with its parameters filled."""
    zh, en = SERVER_MESSAGES[code]
    return pick(zh, en, lang).format(**params)
