import { describe, expect, it } from 'vitest'
import { cycloneDxSchema } from './testing/cyclonedx-schema'
import { checkJsonSchema } from './testing/json-schema-check'
import { openVexSchema } from './testing/openvex-schema'
import { CYCLONEDX_JUSTIFICATION, toCycloneDxVex } from './vex-cyclonedx'
import type { VexDecision, VexFinding, VexInput } from './vex-input'
import { OPENVEX_CONTEXT, toOpenVex } from './vex-openvex'

const T0 = Date.UTC(2026, 2, 1, 12)
const DAY = 86_400_000
const decision = (over: Partial<VexDecision>): VexDecision => ({
  exceptionId: 'vex-aaaaaaaaaaaaaaaa',
  kind: 'FALSE_POSITIVE',
  justification: 'vulnerable_code_not_in_execute_path',
  reason: 'JNDI lookups are disabled by log4j2.formatMsgNoLookups in every deployment.',
  expiry: null,
  expiresAt: null,
  requestedBy: 'ops-bot',
  requestTime: T0 - 2 * DAY,
  decidedBy: 'security-lead',
  decisionTime: T0 - DAY,
  selfApproval: false,
  ...over,
})
const finding = (over: Partial<VexFinding>): VexFinding => ({
  cveName: 'CVE-2021-44228',
  description: 'Remote code injection in Log4j',
  aliases: ['GHSA-jfh8-c2jp-5v3q'],
  componentId: '0123456789abcdef',
  packageName: 'log4j-core',
  packageVersion: '2.14.1',
  packagePurl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
  versionFixed: '2.15.0',
  fixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0',
  approved: null,
  pending: null,
  ...over,
})

const input: VexInput = {
  scanTaskId: '6b0b094f-8a90-4f8f-b660-2427aed0a1b2',
  repository: 'demo/shop-app',
  tag: '1.0.0',
  digest: `sha256:${'ab'.repeat(32)}`,
  imagePurl: `pkg:oci/shop-app@sha256%3A${'ab'.repeat(32)}?repository_url=demo%2Fshop-app&tag=1.0.0`,
  scannedAt: T0 - 3 * DAY,
  findings: [
    finding({ approved: decision({}) }),
    finding({ cveName: 'CVE-2021-45046', componentId: '0123456789abcdef', approved: decision({ exceptionId: 'vex-bbbbbbbbbbbbbbbb', kind: 'DEFERRAL', expiry: 'THIRTY_DAYS', expiresAt: T0 + 29 * DAY, justification: 'inline_mitigations_already_exist' }) }),
    finding({ cveName: 'CVE-2022-23305', versionFixed: '', fixCmd: '', approved: decision({ exceptionId: 'vex-cccccccccccccccc', kind: 'DEFERRAL', expiry: 'UNTIL_FIXED', justification: 'vulnerable_code_cannot_be_controlled_by_adversary' }) }),
    finding({ cveName: 'CVE-2020-8203', componentId: 'fedcba9876543210', packageName: 'lodash', packageVersion: '4.17.15', packagePurl: 'pkg:npm/lodash@4.17.15', aliases: [], pending: decision({ exceptionId: 'vex-dddddddddddddddd', decidedBy: null, decisionTime: null }) }),
    finding({ cveName: 'CVE-2019-10744', componentId: 'fedcba9876543210', packageName: 'lodash', packageVersion: '4.17.15', packagePurl: 'pkg:npm/lodash@4.17.15', aliases: [], versionFixed: '4.17.12', fixCmd: 'npm install lodash@4.17.12' }),
    finding({ cveName: 'CVE-2024-99999', componentId: 'fedcba9876543210', packageName: 'lodash', packageVersion: '4.17.15', packagePurl: 'pkg:npm/lodash@4.17.15', versionFixed: '', fixCmd: '', description: '' }),
  ],
}
const opts = { now: new Date(T0), toolVersion: '0.1.0' }

describe('toOpenVex', () => {
  const doc = toOpenVex(input, opts)

  it('passes the OpenVEX 0.2.0 schema', () => {
    const parsed = openVexSchema.safeParse(doc)
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
  })

  it('the schema check can fail: not_affected without justification or impact statement, affected without action', () => {
    const [first, second] = doc.statements
    const broken = { ...doc, statements: [{ ...first, justification: undefined, impact_statement: undefined }, { ...second, action_statement: undefined }] }
    const issues = openVexSchema.safeParse(JSON.parse(JSON.stringify(broken))).error?.issues.map((i) => i.message)
    expect(issues).toEqual(['not_affected needs a justification or an impact_statement', 'affected needs an action_statement'])
  })

  it('names the image by its pkg:oci purl with the digest, and the package as the subcomponent', () => {
    expect(doc['@context']).toBe(OPENVEX_CONTEXT)
    expect(doc.statements[0]?.products).toEqual([{ '@id': input.imagePurl, subcomponents: [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }] }])
  })

  it('says not_affected with the justification and the reason for an approved false positive', () => {
    expect(doc.statements[0]).toMatchObject({
      vulnerability: { name: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] },
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impact_statement: 'JNDI lookups are disabled by log4j2.formatMsgNoLookups in every deployment.',
      timestamp: new Date(T0 - DAY).toISOString(),
    })
  })

  it('says affected with the deferral and its end for an approved deferral', () => {
    expect(doc.statements[1]?.status).toBe('affected')
    expect(doc.statements[1]?.action_statement).toContain(`until ${new Date(T0 + 29 * DAY).toISOString()}`)
    expect(doc.statements[2]?.action_statement).toContain('until a fixed version is available')
  })

  it('says under_investigation while a request waits, and affected with the fix otherwise', () => {
    expect(doc.statements[3]).toMatchObject({ status: 'under_investigation' })
    expect(doc.statements[3]?.status_notes).toContain('vex-dddddddddddddddd')
    expect(doc.statements[4]).toMatchObject({ status: 'affected', action_statement: 'Upgrade lodash to 4.17.12: npm install lodash@4.17.12' })
    expect(doc.statements[5]?.action_statement).toMatch(/^No fixed version of lodash is known yet/)
  })

  it('states a package found twice in the image once', () => {
    const twice = toOpenVex({ ...input, findings: [input.findings[4] as VexFinding, { ...(input.findings[4] as VexFinding), componentId: '1111111111111111' }] }, opts)
    expect(twice.statements).toHaveLength(1)
  })

  it('derives its id from the statements: same decisions, same id; another decision, another id', () => {
    expect(toOpenVex(input, { ...opts, now: new Date(T0 + DAY) })['@id']).toBe(doc['@id'])
    expect(toOpenVex({ ...input, findings: input.findings.slice(1) }, opts)['@id']).not.toBe(doc['@id'])
  })
})

describe('toCycloneDxVex', () => {
  const bom = toCycloneDxVex(input, opts)
  const schema = cycloneDxSchema()

  it('passes the official CycloneDX 1.6 JSON schema', () => {
    expect(checkJsonSchema(schema, JSON.parse(JSON.stringify(bom)))).toEqual([])
  })

  it('the schema check can fail: an unknown analysis state and a missing affects ref', () => {
    const broken = JSON.parse(JSON.stringify(bom)) as { vulnerabilities: { analysis: { state: string }; affects: { ref?: string }[] }[] }
    const [v] = broken.vulnerabilities
    if (!v) throw new Error('no vulnerability')
    v.analysis.state = 'deferred'
    delete v.affects[0]?.ref
    const errors = checkJsonSchema(schema, broken)
    expect(errors).toContain('$.vulnerabilities[0].analysis.state: "deferred" is not one of ["resolved","resolved_with_pedigree","exploitable","in_triage","false_positive","not_affected"]')
    expect(errors).toContain('$.vulnerabilities[0].affects[0]: missing ref')
  })

  it('records the decision in analysis: not_affected + justification, exploitable + response, in_triage while pending', () => {
    const [fp, deferred, untilFixed, pending, observed, unfixed] = bom.vulnerabilities
    expect(fp?.analysis).toMatchObject({ state: 'not_affected', justification: CYCLONEDX_JUSTIFICATION.vulnerable_code_not_in_execute_path })
    expect(fp?.affects).toEqual([{ ref: '0123456789abcdef', versions: [{ version: '2.14.1', status: 'unaffected' }] }])
    expect(deferred?.analysis).toMatchObject({ state: 'exploitable', response: ['workaround_available'] })
    expect(untilFixed?.analysis).toMatchObject({ state: 'exploitable', response: ['can_not_fix'] })
    expect(pending?.analysis.state).toBe('in_triage')
    expect(observed?.analysis).toMatchObject({ state: 'exploitable', response: ['update'] })
    expect(unfixed?.analysis).not.toHaveProperty('response')
  })

  it('points every affects ref at a component, with unique bom-refs', () => {
    const refs = new Set(bom.components.map((c) => c['bom-ref']))
    expect(bom.vulnerabilities.flatMap((v) => v.affects.map((a) => a.ref)).filter((r) => !refs.has(r))).toEqual([])
    const all = [bom.metadata.component['bom-ref'], ...refs, ...bom.vulnerabilities.map((v) => v['bom-ref'])]
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('a self-approval (sign-in off)', () => {
  const self = decision({ requestedBy: 'local operator', decidedBy: 'local operator', selfApproval: true })
  const selfInput: VexInput = { ...input, findings: [finding({ approved: self }), finding({ cveName: 'CVE-2021-45046', approved: { ...self, kind: 'DEFERRAL', expiry: 'THIRTY_DAYS', expiresAt: T0 + 29 * DAY } })] }

  it('says so in both formats, where a second approver is named otherwise', () => {
    const open = toOpenVex(selfInput, opts)
    expect(open.statements[0]?.status_notes).toContain('approved by local operator (self-approved while sign-in was off)')
    expect(open.statements[1]?.action_statement).toContain('self-approved while sign-in was off')
    const bom = toCycloneDxVex(selfInput, opts)
    expect(bom.vulnerabilities[0]?.analysis.detail).toContain('self-approved while sign-in was off')
    expect(JSON.stringify(toOpenVex(input, opts))).not.toContain('self-approved')
  })
})
