import { AcquireError } from './errors'
import { type Descriptor, type ImageConfig, imageConfigSchema, type Platform, type RawManifest, type ResolvedImage } from './image-source'
import { LIMITS, parseManifest, type ParsedManifest } from './manifest'
import { CONFIG_TYPES, INDEX_TYPES, isLayerMediaType, MANIFEST_TYPES, normalizeMediaType } from './media-types'
import { choosePlatform, DEFAULT_PLATFORM, formatPlatform, isAttestation, parsePlatform } from './platform'

/**
 * How a source hands content to the shared resolver. Both reads verify digest and
 * size and stay within `limit`, so everything here can trust what it gets.
 */
export interface ContentReader {
  /** Names a repository in messages, e.g. `registry.example.com/demo/app`. */
  describe(repository: string): string
  readBlob(repository: string, desc: Descriptor, limit: number, signal?: AbortSignal): Promise<Buffer>
}

const MAX_NESTING = 3
/** Index entries without a platform need their config read; this bounds that work. */
const MAX_UNLABELLED = 16

interface Candidate {
  desc: Descriptor
  platform?: Platform
  manifest?: Extract<ParsedManifest, { kind: 'manifest' }>
}

/**
 * Turns a top-level manifest or index into one platform's image: walks nested
 * indexes, skips attestations, picks the platform (default linux/amd64), then reads
 * and checks the config. Used by every source, so they all behave the same.
 *
 * @example
 * const top = await source.readManifest('demo/app', '1.0')
 * const image = await resolveImage(reader, top, { repository: 'demo/app', reference: '1.0', platform: 'linux/arm64' })
 */
export async function resolveImage(
  reader: ContentReader,
  top: RawManifest,
  ask: { repository: string; reference: string; platform?: Platform | string | undefined; signal?: AbortSignal | undefined },
): Promise<ResolvedImage> {
  const what = `${reader.describe(ask.repository)}@${top.digest}`
  const parsed = parseManifest(top.bytes, top.mediaType, what)
  const base = { repository: ask.repository, reference: ask.reference, digest: top.digest, mediaType: parsed.mediaType }
  if (parsed.kind === 'manifest') {
    const image = await readImage(reader, ask.repository, parsed, what, ask.signal)
    return { ...base, platforms: [image.platform], manifestDigest: top.digest, ...image }
  }
  const candidates: Candidate[] = []
  await collect(reader, ask.repository, parsed.manifests, what, candidates, 0, ask.signal)
  if (!candidates.length) throw new AcquireError('NOT_FOUND', `${what}: the index lists no runnable image.`)
  if (candidates.length > 1) await labelPlatforms(reader, ask.repository, candidates, what, ask.signal)
  const wanted = parsePlatform(ask.platform ?? DEFAULT_PLATFORM)
  let chosen = choosePlatform(wanted, candidates.map((c) => c.platform))
  if (chosen < 0 && candidates.length === 1 && !candidates[0]?.platform) chosen = 0
  const pick = candidates[chosen]
  if (!pick) {
    const offered = candidates.map((c) => (c.platform ? formatPlatform(c.platform) : 'unknown')).join(', ')
    throw new AcquireError('NOT_FOUND', `${what}: no image for platform ${formatPlatform(wanted)} (offered: ${offered}).`)
  }
  const manifest = pick.manifest ?? (await readChildManifest(reader, ask.repository, pick.desc, what, ask.signal))
  if (manifest.kind !== 'manifest') throw new AcquireError('INVALID_MANIFEST', `${what}: index entry ${pick.desc.digest} is not an image manifest.`)
  const image = await readImage(reader, ask.repository, manifest, `${reader.describe(ask.repository)}@${pick.desc.digest}`, ask.signal)
  const platforms = dedupePlatforms(candidates.map((c) => c.platform ?? image.platform))
  return { ...base, platforms, manifestDigest: pick.desc.digest, ...image, platform: pick.platform ?? image.platform }
}

async function collect(reader: ContentReader, repo: string, entries: Descriptor[], what: string, out: Candidate[], depth: number, signal?: AbortSignal) {
  for (const desc of entries) {
    if (isAttestation(desc)) continue
    const mt = normalizeMediaType(desc.mediaType)
    if (MANIFEST_TYPES.includes(mt)) {
      out.push({ desc, ...(desc.platform ? { platform: desc.platform } : {}) })
    } else if (INDEX_TYPES.includes(mt)) {
      // Nested indexes are legal (OCI layouts use them); a cycle or deep chain is not.
      if (depth >= MAX_NESTING) throw new AcquireError('INVALID_MANIFEST', `${what}: indexes nested more than ${MAX_NESTING} deep.`)
      const child = await readChildManifest(reader, repo, desc, what, signal)
      if (child.kind === 'index') await collect(reader, repo, child.manifests, what, out, depth + 1, signal)
    }
    if (out.length > LIMITS.indexEntries) throw new AcquireError('TOO_LARGE', `${what}: more than ${LIMITS.indexEntries} images in the index.`)
  }
}

async function readChildManifest(reader: ContentReader, repo: string, desc: Descriptor, what: string, signal?: AbortSignal): Promise<ParsedManifest> {
  if (desc.size > LIMITS.manifestBytes) throw new AcquireError('TOO_LARGE', `${what}: manifest ${desc.digest} declares ${desc.size} bytes, over the ${LIMITS.manifestBytes}-byte limit.`)
  const bytes = await reader.readBlob(repo, desc, LIMITS.manifestBytes, signal)
  return parseManifest(bytes, desc.mediaType, `${reader.describe(repo)}@${desc.digest}`)
}

/** Entries without a platform (common in OCI layouts) get it from their config. */
async function labelPlatforms(reader: ContentReader, repo: string, candidates: Candidate[], what: string, signal?: AbortSignal) {
  const unlabelled = candidates.filter((c) => !c.platform)
  for (const c of unlabelled.slice(0, MAX_UNLABELLED)) {
    const m = await readChildManifest(reader, repo, c.desc, what, signal)
    if (m.kind !== 'manifest') continue
    c.manifest = m
    c.platform = (await readImage(reader, repo, m, `${reader.describe(repo)}@${c.desc.digest}`, signal)).platform
  }
}

async function readImage(reader: ContentReader, repo: string, m: Extract<ParsedManifest, { kind: 'manifest' }>, what: string, signal?: AbortSignal) {
  const configType = normalizeMediaType(m.config.mediaType)
  if (!CONFIG_TYPES.includes(configType) || (m.artifactType && !CONFIG_TYPES.includes(normalizeMediaType(m.artifactType)))) {
    const kind = m.artifactType ?? m.config.mediaType
    throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `${what}: not a container image (artifact type "${kind.slice(0, 100)}").`)
  }
  if (m.config.size > LIMITS.configBytes) {
    throw new AcquireError('TOO_LARGE', `${what}: config ${m.config.digest} declares ${m.config.size} bytes, over the ${LIMITS.configBytes}-byte limit.`)
  }
  for (const layer of m.layers) {
    if (!isLayerMediaType(layer.mediaType)) throw new AcquireError('UNSUPPORTED_MEDIA_TYPE', `${what}: layer ${layer.digest} has unsupported media type "${layer.mediaType.slice(0, 100)}".`)
  }
  const bytes = await reader.readBlob(repo, m.config, LIMITS.configBytes, signal)
  const config = parseConfig(bytes, `${what} config ${m.config.digest}`)
  if (config.rootfs.diff_ids.length !== m.layers.length) {
    throw new AcquireError('INVALID_MANIFEST', `${what}: ${m.layers.length} layers but ${config.rootfs.diff_ids.length} diff_ids in the config.`)
  }
  const platform: Platform = { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) }
  const size = m.config.size + m.layers.reduce((sum, l) => sum + l.size, 0)
  return { config, configDescriptor: m.config, layers: m.layers, platform, size }
}

/**
 * Parses image config bytes with the zod schema.
 *
 * @example const config = parseConfig(bytes, 'demo/app config')
 */
export function parseConfig(bytes: Buffer, what: string): ImageConfig {
  let doc: unknown
  try {
    doc = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new AcquireError('INVALID_MANIFEST', `${what}: not valid JSON.`)
  }
  const parsed = imageConfigSchema.safeParse(doc)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AcquireError('INVALID_MANIFEST', `${what}: invalid image config (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema'}).`)
  }
  return parsed.data
}

function dedupePlatforms(list: Platform[]): Platform[] {
  const seen = new Map<string, Platform>()
  for (const p of list) if (!seen.has(formatPlatform(p))) seen.set(formatPlatform(p), p)
  return [...seen.values()]
}
