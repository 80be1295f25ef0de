/**
 * The HTTP contract of the district server as zod schemas: paths, request and response bodies, the error body.
 * The server, the web page and the add-in import this one file; every type is z.infer'd, never written twice.
 */
import { z } from 'zod';
import { FINDING_CODES } from './findings/codes';
import { CODE_RE } from './registers/schema';

/** API paths (relative to the server's origin). */
export const PATHS = {
  health: '/healthz',
  me: '/api/v1/me',
  uploads: '/api/v1/uploads',
  submissions: '/api/v1/submissions',
  termSubmissions: (term: string) => `/api/v1/terms/${encodeURIComponent(term)}/submissions`,
  returnSubmission: (id: number) => `/api/v1/submissions/${id}/return`,
  summary: (term: string) => `/api/v1/terms/${encodeURIComponent(term)}/summary`,
  status: (term: string) => `/api/v1/terms/${encodeURIComponent(term)}/status`,
  report: (term: string) => `/api/v1/terms/${encodeURIComponent(term)}/report.xlsx`,
  template: (kind: string) => `/api/v1/templates/${kind}.xlsx`,
  audit: '/api/v1/audit',
} as const;

/** Header that makes a retried upload a no-op. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One register: a code of the definition in force (the built-in five, or a district's own such as lesson_visits). */
export const Kind = z.string().regex(CODE_RE);

/** A finding as the engine reports it (DOMAIN.md). */
export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning']),
  sheet: z.string(),
  row: z.number().int(),
  col: z.string(),
  field: z.string(),
  value: cell.optional(),
  message: z.string(),
  fix: cell.optional(),
  params: z
    .object({
      allowed: z.array(z.string()),
      min: z.number(),
      max: z.number(),
      expected: z.string(),
      other: z.string(),
      suggestion: z.string(),
      rule: z.string(),
      deadline: z.string(),
      count: z.number(),
      similarity: z.number(),
    })
    .partial()
    .optional(),
});
/** A finding. */
export type FindingDto = z.infer<typeof FindingSchema>;

/** A cross-school warning: a finding on one stored row, with the other row it matches. */
export const CrossFindingSchema = FindingSchema.extend({
  school: z.string(),
  submissionId: z.number().int(),
  other: z.object({
    school: z.string(),
    schoolName: z.string(),
    submissionId: z.number().int(),
    sheet: z.string(),
    row: z.number().int(),
    teacher: z.string(),
  }),
});
/** A cross-school warning. */
export type CrossFinding = z.infer<typeof CrossFindingSchema>;

/** The error body of every failed request; 422 upload answers carry the blocking findings too. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    findings: z.array(FindingSchema).optional(),
    /** A refused register definition's problems, each at its sheet, row and column. */
    problems: z.array(z.object({ sheet: z.string(), row: z.number(), col: z.string(), field: z.string(), message: z.string() })).optional(),
  }),
});
/** The error body. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Body of POST /api/v1/submissions (the add-in's upload): raw 2-D grids as read from Excel. */
export const SubmitRequestSchema = z.object({
  term: z.string().min(1),
  school: z.string().optional(),
  sheets: z
    .array(
      z.object({
        sheet: z.string(),
        grid: z.array(z.array(cell.optional().transform((v) => (v === undefined ? null : v)))),
      }),
    )
    .min(1),
});
/** Body of POST /api/v1/submissions. */
export type SubmitRequest = z.input<typeof SubmitRequestSchema>;

const SchoolRef = z.object({ code: z.string(), name: z.string() });

/** One stored submission as a receipt lists it. */
export const ReceiptItemSchema = z.object({
  id: z.number().int(),
  kind: Kind,
  sheet: z.string(),
  version: z.number().int(),
  rows: z.number().int(),
  warnings: z.number().int(),
});

/** 201 answer of an accepted upload. */
export const ReceiptSchema = z.object({
  uploadId: z.number().int(),
  school: SchoolRef,
  term: z.string(),
  createdAt: z.string(),
  replayed: z.boolean(),
  submissions: z.array(ReceiptItemSchema),
  warnings: z.array(FindingSchema),
  crossSchool: z.array(CrossFindingSchema),
  /** Registers recognised in the upload but not stored: an empty register is not a submission. */
  skipped: z.array(z.object({ sheet: z.string(), kind: z.string(), reason: z.string() })).optional(),
});
/** Upload receipt. */
export type Receipt = z.infer<typeof ReceiptSchema>;

/** Display status of a stored submission. */
export const SubmissionStatus = z.enum(['已上报', '已退回']);

/** One version of one kind as the listings show it. */
export const SubmissionSchema = z.object({
  id: z.number().int(),
  uploadId: z.number().int(),
  school: SchoolRef,
  term: z.string(),
  kind: Kind,
  sheet: z.string(),
  version: z.number().int(),
  rows: z.number().int(),
  warnings: z.number().int(),
  status: SubmissionStatus,
  current: z.boolean(),
  createdAt: z.string(),
  returnedAt: z.string().nullable(),
  comment: z.string().nullable(),
  findings: z.array(FindingSchema),
  crossSchool: z.array(CrossFindingSchema),
});
/** One stored submission. */
export type Submission = z.infer<typeof SubmissionSchema>;

/** GET /api/v1/terms/:term/submissions. */
export const SubmissionListSchema = z.object({ term: z.string(), submissions: z.array(SubmissionSchema) });
/** Submission listing. */
export type SubmissionList = z.infer<typeof SubmissionListSchema>;

/** Body of POST /api/v1/submissions/:id/return. */
export const ReturnRequestSchema = z.object({ comment: z.string().trim().min(1).max(2000) });

/** One cell of the completeness board. */
export const BoardCellSchema = z.object({
  status: z.enum(['未上报', '已上报', '已退回']),
  submissionId: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  warnings: z.number().int().nullable(),
  crossWarnings: z.number().int(),
  comment: z.string().nullable(),
  deadline: z.string().nullable(),
  late: z.boolean(),
});
/** A board cell. */
export type BoardCell = z.infer<typeof BoardCellSchema>;

/** The board cell of a kind not yet reported: 未上报, with its deadline and whether that has passed. */
export function unreportedCell(deadline: string | null = null, late = false): BoardCell {
  return { status: '未上报', submissionId: null, submittedAt: null, version: null, rows: null, warnings: null, crossWarnings: 0, comment: null, deadline, late };
}

/** GET /api/v1/terms/:term/status: every school × kind. */
export const StatusBoardSchema = z.object({
  term: z.string(),
  asOf: z.string(),
  kinds: z.array(Kind),
  /** The registers of the term's definition (code, Chinese title), in the order of `kinds`. */
  registers: z.array(z.object({ code: Kind, name: z.string() })),
  deadlines: z.record(z.string(), z.string()),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string(),
      kinds: z.record(z.string(), BoardCellSchema),
    }),
  ),
});
/** The completeness board. */
export type StatusBoard = z.infer<typeof StatusBoardSchema>;

/** GET /api/v1/me. */
export const MeSchema = z.object({
  role: z.enum(['district', 'school']),
  school: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable(),
});
/** Who the token belongs to. */
export type Me = z.infer<typeof MeSchema>;

/** GET /api/v1/audit (district). */
export const AuditListSchema = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      school: z.string().nullable(),
      target: z.string().nullable(),
      detail: z.unknown(),
    }),
  ),
});
/** Audit log listing. */
export type AuditList = z.infer<typeof AuditListSchema>;

/** GET /api/v1/terms/:term/summary (DOMAIN.md's metrics; defined with the metrics in shared/metrics/schema.ts). */
export { SummarySchema, type Summary } from './metrics/schema';

/** GET /healthz. */
export const HealthSchema = z.object({ ok: z.literal(true), store: z.enum(['sqlite', 'postgres']) });
