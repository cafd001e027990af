import { z } from 'zod'

/**
 * The OpenVEX 0.2.0 JSON schema (openvex/spec `openvex_json_schema.json`), restated in
 * zod because no copy of it ships in node_modules: closed objects, the required keys,
 * the status and justification vocabularies, and the per-status rules (not_affected
 * needs a justification or an impact statement; affected needs an action statement).
 */
const iri = z.string().min(1).refine((s) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s), 'must be an IRI (scheme:…)')
const dateTime = z.iso.datetime({ offset: true })

const identifiers = z
  .strictObject({ purl: z.string().optional(), cpe22: z.string().optional(), cpe23: z.string().optional() })
  .refine((i) => i.purl !== undefined || i.cpe22 !== undefined || i.cpe23 !== undefined, 'needs purl, cpe22 or cpe23')
const hashes = z.record(z.enum(['md5', 'sha1', 'sha-256', 'sha-384', 'sha-512', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'blake2s-256', 'blake2b-256', 'blake2b-512']), z.string())

const unique = <T extends z.ZodType>(item: T) => z.array(item).refine((a) => new Set(a.map((x) => JSON.stringify(x))).size === a.length, 'items must be unique')

const subcomponent = z
  .strictObject({ '@id': iri.optional(), identifiers: identifiers.optional(), hashes: hashes.optional() })
  .refine((c) => c['@id'] !== undefined || c.identifiers !== undefined, 'needs @id or identifiers')
const component = z
  .strictObject({ '@id': iri.optional(), identifiers: identifiers.optional(), hashes: hashes.optional(), subcomponents: unique(subcomponent).optional() })
  .refine((c) => c['@id'] !== undefined || c.identifiers !== undefined, 'needs @id or identifiers')

const statement = z
  .strictObject({
    '@id': iri.optional(),
    version: z.number().int().min(1).optional(),
    vulnerability: z.strictObject({ '@id': iri.optional(), name: z.string(), description: z.string().optional(), aliases: unique(z.string()).optional() }),
    timestamp: dateTime.optional(),
    last_updated: dateTime.optional(),
    products: unique(component).optional(),
    status: z.enum(['not_affected', 'affected', 'fixed', 'under_investigation']),
    supplier: z.string().optional(),
    status_notes: z.string().optional(),
    justification: z
      .enum(['component_not_present', 'vulnerable_code_not_present', 'vulnerable_code_not_in_execute_path', 'vulnerable_code_cannot_be_controlled_by_adversary', 'inline_mitigations_already_exist'])
      .optional(),
    impact_statement: z.string().optional(),
    action_statement: z.string().optional(),
    action_statement_timestamp: dateTime.optional(),
  })
  .refine((s) => s.status !== 'not_affected' || s.justification !== undefined || s.impact_statement !== undefined, 'not_affected needs a justification or an impact_statement')
  .refine((s) => s.status !== 'affected' || s.action_statement !== undefined, 'affected needs an action_statement')

export const openVexSchema = z.strictObject({
  '@context': z.url(),
  '@id': iri,
  author: z.string(),
  role: z.string().optional(),
  timestamp: dateTime,
  last_updated: dateTime.optional(),
  version: z.number().int().min(1),
  tooling: z.string().optional(),
  statements: unique(statement).min(1),
})
