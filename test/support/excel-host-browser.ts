/** Browser entry of the Excel stand-in: served in place of office.js, it defines `Office` and `Excel` over an
 *  in-memory workbook seeded from `window.__YANBIAO_SEED__`, and exposes the host as `window.__excelHost`. */
import { createHost, installHost } from './excel-host';
import { WorkbookModel, type Value } from './excel-host-model';

/** What a browser test seeds. */
export interface BrowserSeed {
  sheets: { name: string; grid: (Value | null)[][] }[];
  active?: string;
  excelApi?: string;
}

const w = window as unknown as { __YANBIAO_SEED__?: BrowserSeed; __excelHost?: unknown };
const seed = w.__YANBIAO_SEED__ ?? { sheets: [] };
const model = new WorkbookModel();
for (const s of seed.sheets) model.addSheet(s.name).setGrid(s.grid);
if (seed.active) model.active = seed.active;
// insertWorksheetsFromBase64 needs the file's sheets: the test decodes the report independently (exceljs in Node)
// and hands them in; the stand-in still checks it was given an .xlsx (a ZIP) and not something else
let decoded: { name: string; grid: (Value | null)[][] }[] = [];
const decodeXlsx = (b64: string) => {
  if (!atob(b64.slice(0, 8)).startsWith('PK')) throw new Error('insertWorksheetsFromBase64: 不是 .xlsx 文件');
  return decoded;
};
const host = createHost(model, { excelApi: seed.excelApi, partitionKey: 'yb-test-partition', platform: 'OfficeOnline', decodeXlsx });
installHost(host);
w.__excelHost = {
  model,
  stats: host.stats,
  dialogs: host.dialogs,
  grid: (name: string) => model.sheet(name)?.grid() ?? null,
  fill: (name: string, address: string) => model.sheet(name)?.fillAt(address) ?? null,
  note: (name: string, address: string) => model.sheet(name)?.notes.get(address) ?? null,
  sheets: () => model.sheets.map((s) => s.name),
  /** The document settings as last saved into the workbook. */
  saved: () => model.savedSettings,
  tables: (name: string) => model.sheet(name)?.tables ?? [],
  charts: (name: string) => model.sheet(name)?.charts ?? [],
  cell: (name: string, address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    const cell = model.sheet(name)?.cell(Number(m[2]) - 1, c - 1);
    return cell ? { value: cell.value, formula: cell.formula ?? null, numberFormat: cell.numberFormat } : null;
  },
  setDecoded: (sheets: typeof decoded) => { decoded = sheets; },
};
