import { z } from 'zod'
import { epochMs, instanceId, optionalParam, pageOf, pageQuery } from './common'

/**
 * Scan rules (ACR CreateScanRule, GetScanRule, ListScanRule, UpdateScanRule,
 * DeleteScanRule), camelCased, plus runScanRule (an extension: "run now"). A rule picks
 * tags by scope (the whole instance, namespaces, or repositories of one namespace) and
 * a tag pattern. The pattern is RE2 syntax and must match the whole tag name; the
 * server compiles it (PARAM_INVALID with the reason otherwise).
 */

const ext = (description: string) => ({ description: `Extension (not in ACR): ${description}` })

export const scanRuleScope = z.enum(['INSTANCE', 'NAMESPACE', 'REPO'])
export type ScanRuleScope = z.infer<typeof scanRuleScope>
export const scanRuleTrigger = z.enum(['AUTO', 'MANUAL'])
export type ScanRuleTrigger = z.infer<typeof scanRuleTrigger>
/** VUL: vulnerability scan; SBOM: content analysis. */
export const scanRuleType = z.enum(['VUL', 'SBOM'])
export type ScanRuleType = z.infer<typeof scanRuleType>

export const scanRuleId = z
  .string()
  .regex(/^crscnr-[0-9a-z]{16}$/, 'must look like crscnr- followed by 16 lowercase letters or digits')
  .meta({ example: 'crscnr-k3gdm5vrn2nzf5hw' })

/** ACR sends Namespaces and RepoNames as JSON-array strings; a real array is accepted too. */
const nameList = z
  .preprocess((v) => {
    if (typeof v !== 'string') return v
    const s = v.trim()
    if (s === '') return []
    try {
      return JSON.parse(s) as unknown
    } catch {
      return v
    }
  }, z.array(z.string().trim().min(1).max(256)).max(100))
  .default([])
  .transform((names) => [...new Set(names)])

const ruleFields = {
  instanceId,
  ruleName: z.string().trim().min(1).max(128).meta({ description: 'Unique within the instance.' }),
  scanScope: scanRuleScope.meta({ description: 'INSTANCE: every repository (no namespaces or repoNames). NAMESPACE: the namespaces given. REPO: repoNames in exactly one namespace.' }),
  triggerType: scanRuleTrigger.meta({ description: 'AUTO: on push. MANUAL: only when run (runScanRule).' }),
  repoTagFilterPattern: z
    .string()
    .min(1)
    .max(256)
    .meta({ description: 'RE2 regular expression that must match the whole tag name (it is anchored at both ends), e.g. `.*` or `prod-.*`.' }),
  namespaces: nameList.meta({ description: 'NAMESPACE scope: one or more. REPO scope: exactly one. INSTANCE scope: none. An array or a JSON-array string.' }),
  repoNames: nameList.meta({ description: 'REPO scope: one or more repository names inside the namespace. Otherwise none. An array or a JSON-array string.' }),
  rescanOnAdvisoryUpdate: z
    .boolean()
    .default(false)
    .meta(
      ext(
        'When the advisory store changes (an import), queue a rescan of every indexed tag the rule matches, once per change. Default false. ' +
          'Works for either triggerType.',
      ),
    ),
}

type ScopeInput = { scanScope: ScanRuleScope; namespaces: string[]; repoNames: string[] }

/** ACR's scope rules, as field errors so nothing is written when they fail. */
function checkScope(v: ScopeInput, ctx: z.RefinementCtx) {
  const issue = (path: 'namespaces' | 'repoNames', message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (v.scanScope === 'INSTANCE') {
    if (v.namespaces.length) issue('namespaces', 'must be empty for INSTANCE scope')
    if (v.repoNames.length) issue('repoNames', 'must be empty for INSTANCE scope')
  } else if (v.scanScope === 'NAMESPACE') {
    if (!v.namespaces.length) issue('namespaces', 'must name at least one namespace for NAMESPACE scope')
    if (v.repoNames.length) issue('repoNames', 'must be empty for NAMESPACE scope')
  } else {
    if (v.namespaces.length !== 1) issue('namespaces', 'must name exactly one namespace for REPO scope')
    if (!v.repoNames.length) issue('repoNames', 'must name at least one repository for REPO scope')
  }
}

export const createScanRuleBody = z
  .object({ ...ruleFields, scanType: scanRuleType.default('VUL').meta({ description: 'VUL (default) or SBOM. Cannot be changed later.' }) })
  .superRefine(checkScope)
  .meta({ id: 'CreateScanRuleRequest' })
export type CreateScanRuleInput = z.output<typeof createScanRuleBody>

export const updateScanRuleBody = z
  .object({
    ...ruleFields,
    scanRuleId,
    scanType: optionalParam(scanRuleType).meta({ description: 'Cannot be changed: when given it must equal the rule’s scanType (PARAM_INVALID otherwise).' }),
  })
  .superRefine(checkScope)
  .meta({ id: 'UpdateScanRuleRequest', description: 'A full replace of the rule, as ACR’s UpdateScanRule.' })
export type UpdateScanRuleInput = z.output<typeof updateScanRuleBody>

export const scanRuleIdResult = z.object({ scanRuleId: z.string() })

export const scanRuleRef = z.object({ instanceId, scanRuleId })

export const scanRule = z
  .object({
    scanRuleId: z.string(),
    instanceId,
    ruleName: z.string(),
    scanScope: scanRuleScope,
    triggerType: scanRuleTrigger,
    scanType: scanRuleType,
    repoTagFilterPattern: z.string(),
    namespaces: z.array(z.string()),
    repoNames: z.array(z.string()),
    rescanOnAdvisoryUpdate: z.boolean().meta(ext('Rescan the matching tags when the advisory store changes.')),
    createTime: epochMs,
    updateTime: epochMs,
    unknownNamespaces: z.array(z.string()).meta(ext('Namespaces the rule names that the instance’s index does not have (yet). Allowed, flagged.')),
    unknownRepos: z.array(z.string()).meta(ext('REPO scope: repoNames not in the namespace in the index (yet). Allowed, flagged.')),
  })
  .meta({ id: 'ScanRule' })
export type ScanRule = z.infer<typeof scanRule>

export const listScanRuleQuery = pageQuery.extend({
  instanceId,
  scanType: optionalParam(scanRuleType).meta({ description: 'Only rules of this type; all when left out.' }),
})
export const scanRulePage = pageOf(scanRule)

export const runScanRuleResult = z.object({
  queued: z.number().int().min(0).meta({ description: 'Scan tasks newly queued.' }),
  existing: z.number().int().min(0).meta({ description: 'Matching tags whose image already had an unfinished scan task (or shares one queued by this run).' }),
})

/**
 * A rule kept in Layerscope for an instance whose scan rules now live upstream (ACR):
 * saved before that instance's rules moved there. It no longer runs; it can be created
 * upstream (moveLegacyScanRule) or deleted (deleteLegacyScanRule).
 */
export const legacyScanRule = scanRule
  .omit({ unknownNamespaces: true, unknownRepos: true })
  .extend({
    moveStartedTime: epochMs.nullable().meta({
      description: 'When a request (on any server sharing the database) began creating this rule upstream; null when no move is under way. Moving or deleting it meanwhile answers SCAN_RULE_MOVE_IN_PROGRESS.',
    }),
  })
  .meta({ id: 'LegacyScanRule' })
export type LegacyScanRule = z.infer<typeof legacyScanRule>

export const listLegacyScanRuleQuery = pageQuery.extend({ instanceId })
export const legacyScanRulePage = pageOf(legacyScanRule)

export const moveLegacyScanRuleResult = z.object({
  upstreamScanRuleId: z.string().meta({ description: 'The id the upstream gave the rule it created.' }),
  ruleName: z.string(),
})
