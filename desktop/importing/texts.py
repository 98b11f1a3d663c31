"""Messages and extra column names of the import and the templates (Chinese, English).

Field names come from db.labels and rule messages from db.messages; this holds only
what is particular to reading files and writing templates.
"""

from __future__ import annotations

from typing import Any

from db.labels import LABELS
from db.lang import pick

# Column names the foundation's vocabulary does not have.
EXTRA_LABELS: dict[str, tuple[str, str]] = {
    "meeting.organisers": ("承办单位", "Organisers"),
    "meeting.co_organisers": ("协办单位", "Co-organisers"),
}

TEXTS: dict[str, tuple[str, str]] = {
    # the file
    "file.missing": ("找不到文件 {path}。", "No file {path}."),
    "file.empty": ("{path} 是空文件（0 字节），没有可导入的内容。", "{path} is empty (0 bytes)."),
    "file.xls": (
        "{path} 是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入。",
        "{path} is an old Excel 97-2003 workbook (.xls). Save it as an Excel workbook (.xlsx) and import that.",
    ),
    "file.encrypted": (
        "{path} 设有打开密码（已加密），无法读取。请在 Excel 中取消密码、另存后再导入。",
        "{path} is password-protected (encrypted) and cannot be read. Remove the password in Excel, save, and import again.",
    ),
    "file.csv": (
        "{path} 实际上是文本（CSV）文件，只是扩展名为 .xlsx。请在 Excel 中打开并另存为 Excel 工作簿（.xlsx）。",
        "{path} is really a text (CSV) file with an .xlsx name. Open it in Excel and save it as an Excel workbook (.xlsx).",
    ),
    "file.not_xlsx": (
        "{path} 不是 Excel 工作簿（.xlsx）。",
        "{path} is not an Excel workbook (.xlsx).",
    ),
    "file.zip_not_xlsx": (
        "{path} 是一个 ZIP 压缩包，但不是 Excel 工作簿。",
        "{path} is a zip archive, but not an Excel workbook.",
    ),
    "file.unsafe": (
        "{path} 含有不安全的 XML 内容（实体定义等），已拒绝读取。",
        "{path} contains unsafe XML (entity definitions and the like) and was refused.",
    ),
    "file.damaged": (
        "{path} 无法读取：文件已损坏或格式不受支持（{error}）。",
        "{path} cannot be read: the file is damaged or in a format not supported ({error}).",
    ),
    "file.locked": (
        "无法读取 {path}（{error}）。如文件正在其他程序中编辑，请关闭后重试。",
        "Cannot read {path} ({error}). If another program has it open, close it and try again.",
    ),
    "file.no_headers": (
        "在 {path} 中找不到“{kind}”的表头：前 {rows} 行中没有“{expected}”等列。请使用导入模板（ftz-ledger template）。",
        "No {kind} headers in {path}: none of the first {rows} rows has columns such as “{expected}”. Use the import template (ftz-ledger template).",
    ),
    "file.too_many_rows": (
        "工作表“{sheet}”约有 {rows} 行数据，超过一次导入的上限 {max} 行。请拆分为几个文件分别导入。",
        "The sheet “{sheet}” has about {rows} data rows, more than the {max} one import takes. Split it into several files.",
    ),
    "file.no_rows": (
        "工作表“{sheet}”的表头下没有数据行。",
        "The sheet “{sheet}” has no data rows under its headers.",
    ),
    "file.cannot_write": (
        "无法写入 {path}（{error}）。如该文件正在 Excel 中打开，请先关闭；或换一个文件名。",
        "Cannot write {path} ({error}). If it is open in Excel, close it first, or choose another name.",
    ),
    "file.same_as_source": (
        "标注副本不能覆盖原文件 {path}，请另选文件名。",
        "The marked copy must not overwrite the original {path}; choose another name.",
    ),
    # rows
    "import.missing_column": (
        "缺少必填列“{column}”。",
        "The required column “{column}” is missing.",
    ),
    "import.ambiguous_project": (
        "“{field}”：有多个名为“{value}”的项目，请填写投资方或项目编号。",
        "{field}: more than one project is called “{value}”; give the investor or the project code.",
    ),
    "import.stage_note": ("导入时的推进阶段", "Stage when imported"),
    "import.duplicate_existing": ("已有相同记录（编号 {id}）", "already recorded (id {id})"),
    "import.duplicate_in_file": ("与本表第 {row} 行重复", "same as row {row} of this sheet"),
    "import.stopped": (
        "导入在此行中止：{error}",
        "The import stopped at this row: {error}",
    ),
    # summary
    "summary.file": (
        "文件：{path}，工作表“{sheet}”，表头在第 {row} 行，数据 {rows} 行。",
        "File: {path}, sheet “{sheet}”, headers in row {row}, {rows} data rows.",
    ),
    "summary.total_rows": (
        "合计行（第 {rows} 行）不是记录，未导入。",
        "Total rows ({rows}) are not records and were left out.",
    ),
    "summary.added": ("已导入{kind} {count} 条。", "Imported {count} {kind} records."),
    "summary.would_add": (
        "试运行：将导入{kind} {count} 条（未写入任何数据）。",
        "Dry run: {count} {kind} records would be imported (nothing was written).",
    ),
    "summary.duplicates": ("重复、已跳过 {count} 行：", "{count} duplicate rows skipped:"),
    "summary.duplicate_line": ("  第 {row} 行 “{text}”：{why}", "  row {row} “{text}”: {why}"),
    "summary.units_created": ("新建单位 {count} 个：{names}", "{count} units created: {names}"),
    "summary.units_would_create": (
        "将新建单位 {count} 个：{names}",
        "{count} units would be created: {names}",
    ),
    "summary.failed": (
        "发现 {count} 个问题，未导入任何数据：",
        "{count} problems found; nothing was imported:",
    ),
    "summary.cancelled": ("导入已取消，未写入任何数据。", "Import cancelled; nothing was written."),
    "summary.problem": (
        "工作表“{sheet}”第 {row} 行，“{column}”列，值“{value}”：{message}",
        "Sheet “{sheet}” row {row}, column “{column}”, value “{value}”: {message}",
    ),
    "summary.marked_copy": (
        "已将标出问题单元格的副本保存为 {path}。",
        "A copy with the bad cells marked was saved as {path}.",
    ),
    # template
    "template.instructions": ("填写说明", "Instructions"),
    "template.lists": ("选项", "Lists"),
    "template.title": ("{kind}导入模板", "{kind} import template"),
    "template.intro": (
        "在“{sheet}”工作表第 2 行起每行填写一条记录；表头不要改动。带 * 的列为必填（表头为红色）。"
        "日期可写成 2024-12-12、2024/12/12 或 2024年12月12日；金额单位为万元，可写“2.5亿元”。"
        "下拉列表中的值也可填写编码或英文名称。多个单位之间用“；”分隔。",
        "Fill one record per row of the “{sheet}” sheet from row 2; keep the headers. Columns marked * are required (red headers). "
        "Dates as 2024-12-12, 2024/12/12 or 2024年12月12日; amounts in 万元 (10,000 yuan), “2.5亿元” also works. "
        "Values with a drop-down may also be given by code or English name. Separate several units with “；”.",
    ),
    "template.dv_title": ("请核对", "Please check"),
    "template.dv_error": (
        "该值不在下拉列表中或格式不对。编码、英文名称和文字日期同样可以导入；点“是”保留。",
        "Not in the list, or not in the expected form. Codes, English names and text dates import too; choose Yes to keep it.",
    ),
    "template.col_header": ("列", "Column"),
    "template.col_required": ("必填", "Required"),
    "template.col_format": ("填写要求", "What to enter"),
    "template.yes": ("是", "yes"),
    "fmt.text": ("文字", "Text"),
    "fmt.date": ("日期，如 2024-12-12", "A date, e.g. 2024-12-12"),
    "fmt.amount": ("金额（万元），不小于 0", "An amount in 万元, not negative"),
    "fmt.int": ("正整数", "A whole number"),
    "fmt.choice": ("从下拉列表选择：{values}", "Pick from the list: {values}"),
    "fmt.unit": (
        "单位全称或简称；不存在的单位将新建",
        "A unit's name or short name; new units are created",
    ),
    "fmt.unit_known": ("已录入的单位名称或简称", "The name or short name of a recorded unit"),
    "fmt.units": ("单位名称，多个用“；”分隔", "Unit names, separated by “；”"),
    "fmt.meeting": ("已录入的活动名称", "The title of a recorded meeting"),
    "fmt.meetings": ("活动名称，多个用“；”分隔", "Meeting titles, separated by “；”"),
    "fmt.project": ("已录入的项目名称或编号", "The name or code of a recorded project"),
    "fmt.alliance": ("已录入的联盟名称或简称", "The name or short name of a recorded alliance"),
    "fmt.stage_note": (
        "；晚于“签约”的阶段将记为一条进展",
        "; a stage after “signed” is recorded as a progress entry",
    ),
}


def text(code: str, lang: str | None = None, **params: Any) -> str:
    zh, en = TEXTS[code]
    return pick(zh, en, lang).format(**params)


def column_label(key: str, lang: str | None = None) -> str:
    """A column's name from db.labels, or from the import's own few extras."""
    pair = LABELS.get(key) or EXTRA_LABELS.get(key)
    if pair is None:
        return key
    return pick(pair[0], pair[1], lang)


def both_labels(key: str) -> tuple[str, ...]:
    pair = LABELS.get(key) or EXTRA_LABELS.get(key)
    return tuple(pair) if pair else ()
