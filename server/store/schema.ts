/** The store's tables as Kysely sees them. Times are ISO-8601 UTC text in both SQLite and PostgreSQL. */
import type { Checkpointer } from './checkpoint';
import type { Generated, Kysely } from 'kysely';

/** A school of the district. */
export interface SchoolTable {
  code: string;
  name: string;
  type: string;
  created_at: string;
}

/** An access token, stored only as its SHA-256 hash. */
export interface TokenTable {
  hash: string;
  role: 'district' | 'school';
  school_code: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** One accepted upload (one HTTP request); an Idempotency-Key replay answers with the receipt rebuilt from it. */
export interface UploadTable {
  id: Generated<number>;
  school_code: string;
  term: string;
  idem_key: string | null;
  /** SHA-256 of the term and sheets an Idempotency-Key was first used with (null for older rows). */
  idem_hash: string | null;
  source: string;
  created_at: string;
  /** JSON list of the registers recognised but left out because they had no data rows. */
  skipped: string | null;
}

/** One immutable version of one kind of one school's register for one term. */
export interface SubmissionTable {
  id: Generated<number>;
  upload_id: number;
  school_code: string;
  term: string;
  kind: string;
  version: number;
  sheet: string;
  row_count: number;
  warning_count: number;
  findings: string;
  columns: string;
  status: 'accepted' | 'returned';
  comment: string | null;
  returned_at: string | null;
  created_at: string;
  /** 1 once the cross-school check has run for it. */
  cross_checked: Generated<number>;
  /** The register definition it was checked with (0: the built-in one). */
  definition_version: Generated<number>;
}

/** One version of the district's register definition (canonical JSON, shared/registers/schema.ts). */
export interface RegisterDefinitionTable {
  version: Generated<number>;
  name: string;
  definition: string;
  created_at: string;
  actor: string;
}

/** One normalised data row of a submission (values as JSON, canonical field names). */
export interface RowTable {
  submission_id: number;
  row: number;
  data: string;
}

/** LSH band keys of reflections' 题目/正文, for cross-school near-duplicate candidates. */
export interface ReflectionBandTable {
  term: string;
  band: string;
  submission_id: number;
  row: number;
  school_code: string;
  teacher: string;
}

/** Normalised paper titles, for the same 题目 under different teachers anywhere in the district. */
export interface PaperTitleTable {
  term: string;
  title_key: string;
  submission_id: number;
  row: number;
  school_code: string;
  teacher: string;
}

/** A cross-school warning on one row, pointing at the other row. Listed only while both versions are current. */
export interface CrossFindingTable {
  id: Generated<number>;
  term: string;
  code: 'duplicate' | 'near_duplicate';
  submission_id: number;
  row: number;
  other_submission_id: number;
  other_row: number;
  field: string;
  similarity: number;
  created_at: string;
}

/** District deadlines: a term's per-kind deadline, or a month's reflection deadline (term = YYYY-MM). */
export interface DeadlineTable {
  term: string;
  kind: string;
  date: string;
}

/** Who did what, when. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  school_code: string | null;
  target: string | null;
  detail: string | null;
}

/** A school's registered Google spreadsheet and range (Sheets import). */
export interface SheetLinkTable {
  school_code: string;
  spreadsheet_id: string;
  range: string;
  updated_at: string;
  updated_by: string;
}

/** The whole database. */
export interface DB {
  schools: SchoolTable;
  tokens: TokenTable;
  uploads: UploadTable;
  submissions: SubmissionTable;
  rows: RowTable;
  reflection_bands: ReflectionBandTable;
  paper_titles: PaperTitleTable;
  cross_findings: CrossFindingTable;
  deadlines: DeadlineTable;
  audit: AuditTable;
  sheet_links: SheetLinkTable;
  register_definitions: RegisterDefinitionTable;
}

/** Which engine is underneath. */
export type Dialect = 'sqlite' | 'postgres';

/** An open store: the query builder plus what differs between engines. */
export interface Store {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human description for logs (file path or host/database, never a password). */
  where: string;
  /** SQLite with background checkpoints (StoreConfig.backgroundCheckpoints): the thread that runs them. */
  checkpoints?: Checkpointer;
  close(): Promise<void>;
}
