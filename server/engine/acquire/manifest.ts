import { z } from 'zod'
import { AcquireError } from './errors'
import type { Descriptor } from './image-source'
import { INDEX_TYPES, MANIFEST_TYPES, normalizeMediaType, SCHEMA1_TYPES } from './media-types'
import { isValidDigest } from './reference'

export const MIB = 1024 * 1024
export const LIMITS = {
  manifestBytes: 4 * MIB,
  configBytes: 8 * MIB,
  indexEntries: 1024,
  layers: 256,
} as const

const platformSchema = z.looseObject({ os: z.string(), architecture: z.string(), variant: z.string().optional() })

export const descriptorSchema = z.looseObject({
  mediaType: z.string().min(1),
  digest: z.string().refine(isValidDigest, 'invalid or unsupported digest'),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  platform: platformSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  urls: z.array(z.string()).optional(),
})

const indexSchema = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(descriptorSchema),
  annotations: z.record(z.string(), z.string()).optional(),
})

const imageManifestSchema = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
  annotations: z.record(z.string(), z.string()).optional(),
})

export type ImageManifest = { kind: 'manifest'; mediaType: string; artifactType?: string; config: Descriptor; layers: Descriptor[] }
export type ParsedManifest = { kind: 'index'; mediaType: string; manifests: Descriptor[] } | ImageManifest

/**
 * Keeps only the descriptor fields we model, so copies never carry stray keys.
 *
 * @example
 * const desc = toDescriptor(descriptorSchema.parse(json))
 */
export function toDescriptor(d: z.infer<typeof descriptorSchema>): Descriptor {
  const out: Descriptor = { mediaType: d.mediaType, digest: d.digest, size: d.size }
  if (d.platform) out.platform = { os: d.platform.os, architecture: d.platform.architecture, ...(d.platform.variant ? { variant: d.platform.variant } : {}) }
  if (d.annotations) out.annotations = d.annotations
  return out
}

/**
 * Parses manifest or index bytes. The media type comes from the document, else from
 * the Content-Type it was served with, else from its shape. Schema 1 is refused.
 *
 * @example
 * const m = parseManifest(bytes, res.headers.get('content-type'), 'registry.example.com/demo/app:1.0')
 * if (m.kind === 'index') console.log(m.manifests.length)
 */
export function parseManifest(bytes: Buffer, contentType: string | null | undefined, what: string): ParsedManifest {
  const doc = parseJsonObject(bytes, what, 'manifest')
  const declared = typeof doc.mediaType === 'string' ? normalizeMediaType(doc.mediaType) : ''
  const served = normalizeMediaType(contentType)
  if (doc.schemaVersion === 1 || SCHEMA1_TYPES.includes(declared) || SCHEMA1_TYPES.includes(served)) {
    throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `${what}: Docker schema 1 manifests are not supported; push the image again with a current client.`)
  }
  const known = [...INDEX_TYPES, ...MANIFEST_TYPES]
  const shape = Array.isArray(doc.manifests) ? INDEX_TYPES[0] : MANIFEST_TYPES[0]
  const mediaType = declared || (known.includes(served) ? served : (shape ?? ''))
  if (INDEX_TYPES.includes(mediaType)) {
    const parsed = indexSchema.safeParse(doc)
    if (!parsed.success) throw invalid(what, parsed.error)
    if (parsed.data.manifests.length > LIMITS.indexEntries) throw tooMany(what, 'index entries', LIMITS.indexEntries)
    return { kind: 'index', mediaType, manifests: parsed.data.manifests.map(toDescriptor) }
  }
  if (MANIFEST_TYPES.includes(mediaType)) {
    const parsed = imageManifestSchema.safeParse(doc)
    if (!parsed.success) throw invalid(what, parsed.error)
    const m = parsed.data
    if (m.layers.length > LIMITS.layers) throw tooMany(what, 'layers', LIMITS.layers)
    return { kind: 'manifest', mediaType, ...(m.artifactType ? { artifactType: m.artifactType } : {}), config: toDescriptor(m.config), layers: m.layers.map(toDescriptor) }
  }
  throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `${what}: media type "${mediaType.slice(0, 100)}" is not an image manifest or index.`)
}

/**
 * Parses bytes that must hold one JSON object; INVALID_MANIFEST otherwise.
 *
 * @example const doc = parseJsonObject(bytes, 'archive.tar', 'manifest.json')
 */
export function parseJsonObject(bytes: Buffer, what: string, kind: string): Record<string, unknown> {
  let doc: unknown
  try {
    doc = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new AcquireError('INVALID_MANIFEST', `${what}: ${kind} is not valid JSON.`)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new AcquireError('INVALID_MANIFEST', `${what}: ${kind} is not a JSON object.`)
  return doc as Record<string, unknown>
}

function tooMany(what: string, things: string, limit: number): AcquireError {
  return new AcquireError('TOO_LARGE', `${what}: more than ${limit} ${things}.`)
}

function invalid(what: string, error: z.ZodError): AcquireError {
  const first = error.issues[0]
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'does not match the schema'
  return new AcquireError('INVALID_MANIFEST', `${what}: invalid manifest (${where}).`)
}
