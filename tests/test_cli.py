"""The command line: demo, list, check and the exit statuses scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def list_json(capsys, db_file, kind: str) -> list[dict]:
    code, out, _ = run_cli(capsys, "--db", str(db_file), "list", kind, "--json")
    assert code == 0
    return json.loads(out)


def test_demo_then_list_shows_the_yongchuan_meeting(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    assert run_cli(capsys, "--db", str(db_file), "demo")[0] == 0
    meetings = list_json(capsys, db_file, "meetings")
    yongchuan = next(m for m in meetings if m["start_date"] == "2024-12-12")
    assert yongchuan["district"] == "永川区"
    assert [h["unit"] for h in yongchuan["hosts"]] == [
        "重庆市商务委员会",
        "四川省商务厅",
        "重庆市永川区人民政府",
    ]
    assert {h["role"] for h in yongchuan["hosts"]} == {"host"}
    assert yongchuan["leaders"][0]["name"] == "吴革" and yongchuan["leaders"][0]["role"] == "speech"
    assert [a["kind"] for a in yongchuan["agenda"]] == [
        "speech",
        "case_release",
        "project_signing",
        "presentation",
        "ceremony",
    ]
    assert len(yongchuan["cases"]) == 5


def test_demo_twice_adds_nothing(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    run_cli(capsys, "--db", str(db_file), "demo")
    first = {
        k: list_json(capsys, db_file, k)
        for k in ("meetings", "cases", "projects", "alliances", "units")
    }
    code, out, _ = run_cli(capsys, "--db", str(db_file), "demo")
    assert code == 0 and "nothing added" in out
    second = {k: list_json(capsys, db_file, k) for k in first}
    assert second == first
    projects = second["projects"]
    meeting_id = next(m["id"] for m in second["meetings"] if m["start_date"] == "2024-12-12")
    assert len(projects) == 10
    assert all(p["meeting_id"] == meeting_id and p["is_sample"] for p in projects)
    assert all(p["name"].startswith("【示例】") for p in projects)
    fields = {p["field"] for p in projects}
    assert fields == {"Advanced materials", "Intelligent equipment", "New energy"}


def test_alliances_show_the_current_chair(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    run_cli(capsys, "--db", str(db_file), "demo")
    alliances = {a["name"]: a for a in list_json(capsys, db_file, "alliances")}
    south = alliances["川南渝西自贸协同改革和联动创新联盟"]
    assert south["current_chair"] == "中国（四川）自由贸易试验区川南临港片区"
    assert south["chair_terms"][-1]["start_date"] == "2024-12-12"
    reform = alliances["四川自贸试验区协同改革先行区发展联盟"]
    assert reform["founded_date"] == "2023-01-13"
    assert reform["current_chair"] == "四川自贸试验区成都温江协同改革先行区"
    assert len(reform["members"]) == 13


def test_list_json_carries_related_names(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    run_cli(capsys, "--db", str(db_file), "demo")
    project = list_json(capsys, db_file, "projects")[0]
    assert {"id", "uuid", "investor", "meeting", "field", "investment", "stage"} <= project.keys()
    assert project["meeting"] == "川渝自贸协同开放示范区产业对接会"
    assert project["investor"].startswith("【示例】")


def test_check_passes_on_a_healthy_database(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    run_cli(capsys, "--db", str(db_file), "demo")
    code, out, _ = run_cli(capsys, "--db", str(db_file), "check")
    assert code == 0 and "healthy" in out


def test_unknown_kind_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["list", "nonsense"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_bad_database_is_exit_1_with_a_message(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 100)
    code, _, err = run_cli(capsys, "--db", str(bad), "list", "projects")
    assert code == 1 and "not a ledger database" in err


def test_plain_list_prints_a_table(db_target, capsys):
    db_file = db_target  # a fresh SQLite file, or a PostgreSQL URL
    run_cli(capsys, "--db", str(db_file), "demo")
    code, out, _ = run_cli(capsys, "--db", str(db_file), "--lang", "zh", "list", "projects")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 11
    assert "项目名称" in lines[0] and "签约" in lines[1]


def test_installed_entry_point_runs_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["FTZ_LEDGER_DB"] = str(tmp_path / "env.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.sqlite3").exists()
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_ends_the_listing_quietly(tmp_path):
    """`ftz-ledger list units | true` (a reader that reads nothing): no BrokenPipe
    traceback, exit 0."""
    db_file = tmp_path / "x.sqlite3"
    assert main(["--db", str(db_file), "demo"]) == 0
    script = f"{sys.executable} -m desktop --db {db_file} list units | true"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.stderr == ""
    assert result.returncode == 0
