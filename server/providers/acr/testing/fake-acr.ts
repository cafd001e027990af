import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { signatureMatches } from '../../../wire/acr/signature'
import { ACR_BASELINES, ACR_DIGEST_HEX, ACR_IMAGE, ACR_INSTANCE_ID, ACR_MALICIOUS, ACR_REPO, ACR_VULNERABILITIES } from './acr-fixtures'

/** Switches a test flips to make the fake misbehave. */
export interface FakeAcrFaults {
  /** The next N requests answer HTTP 429 Throttling.User. */
  throttle: number
  /** The Retry-After header of those 429 answers, when set (seconds or an HTTP date). */
  retryAfter: string | null
  /** The next N requests answer HTTP 503 ServiceUnavailable. */
  unavailable: number
  /** Every answer waits this long first. */
  delayMs: number
}

export interface FakeAcr {
  endpoint: string
  faults: FakeAcrFaults
  /** Actions received with a valid signature, in order. */
  calls: string[]
  /** The scan rules ACR keeps, by ScanRuleId, as GetScanRule answers them. */
  rules: Map<string, Record<string, unknown>>
  close(): Promise<void>
}

/**
 * A small stand-in for ACR's OpenAPI on 127.0.0.1: it verifies the RPC signature 1.0
 * (HMAC-SHA1 over query and form parameters, as Alibaba Cloud does), answers the browse
 * and scan actions with the reference's shapes (TotalCount as a string where the SDK
 * types it so, numeric Code on the Security Center lists), and runs a scan as
 * SCANNING → COMPLETE.
 */
export async function startFakeAcr(keys: Record<string, string>): Promise<FakeAcr> {
  const faults: FakeAcrFaults = { throttle: 0, retryAfter: null, unavailable: 0, delayMs: 0 }
  const calls: string[] = []
  const rules = new Map<string, Record<string, unknown>>()
  let scanPolls = -1
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const params = new Map(new URL(req.url ?? '/', 'http://x').searchParams)
      for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params.set(k, v)
      const send = (status: number, body: object, headers: Record<string, string> = {}) => {
        const out = JSON.stringify({ RequestId: randomUUID().toUpperCase(), ...body })
        setTimeout(() => res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers }).end(out), faults.delayMs)
      }
      const secret = keys[params.get('AccessKeyId') ?? '']
      if (secret === undefined) return send(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' })
      if (!signatureMatches(req.method ?? 'GET', params, secret, params.get('Signature') ?? '')) {
        return send(403, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' })
      }
      if (faults.throttle > 0) {
        faults.throttle--
        return send(429, { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' }, faults.retryAfter === null ? {} : { 'retry-after': faults.retryAfter })
      }
      if (faults.unavailable > 0) {
        faults.unavailable--
        return send(503, { Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.' })
      }
      const action = params.get('Action') ?? ''
      calls.push(action)
      if (params.get('InstanceId') !== undefined && params.get('InstanceId') !== ACR_INSTANCE_ID) {
        return send(200, { IsSuccess: false, Code: 'INSTANCE_NOT_EXIST', Message: 'instance not exist' })
      }
      const ok = { Code: 'success', IsSuccess: true }
      const repoMatches = params.get('RepoId') === ACR_REPO.RepoId || (params.get('RepoNamespaceName') === ACR_REPO.RepoNamespaceName && params.get('RepoName') === ACR_REPO.RepoName)
      switch (action) {
        case 'GetInstance':
          return send(200, { ...ok, InstanceId: ACR_INSTANCE_ID, InstanceName: 'prod-registry', InstanceSpecification: 'Enterprise_Standard', InstanceStatus: 'RUNNING', CreateTime: 1562849679000, ModifiedTime: 1562849679000 })
        case 'ListRepository':
          return send(200, { ...ok, PageNo: 1, PageSize: 30, TotalCount: '1', Repositories: [ACR_REPO] })
        case 'GetRepository':
          return repoMatches ? send(200, { ...ok, ...ACR_REPO, Detail: '' }) : send(200, { IsSuccess: false, Code: 'REPO_NOT_EXIST' })
        case 'ListRepoTag':
          return send(200, { ...ok, PageNo: 1, PageSize: 30, TotalCount: '1', Images: [ACR_IMAGE] })
        case 'GetRepoTag':
          return send(200, { ...ok, ...ACR_IMAGE, ImageCreate: Number(ACR_IMAGE.ImageCreate), ImageUpdate: Number(ACR_IMAGE.ImageUpdate) })
        case 'CreateRepoTagScanTask':
          scanPolls = 0
          return send(200, ok)
        case 'GetRepoTagScanStatus': {
          if (scanPolls < 0) return send(200, { ...ok, Status: '' })
          scanPolls++
          return send(200, { ...ok, Status: scanPolls > 1 ? 'COMPLETE' : 'SCANNING', ScanService: 'ACR_SCAN_SERVICE' })
        }
        case 'ListRepoTagScanResult': {
          const digest = (params.get('Digest') ?? '').replace(/^sha256:/, '')
          const items = digest && digest !== ACR_DIGEST_HEX ? [] : ACR_VULNERABILITIES
          return send(200, { ...ok, PageNo: 1, PageSize: 30, TotalCount: items.length, Vulnerabilities: items })
        }
        case 'ListScanBaselineByTask':
          return send(200, { Code: 200, IsSuccess: true, PageNo: 1, PageSize: 30, TotalCount: ACR_BASELINES.length, ScanBaselines: ACR_BASELINES })
        case 'ListScanMaliciousFileByTask':
          return send(200, { Code: 200, IsSuccess: true, PageNo: 1, PageSize: 30, TotalCount: ACR_MALICIOUS.length, ScanMaliciousFiles: ACR_MALICIOUS })
        case 'CreateScanRule':
        case 'UpdateScanRule': {
          const existing = action === 'UpdateScanRule' ? rules.get(params.get('ScanRuleId') ?? '') : undefined
          if (action === 'UpdateScanRule' && !existing) return send(200, { IsSuccess: false, Code: 'SCAN_RULE_NOT_EXIST', Message: 'scan rule not exist' })
          const id = existing ? String(existing.ScanRuleId) : `crscnr-${randomUUID().replace(/-/g, '').slice(0, 16)}`
          const now = Date.now()
          rules.set(id, {
            ScanRuleId: id,
            InstanceId: ACR_INSTANCE_ID,
            RuleName: params.get('RuleName'),
            ScanScope: params.get('ScanScope'),
            TriggerType: params.get('TriggerType'),
            // UpdateScanRule has no ScanType: a rule's type never changes.
            ScanType: existing ? existing.ScanType : (params.get('ScanType') ?? 'VUL'),
            RepoTagFilterPattern: params.get('RepoTagFilterPattern'),
            Namespaces: JSON.parse(params.get('Namespaces') ?? '[]') as unknown,
            RepoNames: JSON.parse(params.get('RepoNames') ?? '[]') as unknown,
            CreateTime: existing ? existing.CreateTime : now,
            UpdateTime: now,
          })
          // Create and Update type Code as a number (acr-api.md §7).
          return send(200, { Code: 0, ScanRuleId: id })
        }
        case 'GetScanRule': {
          const rule = rules.get(params.get('ScanRuleId') ?? '')
          return rule ? send(200, { ...ok, ScanRule: rule }) : send(200, { IsSuccess: false, Code: 'SCAN_RULE_NOT_EXIST', Message: 'scan rule not exist' })
        }
        case 'ListScanRule': {
          const type = params.get('ScanType') || 'VUL'
          const items = [...rules.values()].filter((r) => r.ScanType === type).map(({ InstanceId: _, ...r }) => r)
          return send(200, { ...ok, PageNo: Number(params.get('PageNo') ?? 1), PageSize: Number(params.get('PageSize') ?? 30), TotalCount: items.length, ScanRules: items })
        }
        case 'DeleteScanRule':
          return rules.delete(params.get('ScanRuleId') ?? '') ? send(200, { Code: 'success' }) : send(200, { IsSuccess: false, Code: 'SCAN_RULE_NOT_EXIST', Message: 'scan rule not exist' })
        default:
          return send(400, { Code: 'InvalidAction.NotFound', Message: `Specified api ${action} is not found.` })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    calls,
    rules,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
