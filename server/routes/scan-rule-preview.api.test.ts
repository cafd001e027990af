import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanRulePreview } from '@contract/scan-rule-preview'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * previewScanRule over the demo instance (namespace `demo`: alpine-base 3.18, dotnet-api 1.4.0,
 * legacy-api 2.3.1, shop-app 1.0.0 and latest, ubuntu-web 1.0 and 22.04).
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
})
afterAll(() => t.close())

const ruleCount = async () => Number((await t.db.selectFrom('scan_rules').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

async function preview(input: Record<string, unknown>): Promise<ScanRulePreview> {
  const res = await t.call('previewScanRule', { instanceId, scanScope: 'INSTANCE', repoTagFilterPattern: '.*', ...input })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
const refs = (p: ScanRulePreview) => p.items.map((i) => `${i.fullName}:${i.tag}`)

describe('previewScanRule', () => {
  it('an INSTANCE rule with `.*` matches every demo tag, by repository path then tag, with ids and digests', async () => {
    const p = await preview({})
    expect(refs(p)).toEqual([
      'demo/alpine-base:3.18',
      'demo/dotnet-api:1.4.0',
      'demo/legacy-api:2.3.1',
      'demo/shop-app:1.0.0',
      'demo/shop-app:latest',
      'demo/ubuntu-web:1.0',
      'demo/ubuntu-web:22.04',
    ])
    expect(p).toMatchObject({ totalCount: 7, matchedTagCount: 7, matchedRepoCount: 5, scopeTagCount: 7, scopeRepoCount: 5, pageNo: 1, pageSize: 20, unknownNamespaces: [], unknownRepos: [] })
    const indexed = await t.db.selectFrom('tags').select(['repo_id', 'tag', 'digest']).where('tag', '=', '1.0.0').executeTakeFirstOrThrow()
    expect(p.items.find((i) => i.tag === '1.0.0')).toEqual({
      repoId: indexed.repo_id,
      repoNamespaceName: 'demo',
      repoName: 'shop-app',
      fullName: 'demo/shop-app',
      tag: '1.0.0',
      digest: indexed.digest,
    })
  })

  it('matches the whole tag, as runScanRule does, and counts the scope apart from the matches', async () => {
    const p = await preview({ scanScope: 'REPO', namespaces: 'demo', repoNames: ['ubuntu-web', 'shop-app'], repoTagFilterPattern: '1\\..*' })
    expect(refs(p)).toEqual(['demo/shop-app:1.0.0', 'demo/ubuntu-web:1.0'])
    expect(p).toMatchObject({ matchedTagCount: 2, matchedRepoCount: 2, scopeTagCount: 4, scopeRepoCount: 2 })
    // `2` alone does not match 22.04 or 2.3.1: the pattern is anchored at both ends.
    expect((await preview({ repoTagFilterPattern: '2' })).totalCount).toBe(0)
    expect(refs(await preview({ repoTagFilterPattern: '2.*' }))).toEqual(['demo/legacy-api:2.3.1', 'demo/ubuntu-web:22.04'])
  })

  it('pages the matches and keeps the counts of the whole result', async () => {
    const all = refs(await preview({ pageSize: 100 }))
    const pages = [1, 2, 3, 4, 5].map((pageNo) => preview({ pageNo, pageSize: 2 }))
    const got = await Promise.all(pages)
    expect(got.map(refs)).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4, 6), all.slice(6, 7), []])
    for (const p of got) expect(p).toMatchObject({ totalCount: 7, matchedRepoCount: 5, pageSize: 2 })
  })

  it('flags namespaces and repositories the index does not have, and matches nothing there', async () => {
    const ns = await preview({ scanScope: 'NAMESPACE', namespaces: ['demo', 'future'] })
    expect(ns).toMatchObject({ totalCount: 7, unknownNamespaces: ['future'], unknownRepos: [] })
    const repo = await preview({ scanScope: 'REPO', namespaces: ['demo'], repoNames: ['shop-app', 'not-yet'] })
    expect(repo).toMatchObject({ totalCount: 2, scopeRepoCount: 1, unknownNamespaces: [], unknownRepos: ['not-yet'] })
    const nowhere = await preview({ scanScope: 'REPO', namespaces: ['future'], repoNames: ['shop-app'] })
    expect(nowhere).toMatchObject({ totalCount: 0, scopeTagCount: 0, items: [], unknownNamespaces: ['future'], unknownRepos: ['shop-app'] })
  })

  it('refuses an invalid pattern with PARAM_INVALID naming the position and the reason, as createScanRule does', async () => {
    const res = await t.call('previewScanRule', { instanceId, scanScope: 'INSTANCE', repoTagFilterPattern: 'prod-[0-9' })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(res.body.fieldErrors).toEqual({ repoTagFilterPattern: ['is not a valid RE2 pattern at position 5: missing closing ]'] })
    const lookahead = await t.call('previewScanRule', { instanceId, scanScope: 'INSTANCE', repoTagFilterPattern: '(?=prod).*' })
    expect(lookahead.status).toBe(400)
    expect(lookahead.body.fieldErrors).toHaveProperty('repoTagFilterPattern')
  })

  const refusals: [string, Record<string, unknown>, string][] = [
    ['NAMESPACE scope without namespaces', { scanScope: 'NAMESPACE' }, 'namespaces'],
    ['INSTANCE scope with namespaces', { namespaces: ['demo'] }, 'namespaces'],
    ['REPO scope with two namespaces', { scanScope: 'REPO', namespaces: ['demo', 'other'], repoNames: ['shop-app'] }, 'namespaces'],
    ['REPO scope without repoNames', { scanScope: 'REPO', namespaces: ['demo'] }, 'repoNames'],
    ['an unknown scope', { scanScope: 'GLOBAL' }, 'scanScope'],
    ['an empty pattern', { repoTagFilterPattern: '' }, 'repoTagFilterPattern'],
    ['a page size over 100', { pageSize: 101 }, 'pageSize'],
    ['a malformed instanceId', { instanceId: 'cri-X' }, 'instanceId'],
  ]
  it.each(refusals)('refuses %s with PARAM_INVALID and the field', async (_name, over, field) => {
    const res = await t.call('previewScanRule', { instanceId, scanScope: 'INSTANCE', repoTagFilterPattern: '.*', ...over })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(res.body.fieldErrors, JSON.stringify(res.body)).toHaveProperty(field)
  })

  it('answers INSTANCE_NOT_EXIST for an unknown instance and writes nothing, ever', async () => {
    const before = await ruleCount()
    const res = await t.call('previewScanRule', { instanceId: 'cri-0000000000000000', scanScope: 'INSTANCE', repoTagFilterPattern: '.*' })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('INSTANCE_NOT_EXIST')
    await preview({})
    expect(await ruleCount()).toBe(before)
  })
})

describe('previewScanRule with a catastrophic-backtracking pattern', () => {
  it('answers `(a+)+$` over many long tags at once (RE2: linear time)', async () => {
    const repoId = 'crr-stressstress0001'
    const now = new Date()
    await t.db
      .insertInto('repositories')
      .values({ id: repoId, instance_id: instanceId, namespace: 'stress', name: 'long-tags', full_name: 'stress/long-tags', last_push_at: now, created_at: now, modified_at: now })
      .execute()
    // 'aaaa…a!' defeats a backtracking engine on (a+)+$ (2^n paths); 'aaaa…a' is the one kind that matches.
    const tags = Array.from({ length: 400 }, (_, i) => (i % 100 === 0 ? 'a'.repeat(120 + i / 100) : `${'a'.repeat(120)}!${String(i).padStart(3, '0')}`))
    await t.db
      .insertInto('tags')
      .values(
        tags.map((tag) => ({
          repo_id: repoId,
          instance_id: instanceId,
          tag,
          digest: `sha256:${'0'.repeat(64)}`,
          media_type: 'application/vnd.oci.image.manifest.v1+json',
          image_size: 1,
          platforms: JSON.stringify(['linux/amd64']),
          layer_count: 1,
          image_created_at: null,
          push_time: now,
          synced_at: now,
        })),
      )
      .execute()
    const started = performance.now()
    const p = await preview({ scanScope: 'NAMESPACE', namespaces: ['stress'], repoTagFilterPattern: '(a+)+$', pageSize: 100 })
    const elapsed = performance.now() - started
    expect(p).toMatchObject({ scopeTagCount: 400, matchedTagCount: 4, matchedRepoCount: 1 })
    expect(p.items.every((i) => /^a+$/.test(i.tag))).toBe(true)
    // A backtracking engine would not finish this in our lifetime; RE2 takes milliseconds.
    expect(elapsed).toBeLessThan(2_000)
  })
})
