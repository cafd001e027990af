import { createHash } from 'node:crypto'
import { actionStatement, approvedBy, type VexFinding, type VexInput } from './vex-input'

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0'

type Iso = string
interface OpenVexStatement {
  vulnerability: { name: string; description?: string; aliases?: string[] }
  products: { '@id': string; subcomponents?: { '@id': string }[] }[]
  status: 'not_affected' | 'affected' | 'under_investigation'
  timestamp?: Iso
  justification?: string
  impact_statement?: string
  action_statement?: string
  action_statement_timestamp?: Iso
  status_notes?: string
}

export interface OpenVexDocument {
  '@context': string
  '@id': string
  author: string
  timestamp: Iso
  version: number
  tooling: string
  statements: OpenVexStatement[]
}

const iso = (ms: number) => new Date(ms).toISOString()

function statement(f: VexFinding, product: string): OpenVexStatement {
  const vulnerability = {
    name: f.cveName,
    ...(f.description ? { description: f.description } : {}),
    ...(f.aliases.length ? { aliases: [...new Set(f.aliases)] } : {}),
  }
  const products = [{ '@id': product, ...(f.packagePurl ? { subcomponents: [{ '@id': f.packagePurl }] } : {}) }]
  const d = f.approved
  if (d?.kind === 'FALSE_POSITIVE') {
    return {
      vulnerability,
      products,
      status: 'not_affected',
      ...(d.decisionTime !== null ? { timestamp: iso(d.decisionTime) } : {}),
      justification: d.justification,
      impact_statement: d.reason,
      status_notes: `Exception ${d.exceptionId}, requested by ${d.requestedBy} and approved by ${approvedBy(d)}.`,
    }
  }
  if (!d && f.pending) {
    const p = f.pending
    return {
      vulnerability,
      products,
      status: 'under_investigation',
      timestamp: iso(p.requestTime),
      status_notes: `${p.kind === 'FALSE_POSITIVE' ? 'A false positive' : 'A deferral'} was requested by ${p.requestedBy} (exception ${p.exceptionId}) and awaits a decision: ${p.reason}`,
    }
  }
  return {
    vulnerability,
    products,
    status: 'affected',
    ...(d?.decisionTime != null ? { timestamp: iso(d.decisionTime), action_statement_timestamp: iso(d.decisionTime) } : {}),
    action_statement: actionStatement(f),
  }
}

/**
 * The scan's findings as an OpenVEX 0.2.0 document: the image (its `pkg:oci` purl, with
 * the digest) is the product and each package (its purl) the subcomponent. Approved false
 * positives are `not_affected` with their justification and reason; pending requests
 * `under_investigation`; everything else `affected` with what to do (the fix, or the
 * approved deferral and until when). The document id is derived from its content, so the
 * same decisions give the same id.
 */
export function toOpenVex(input: VexInput, opts: { now: Date; toolVersion: string }): OpenVexDocument {
  // One package at two places in the image has one purl: its two findings say the same thing once.
  const unique = new Map(input.findings.map((f) => statement(f, input.imagePurl)).map((s) => [JSON.stringify(s), s]))
  const statements = [...unique.values()]
  const digest = createHash('sha256').update(JSON.stringify([input.scanTaskId, statements])).digest('hex')
  return {
    '@context': OPENVEX_CONTEXT,
    '@id': `urn:layerscope:vex:${input.scanTaskId}:${digest.slice(0, 32)}`,
    author: 'Layerscope',
    timestamp: opts.now.toISOString(),
    version: 1,
    tooling: `Layerscope ${opts.toolVersion}`,
    statements,
  }
}
