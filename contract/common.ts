import { z } from 'zod'

/**
 * Error codes in ACR's style. The HTTP status travels with the code so the server and
 * the SPA agree on what each one means without a second table.
 */
export const errorStatus = {
  PARAM_INVALID: 400,
  INSTANCE_NOT_EXIST: 404,
  NAMESPACE_NOT_EXIST: 404,
  REPO_NOT_EXIST: 404,
  TAG_NOT_EXIST: 404,
  /** No scan task has this id (or it belongs to another instance). */
  SCAN_TASK_NOT_EXIST: 404,
  /** The tag (or digest) has never been scanned. */
  SCAN_NOT_FOUND: 404,
  /** Results were asked of a scan that is still QUEUED, SCANNING or RETRYING. */
  SCAN_NOT_COMPLETE: 409,
  /** Results were asked of a scan that FAILED: it has none; the message says why. */
  SCAN_FAILED: 409,
  /** No scan rule has this id in the instance. */
  SCAN_RULE_NOT_EXIST: 404,
  /** The instance already has a scan rule of this name. */
  SCAN_RULE_NAME_CONFLICT: 409,
  /** Another request is moving this legacy scan rule to the upstream right now. */
  SCAN_RULE_MOVE_IN_PROGRESS: 409,
  OPERATION_NOT_FOUND: 404,
  /** Sign-in is required and the request carries no valid session, token or proxy identity. */
  UNAUTHENTICATED: 401,
  /** Sign-in with a token that is unknown, revoked or expired. */
  TOKEN_INVALID: 401,
  /** The principal's role may not call this operation. */
  ACCESS_DENIED: 403,
  /** A POST with the session cookie (or through the proxy) without the session's X-CSRF-Token. */
  CSRF_TOKEN_INVALID: 403,
  /** No API token has this id. */
  API_TOKEN_NOT_EXIST: 404,
  INSTANCE_NAME_CONFLICT: 409,
  /** No vulnerability exception has this id. */
  VULN_EXCEPTION_NOT_EXIST: 404,
  /** The exception is not in a state that allows this step (approving a decided request, withdrawing an approved one, …). */
  VULN_EXCEPTION_STATE_CONFLICT: 409,
  /** A pending or approved exception already covers this finding in this scope. */
  VULN_EXCEPTION_DUPLICATE: 409,
  /** The requester of an exception may not approve or deny it. */
  VULN_EXCEPTION_SELF_APPROVAL: 403,
  /** The scan has no finding with this CVE and componentId. */
  FINDING_NOT_EXIST: 404,
  REGISTRY_UNREACHABLE: 502,
  REGISTRY_AUTH_FAILED: 400,
  /** The upstream (ACR OpenAPI, StackRox Central) refused these credentials' access to this resource or action. */
  UPSTREAM_PERMISSION_DENIED: 403,
  /** The upstream kept throttling (Throttling.*, HTTP 429) past our retry budget; the message names its code. */
  UPSTREAM_THROTTLED: 429,
  REGISTRY_ERROR: 502,
  DIRECTORY_INVALID: 400,
  OPERATION_NOT_SUPPORTED: 501,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof errorStatus
export const errorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]])

export const apiErrorBody = z
  .object({
    code: z.string().meta({ example: 'INSTANCE_NOT_EXIST' }),
    message: z.string(),
    requestId: z.string().meta({ example: '5F3A7C0E-2B64-4E4B-9D1A-4C3B2A190D77' }),
    /** Which input fields were wrong, for PARAM_INVALID: the SPA puts these next to form fields. */
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: 'ApiError' })
export type ApiErrorBody = z.infer<typeof apiErrorBody>

/** Paging as the seed defines it: pageNo from 1, pageSize 1–100 (default 30). */
export const pageQuery = z.object({
  pageNo: z.coerce.number().int().min(1).default(1).meta({ description: 'Page number, starting at 1.' }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(30)
    .meta({ description: 'Entries per page, 1–100.' }),
})

export const sortOrder = z.enum(['asc', 'desc'])
export type SortOrder = z.infer<typeof sortOrder>

/** A paged list response: the seed's totalCount/pageNo/pageSize around the items. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    totalCount: z.number().int().min(0),
    pageNo: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })

export type Page<T> = { items: T[]; totalCount: number; pageNo: number; pageSize: number }

/** Epoch milliseconds, as ACR returns every timestamp. */
export const epochMs = z.number().int().meta({ description: 'Epoch milliseconds.', example: 1_700_000_000_000 })

export const instanceId = z
  .string()
  .regex(/^cri-[0-9a-z]{16}$/, 'must look like cri- followed by 16 lowercase letters or digits')
  .meta({ example: 'cri-2j88dtld8yel0a1b' })
export const repoId = z
  .string()
  .regex(/^crr-[0-9a-z]{16}$/, 'must look like crr- followed by 16 lowercase letters or digits')
  .meta({ example: 'crr-uf082u9dg8do1c2d' })

/** A free-text search box: trimmed, bounded so no request can ask the database for a huge LIKE. */
export const searchText = z.string().trim().max(256).optional()

/** An empty query-string value means "not set", so `?repoName=` behaves like no filter. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
