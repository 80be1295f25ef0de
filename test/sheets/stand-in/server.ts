/**
 * A stand-in of the Google Sheets v4 REST API on 127.0.0.1: the endpoints Yanbiao uses, with Google's paths,
 * query parameters, JSON bodies and error bodies, spreadsheets held in memory, every request recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pick } from './fields';
import { clearValues, GoogleError, invalid, isoToSerial, newSheet, readValues, StandInSpreadsheet, StoredCell, StoredValue, writeValues } from './model';
import { applyRequests, spreadsheetResource } from './requests';

/** One request as the stand-in received it: decoded path, query, parsed JSON body, bearer header. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as sent
  authorization?: string;
}

/** A failure to inject: the next `times` requests matching `match` get Google's error for `status`. */
export interface Fault {
  status: 400 | 401 | 403 | 404 | 429 | 500 | 503;
  times?: number;
  match?: (r: RecordedRequest) => boolean;
}

/** A cell given to `create`: a plain value, null for empty, or a full stored cell (see `date`). */
export type CellInput = StoredValue | null | StoredCell;

/** A date cell (a serial with a date format), as a user typing 2025-03-14 into Sheets makes. */
export function date(iso: string, pattern = 'yyyy-mm-dd'): StoredCell {
  return { value: isoToSerial(iso), numberFormat: { type: 'DATE', pattern } };
}

/** The running stand-in. */
export interface SheetsStandIn {
  /** Root URL for `GOOGLE_SHEETS_ROOT_URL`, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** The only bearer token accepted. */
  token: string;
  requests: RecordedRequest[];
  create(id: string, spec: { title?: string; shared?: boolean; sheets: { title: string; rows?: CellInput[][] }[] }): StandInSpreadsheet;
  book(id: string): StandInSpreadsheet | undefined;
  fail(fault: Fault): void;
  close(): Promise<void>;
}

const MESSAGES: Record<Fault['status'], [string, string]> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  401: [
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  ],
  403: ['PERMISSION_DENIED', 'The caller does not have permission'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  429: ['RESOURCE_EXHAUSTED', ''],
  500: ['INTERNAL', 'Internal error encountered.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
};

/** Google's error for a status; 429 names the read or write quota like the real message. */
function googleError(status: Fault['status'], method: string): GoogleError {
  const [code, message] = MESSAGES[status];
  if (status !== 429) return new GoogleError(status, code, message);
  const kind = method === 'GET' ? 'Read' : 'Write';
  return new GoogleError(
    429,
    code,
    `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
  );
}

const RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'];
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'];
const INPUT = ['RAW', 'USER_ENTERED'];

function toCell(c: CellInput): StoredCell {
  if (c === null) return { value: '' };
  return typeof c === 'object' ? { ...c } : { value: c };
}

/** Starts the stand-in on 127.0.0.1 (a free port). `maxRequests` bounds a runaway test. */
export async function startSheetsStandIn(opts: { token?: string; maxRequests?: number } = {}): Promise<SheetsStandIn> {
  const token = opts.token ?? 'stand-in-token';
  const maxRequests = opts.maxRequests ?? 500;
  const books = new Map<string, StandInSpreadsheet>();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];

  function route(rec: RecordedRequest, rawPath: string): unknown {
    const m = /^\/v4\/spreadsheets\/([^/:]+)(:batchUpdate|\/values:batchUpdate|\/values:batchClear|\/values\/([^/]+))?$/.exec(rawPath);
    if (!m) throw new GoogleError(404, 'NOT_FOUND', `The requested URL ${rawPath} was not found on this server.`);
    const id = decodeURIComponent(m[1]);
    const book = books.get(id);
    if (!book) throw googleError(404, rec.method);
    if (!book.shared) throw googleError(403, rec.method);
    const op = m[2] ?? '';
    const want = (method: string) => {
      if (rec.method !== method) throw new GoogleError(404, 'NOT_FOUND', `The requested URL ${rawPath} was not found on this server.`);
    };
    if (op === '') {
      want('GET');
      return pick(spreadsheetResource(book), rec.query.fields);
    }
    if (op === ':batchUpdate') {
      want('POST');
      const replies = applyRequests(book, rec.body?.requests);
      return { spreadsheetId: id, replies };
    }
    if (op === '/values:batchUpdate') {
      want('POST');
      const input = rec.body?.valueInputOption;
      if (input === undefined) throw invalid("'valueInputOption' is required but not specified");
      if (!INPUT.includes(input)) throw invalid(`Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${input}"`);
      const data: { range: string; values: unknown }[] = Array.isArray(rec.body?.data) ? rec.body.data : [];
      const draft = structuredClone(book);
      const responses = data.map((d) => ({ spreadsheetId: id, ...writeValues(draft, d.range, d.values, input) }));
      Object.assign(book, draft);
      const sheets = new Set(responses.map((r) => r.sheetId));
      return {
        spreadsheetId: id,
        totalUpdatedRows: responses.reduce((n, r) => n + r.updatedRows, 0),
        totalUpdatedColumns: Math.max(0, ...responses.map((r) => r.updatedColumns)),
        totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
        totalUpdatedSheets: sheets.size,
        responses: responses.map(({ sheetId: _s, ...r }) => r),
      };
    }
    if (op === '/values:batchClear') {
      want('POST');
      const ranges: string[] = Array.isArray(rec.body?.ranges) ? rec.body.ranges : [];
      const draft = structuredClone(book);
      const clearedRanges = ranges.map((r) => clearValues(draft, r));
      Object.assign(book, draft);
      return { spreadsheetId: id, clearedRanges };
    }
    want('GET');
    const range = decodeURIComponent(m[3]);
    const vr = rec.query.valueRenderOption ?? 'FORMATTED_VALUE';
    const dr = rec.query.dateTimeRenderOption ?? 'SERIAL_NUMBER';
    const md = rec.query.majorDimension ?? 'ROWS';
    if (!RENDER.includes(vr)) throw invalid(`Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${vr}"`);
    if (!DATE_RENDER.includes(dr)) throw invalid(`Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), "${dr}"`);
    if (md !== 'ROWS' && md !== 'COLUMNS') throw invalid(`Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "${md}"`);
    return readValues(book, range, vr, dr, md);
  }

  function handle(req: http.IncomingMessage, text: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      authorization: req.headers.authorization,
    };
    requests.push(rec);
    if (requests.length > maxRequests) throw new Error(`stand-in: more than ${maxRequests} requests`);
    if (text) {
      try {
        rec.body = JSON.parse(text);
      } catch {
        throw invalid(`Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}`);
      }
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: errorBody(googleError(401, rec.method)), headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' } };
    }
    const fault = faults.find((f) => (f.times ?? 1) > 0 && (!f.match || f.match(rec)));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return { status: fault.status, body: errorBody(googleError(fault.status, rec.method)) };
    }
    return { status: 200, body: route(rec, url.pathname) };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let out: { status: number; body: unknown; headers?: Record<string, string> };
      try {
        out = handle(req, Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        const g = e instanceof GoogleError ? e : new GoogleError(500, 'INTERNAL', 'Internal error encountered.');
        if (!(e instanceof GoogleError)) process.stderr.write(`sheets stand-in: ${String(e)}\n`);
        out = { status: g.code, body: errorBody(g) };
      }
      res.writeHead(out.status, { 'content-type': 'application/json; charset=UTF-8', ...out.headers });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    requests,
    create(id, spec) {
      const book: StandInSpreadsheet = {
        spreadsheetId: id,
        title: spec.title ?? id,
        shared: spec.shared ?? true,
        nextSheetId: 1000,
        sheets: spec.sheets.map((s, i) => newSheet(i === 0 ? 0 : 100 + i, s.title, i, (s.rows ?? []).map((r) => r.map(toCell)))),
      };
      books.set(id, book);
      return book;
    },
    book: (id) => books.get(id),
    fail: (fault) => void faults.push({ ...fault, times: fault.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Google's JSON error body. */
function errorBody(e: GoogleError): unknown {
  return { error: { code: e.code, message: e.message, status: e.status } };
}
