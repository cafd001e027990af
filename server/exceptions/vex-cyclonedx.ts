import { createHash } from 'node:crypto'
import type { VexJustification } from '@contract/exceptions'
import { actionStatement, approvedBy, type VexFinding, type VexInput } from './vex-input'

/**
 * OpenVEX justifications in CycloneDX's words (impactAnalysisJustification), as the CISA
 * VEX status justifications map onto them: absent code and absent components are both
 * "code not present"; an adversary who cannot reach the code needs an environment that is
 * not there; existing mitigations are a mitigating control.
 */
export const CYCLONEDX_JUSTIFICATION: Record<VexJustification, string> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
}

interface Analysis {
  state: 'not_affected' | 'exploitable' | 'in_triage'
  justification?: string
  response?: string[]
  detail: string
  firstIssued?: string
  lastUpdated?: string
}

const iso = (ms: number) => new Date(ms).toISOString()

function analysis(f: VexFinding): Analysis {
  const d = f.approved
  if (d?.kind === 'FALSE_POSITIVE') {
    return {
      state: 'not_affected',
      justification: CYCLONEDX_JUSTIFICATION[d.justification],
      detail: `${d.reason} (exception ${d.exceptionId}: ${d.justification}, approved by ${approvedBy(d)})`,
      firstIssued: iso(d.requestTime),
      ...(d.decisionTime !== null ? { lastUpdated: iso(d.decisionTime) } : {}),
    }
  }
  if (!d && f.pending) {
    return { state: 'in_triage', detail: `Exception ${f.pending.exceptionId} requested by ${f.pending.requestedBy} awaits a decision: ${f.pending.reason}`, firstIssued: iso(f.pending.requestTime) }
  }
  // Deferred or observed, the finding stands: what differs is when it will be dealt with.
  const response = d ? (d.justification === 'inline_mitigations_already_exist' ? ['workaround_available'] : d.expiry === 'UNTIL_FIXED' ? ['can_not_fix'] : []) : f.versionFixed ? ['update'] : []
  return {
    state: 'exploitable',
    ...(response.length ? { response } : {}),
    detail: actionStatement(f),
    ...(d ? { firstIssued: iso(d.requestTime), ...(d.decisionTime !== null ? { lastUpdated: iso(d.decisionTime) } : {}) } : {}),
  }
}

/** A name-based (v5) UUID of the scan and its statements: the same decisions, the same serial number. */
function serialNumber(seed: string): string {
  const hash = createHash('sha1').update(Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')).update(seed).digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The scan's findings as a CycloneDX 1.6 VEX: the image as metadata.component, its
 * affected packages as components (bom-ref = componentId, as the scan's SBOM names
 * them, so the two documents join), and one vulnerability per finding whose `analysis`
 * carries the decision: not_affected with a justification for approved false positives,
 * in_triage while a request is pending, exploitable otherwise (with the response and
 * what to do, including an approved deferral's end).
 */
export function toCycloneDxVex(input: VexInput, opts: { now: Date; toolVersion: string }) {
  const components = new Map<string, { type: 'library'; 'bom-ref': string; name: string; version: string; purl?: string }>()
  for (const f of input.findings) {
    if (!components.has(f.componentId)) {
      components.set(f.componentId, { type: 'library', 'bom-ref': f.componentId, name: f.packageName, version: f.packageVersion, ...(f.packagePurl ? { purl: f.packagePurl } : {}) })
    }
  }
  const vulnerabilities = input.findings.map((f) => ({
    'bom-ref': `${f.cveName}@${f.componentId}`,
    id: f.cveName,
    ...(f.description ? { description: f.description } : {}),
    analysis: analysis(f),
    affects: [{ ref: f.componentId, versions: [{ version: f.packageVersion, status: f.approved?.kind === 'FALSE_POSITIVE' ? 'unaffected' : f.pending && !f.approved ? 'unknown' : 'affected' }] }],
  }))
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: serialNumber(JSON.stringify(['vex', input.scanTaskId, vulnerabilities])),
    version: 1,
    metadata: {
      timestamp: opts.now.toISOString(),
      tools: { components: [{ type: 'application', name: 'Layerscope', version: opts.toolVersion }] },
      component: { type: 'container', 'bom-ref': input.imagePurl, name: input.repository, version: input.digest, purl: input.imagePurl },
    },
    components: [...components.values()],
    vulnerabilities,
  }
}
