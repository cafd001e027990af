import type { PreviewScanRuleQuery, ScanRulePreview, ScanRulePreviewTag } from '@contract/scan-rule-preview'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { getInstance } from '../instances/instance-store'
import { compileTagPattern, describePatternError, ruleMatches, type MatchableRule } from './rule-matcher'

/** One indexed tag with its repository, as the preview reads it. */
export type IndexedTag = ScanRulePreviewTag

/** What the preview needs to know about the repositories of an instance. */
export interface IndexedRepo {
  namespace: string
  name: string
}

/**
 * The namespaces and (REPO scope) repositories a rule names that the index lacks: allowed,
 * since a rule may be written before the first push, but worth flagging.
 *
 * @example
 * unknownSelectors({ scanScope: 'REPO', namespaces: ['demo'], repoNames: ['api', 'web'] }, [{ namespace: 'demo', name: 'web' }])
 * // { unknownNamespaces: [], unknownRepos: ['api'] }
 */
export function unknownSelectors(
  rule: Pick<MatchableRule, 'scanScope' | 'namespaces' | 'repoNames'>,
  repos: readonly IndexedRepo[],
): { unknownNamespaces: string[]; unknownRepos: string[] } {
  const namespaces = new Set(repos.map((r) => r.namespace))
  const paths = new Set(repos.map((r) => `${r.namespace}\0${r.name}`))
  const ns = rule.namespaces[0] ?? ''
  return {
    unknownNamespaces: rule.namespaces.filter((n) => !namespaces.has(n)),
    unknownRepos: rule.scanScope === 'REPO' ? rule.repoNames.filter((n) => !paths.has(`${ns}\0${n}`)) : [],
  }
}

/**
 * Applies a rule to the tags in its scope (in repository path, then tag order) and keeps
 * one page of the matches. Uses the matcher runScanRule uses, so "previewed" and "run"
 * can never differ; RE2 keeps every match linear in the tag's length.
 */
export function matchPage(
  rule: MatchableRule,
  tags: readonly IndexedTag[],
  page: { pageNo: number; pageSize: number },
): Pick<ScanRulePreview, 'items' | 'matchedTagCount' | 'matchedRepoCount' | 'scopeTagCount' | 'scopeRepoCount'> {
  const start = (page.pageNo - 1) * page.pageSize
  const items: IndexedTag[] = []
  const matchedRepos = new Set<string>()
  const scopeRepos = new Set<string>()
  let matched = 0
  let inScope = 0
  for (const t of tags) {
    const ref = { namespace: t.repoNamespaceName, repoName: t.repoName, tag: t.tag }
    // Scope first (with a pattern that matches everything), so the counts can say "n of m tags in scope".
    if (!ruleMatches({ ...rule, repoTagFilterPattern: '.*' }, ref)) continue
    inScope++
    scopeRepos.add(t.repoId)
    if (!ruleMatches(rule, ref)) continue
    if (matched >= start && items.length < page.pageSize) items.push(t)
    matched++
    matchedRepos.add(t.repoId)
  }
  return { items, matchedTagCount: matched, matchedRepoCount: matchedRepos.size, scopeTagCount: inScope, scopeRepoCount: scopeRepos.size }
}

/**
 * previewScanRule: the indexed tags a rule's fields match now, paged, with the selectors
 * the index lacks. An invalid pattern is PARAM_INVALID with the parser's reason and
 * position, exactly as createScanRule reports it. Nothing is written.
 */
export async function previewScanRule(db: Db, q: PreviewScanRuleQuery): Promise<ScanRulePreview> {
  await getInstance(db, q.instanceId)
  const compiled = compileTagPattern(q.repoTagFilterPattern)
  if (!compiled.ok) {
    const message = describePatternError(compiled)
    throw new ApiError('PARAM_INVALID', `Invalid parameters — repoTagFilterPattern: ${message}`, { repoTagFilterPattern: [message] })
  }
  const repos = await db.selectFrom('repositories').select(['namespace', 'name']).where('instance_id', '=', q.instanceId).execute()
  // The scope narrows the read in SQL; the pattern (RE2, not expressible in SQL) is applied in matchPage.
  let tagQuery = db
    .selectFrom('tags as t')
    .innerJoin('repositories as r', 'r.id', 't.repo_id')
    .select(['t.repo_id as repoId', 'r.namespace as repoNamespaceName', 'r.name as repoName', 'r.full_name as fullName', 't.tag', 't.digest'])
    .where('t.instance_id', '=', q.instanceId)
  if (q.scanScope !== 'INSTANCE') tagQuery = tagQuery.where('r.namespace', 'in', q.namespaces)
  if (q.scanScope === 'REPO') tagQuery = tagQuery.where('r.name', 'in', q.repoNames)
  const tags = await tagQuery.orderBy('r.full_name').orderBy('t.tag').execute()
  const rule: MatchableRule = q
  const matched = matchPage(rule, tags, q)
  return {
    ...matched,
    totalCount: matched.matchedTagCount,
    pageNo: q.pageNo,
    pageSize: q.pageSize,
    ...unknownSelectors(rule, repos),
  }
}
