"""Excel import (openpyxl; no Qt): templates, safe reading, all-or-nothing import.

    sheet = read_sheet(path, kind)                  # workbook.py: refuse bad files,
                                                    #   find the sheet and header row
    report = run_import(db, sheet, ImportOptions())  # importer.py: one transaction,
                                                    #   every row through the services
    write_template(db, kind, path)                  # template.py: headers, drop-downs
    write_marked_copy(sheet, report.problems, out)  # marking.py: bad cells marked

Columns of each kind are declared once in columns.py; cells become values in
normalise.py (pure parsing) and convert.py (names to ids, via lookups.py);
builders.py turns a row into one service call. `ftz-ledger template|import` and
the Import wizard (desktop/dialogs/import_wizard.py) both come here.
"""
