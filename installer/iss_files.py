"""Read the Inno Setup script: its #defines and every file it names.

Inno Setup runs only on Windows; this lets Linux check what can be checked before
`iscc` ever sees the script: the files it names exist (the icon, the messages, the
bundle and the executable the shortcuts point at) and its custom messages exist in
every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

DEFINE = re.compile(r'^#define\s+(\w+)\s+"([^"]*)"\s*$', re.MULTILINE)
SECTION = re.compile(r"^\[(\w+)\]\s*$", re.MULTILINE)
PARAM = re.compile(r'(\w+):\s*"([^"]*)"')
# Custom messages Inno's own Default.isl defines for every language that layers on it.
DEFAULT_CUSTOM_MESSAGES = {
    "AdditionalIcons",
    "CreateDesktopIcon",
    "LaunchProgram",
    "UninstallProgram",
}


@dataclass(frozen=True)
class IssScript:
    path: Path
    text: str

    @classmethod
    def read(cls, path: Path) -> IssScript:
        return cls(path, path.read_text(encoding="utf-8-sig"))

    @property
    def folder(self) -> Path:
        return self.path.parent

    def defines(self) -> dict[str, str]:
        """The script's plain string #defines; computed ones (AppVersion) stay unexpanded."""
        return dict(DEFINE.findall(self.text))

    def expand(self, value: str) -> str:
        defs = self.defines()
        return re.sub(r"\{#(\w+)\}", lambda m: defs.get(m.group(1), m.group(0)), value)

    def section(self, name: str) -> list[str]:
        """The non-comment lines of a [Section]."""
        parts = SECTION.split(self.text)
        lines: list[str] = []
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            if title.lower() == name.lower():
                lines += [
                    ln.strip()
                    for ln in body.splitlines()
                    if ln.strip() and not ln.lstrip().startswith(";")
                ]
        return lines

    def entries(self, section: str) -> list[dict[str, str]]:
        """`Name: "..."; Source: "..."` lines as dicts, #defines expanded."""
        return [
            {k: self.expand(v) for k, v in PARAM.findall(line)} for line in self.section(section)
        ]

    def directives(self, section: str = "Setup") -> dict[str, str]:
        pairs = (line.split("=", 1) for line in self.section(section) if "=" in line)
        return {k.strip(): self.expand(v.strip()) for k, v in pairs}

    def local_path(self, windows_path: str) -> Path:
        """A path written relative to the script, Windows style, on this machine."""
        return self.folder.joinpath(*PureWindowsPath(windows_path).parts)

    def bundle_dir(self) -> Path:
        return self.local_path(self.defines()["BundleDir"])


def named_files(
    script: IssScript, bundle: Path | None = None, exe_suffix: str = ".exe"
) -> list[Path]:
    """Every file the script names that must exist when iscc runs.

    bundle: where the built program is (default: the script's BundleDir);
    exe_suffix: "" to check a Linux build, whose executable has no .exe.
    """
    bundle = bundle or script.bundle_dir()
    files = [script.local_path(script.directives()["SetupIconFile"])]
    for lang in script.entries("Languages"):
        files += [
            script.local_path(f)
            for f in lang["MessagesFile"].split(",")
            if not f.startswith("compiler:")
        ]
    for entry in script.entries("Files"):
        source = PureWindowsPath(entry["Source"])
        # "<BundleDir>\*" names the folder; it must hold the program.
        folder = source.parent if "*" in source.name else source
        files.append(script.local_path(str(folder)))
    for section in ("Icons", "Run"):
        for entry in script.entries(section):
            name = PureWindowsPath(entry["Filename"])
            if name.parts[0] == "{app}":
                rel = name.relative_to("{app}")
                files.append(
                    bundle.joinpath(*rel.parts).with_suffix(exe_suffix)
                    if rel.suffix == ".exe"
                    else bundle / rel
                )
    return [bundle if f == script.bundle_dir() else f for f in files]


def missing_files(
    script: IssScript, bundle: Path | None = None, exe_suffix: str = ".exe"
) -> list[Path]:
    return [f for f in named_files(script, bundle, exe_suffix) if not f.exists()]


def used_custom_messages(script: IssScript) -> set[str]:
    used = set(re.findall(r"\{cm:(\w+)", script.text))
    return used | set(re.findall(r"CustomMessage\('(\w+)'\)", script.text))


def custom_messages(script: IssScript, language: str) -> set[str]:
    """Custom messages a language has: its own lines, its .isl files and Inno's defaults."""
    names = {
        key.split(".", 1)[1]
        for key in script.directives("CustomMessages")
        if key.lower().startswith(language.lower() + ".")
    }
    names |= {key for key in script.directives("CustomMessages") if "." not in key}
    lang = next(e for e in script.entries("Languages") if e["Name"] == language)
    for messages_file in lang["MessagesFile"].split(","):
        if messages_file.startswith("compiler:"):
            names |= DEFAULT_CUSTOM_MESSAGES
        else:
            names |= set(
                IssScript.read(script.local_path(messages_file)).directives("CustomMessages")
            )
    return names
