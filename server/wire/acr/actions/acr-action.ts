import type { z } from 'zod'
import type { Db } from '../../../db/database'
import type { ScanRuleService } from '../../../rules/rule-service'
import type { ScanTaskService } from '../../../scans/scan-service'
import { paramInvalid } from '../../../http/validation'
import { invalidParameter } from '../acr-errors'

/** The business parameters of one request, by their wire (PascalCase) names. */
export type WireParams = ReadonlyMap<string, string>

/** What the actions call: the same services as the /api/v1 operations. */
export interface AcrServices {
  db: Db
  scans: ScanTaskService
  rules: ScanRuleService
  /** Who is calling, for what the services record: `acr:<AccessKeyId>`. */
  actor: string
  /** Records a successful write in the audit log as `action` (server/audit/); absent in unit tests. */
  recordAudit?: (action: string, input: unknown, output: unknown) => Promise<void>
}

/**
 * One ACR Action over one of our operations: wire parameters become the operation's
 * camelCase input (validated by the contract's own schema), the service answers, and
 * the answer becomes ACR's PascalCase fields (checked against `response` before it
 * leaves). `code` is the JSON type the SDKs give `Code` for this Action (acr-api.md §7);
 * `isSuccess` whether ACR's response has `IsSuccess`.
 */
export interface AcrAction<I extends z.ZodType = z.ZodType, O = unknown, R extends z.ZodType = z.ZodType> {
  input: I
  toInput(wire: WireParams): Record<string, unknown>
  run(services: AcrServices, input: z.output<I>, wire: WireParams): Promise<O>
  response: R
  toResponse(output: O): z.input<R>
  code: 'string' | 'number'
  isSuccess: boolean
  /** For a write: the operation it maps to, under which it is audited (createScanRule). */
  audit?: string
}

export const defineAcrAction = <I extends z.ZodType, O, R extends z.ZodType>(action: AcrAction<I, O, R>): AcrAction<I, O, R> => action

/** An action with its types closed over, so actions of different shapes share one table. */
export interface AcrHandler {
  code: 'string' | 'number'
  isSuccess: boolean
  /** The Action's own response fields; throws ApiError (PARAM_INVALID for bad input) or AcrWireError. */
  execute(services: AcrServices, wire: WireParams): Promise<Record<string, unknown>>
}

export function bindAction<I extends z.ZodType, O, R extends z.ZodType>(action: AcrAction<I, O, R>): AcrHandler {
  return {
    code: action.code,
    isSuccess: action.isSuccess,
    execute: async (services, wire) => {
      const parsed = action.input.safeParse(action.toInput(wire))
      if (!parsed.success) throw paramInvalid(parsed.error)
      const output = await action.run(services, parsed.data, wire)
      // Writes are audited as the /api/v1 operation they map to, after they succeed.
      if (action.audit) await services.recordAudit?.(action.audit, parsed.data, output)
      // Checked before it leaves, as the /api/v1 routes check theirs: a mapping bug is a 500, not a malformed answer.
      return action.response.parse(action.toResponse(output)) as Record<string, unknown>
    },
  }
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

/**
 * The named parameters as camelCase input: `InstanceId` → `instanceId`. A list given in
 * the repeat-list form (`Namespaces.1`, `Namespaces.2`, as pop-core flattens arrays)
 * becomes an array; the JSON-string form (`Namespaces=["ns"]`) is left to the contract.
 *
 * @example
 * camelParams(new Map([['RepoId', 'crr-…'], ['PageNo', '2']]), ['RepoId', 'PageNo']) // { repoId: 'crr-…', pageNo: '2' }
 */
export function camelParams(wire: WireParams, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of names) {
    const direct = wire.get(name)
    if (direct !== undefined) {
      out[lowerFirst(name)] = direct
      continue
    }
    const listed = repeatList(wire, name)
    if (listed) out[lowerFirst(name)] = listed
  }
  return out
}

function repeatList(wire: WireParams, name: string): string[] | undefined {
  const items: [number, string][] = []
  const prefix = `${name}.`
  for (const [key, value] of wire) {
    if (!key.startsWith(prefix)) continue
    const index = Number(key.slice(prefix.length))
    if (!Number.isInteger(index) || index < 1) throw invalidParameter(key, `a list item's index must be 1, 2, …`)
    items.push([index, value])
  }
  if (!items.length) return undefined
  return items.sort((a, b) => a[0] - b[0]).map(([, v]) => v)
}

/** ACR's list fields echo paging as numbers; a few lists type TotalCount as a string (acr-api.md §5). */
export const pageFields = (page: { totalCount: number; pageNo: number; pageSize: number }) => ({
  TotalCount: page.totalCount,
  PageNo: page.pageNo,
  PageSize: page.pageSize,
})

/** ACR writes digests without `sha256:` in tag lists (acr-api.md §5.5). */
export const bareDigest = (digest: string) => digest.replace(/^sha256:/, '')

/**
 * ACR's status filters (InstanceStatus, NamespaceStatus, RepoStatus) over things that
 * are always in one state here: a filter naming another state matches nothing.
 */
export function statusFilterExcludes(wire: WireParams, name: string, accepted: readonly string[]): boolean {
  const v = wire.get(name)
  return v !== undefined && v !== '' && !accepted.includes(v.toUpperCase())
}
