"""Reads an .xlsx with openpyxl and prints what the tests check as JSON: per sheet its cells (value, type, style),
frozen panes, filter, column widths, row heights, print titles and page setup. Used by workbook.test.ts."""
import json
import sys

import openpyxl


def color(c):
    return c.rgb if c is not None and c.type == "rgb" else None


def cell(c):
    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
    return {
        "ref": c.coordinate,
        "value": c.value,
        "type": c.data_type,
        "bold": bool(c.font.b),
        "size": c.font.sz,
        "fontColor": color(c.font.color),
        "fill": fill,
        "numFmt": c.number_format,
        "wrap": bool(c.alignment.wrap_text),
        "horizontal": c.alignment.horizontal,
    }


def sheet(ws):
    ps = ws.page_setup
    m = ws.page_margins
    return {
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth},
        "heights": {k: v.height for k, v in ws.row_dimensions.items() if v.height},
        "printTitleRows": ws.print_title_rows,
        "printTitleCols": ws.print_title_cols,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "page": {
            "orientation": ps.orientation,
            "paperSize": ps.paperSize,
            "fitToWidth": ps.fitToWidth,
            "fitToHeight": ps.fitToHeight,
        },
        "margins": [m.left, m.right, m.top, m.bottom, m.header, m.footer],
        "cells": [cell(c) for row in ws.iter_rows() for c in row if c.value is not None],
    }


wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({"sheets": [sheet(ws) for ws in wb.worksheets], "creator": wb.properties.creator}, ensure_ascii=False))
