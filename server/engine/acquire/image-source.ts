import type { Readable } from 'node:stream'
import { z } from 'zod'

/** An OCI content descriptor: what a manifest says about one blob or child manifest. */
export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations?: Record<string, string>
}

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

// Docker writes `null` for empty lists and maps, so every optional field accepts it too.
const stringList = z.array(z.string()).nullish()
const emptyObjectMap = z.record(z.string(), z.unknown()).nullish()

const containerConfigSchema = z.looseObject({
  User: z.string().nullish(),
  Env: stringList,
  Cmd: stringList,
  Entrypoint: stringList,
  WorkingDir: z.string().nullish(),
  ExposedPorts: emptyObjectMap,
  Healthcheck: z.looseObject({ Test: stringList }).nullish(),
  Labels: z.record(z.string(), z.string()).nullish(),
  Volumes: emptyObjectMap,
  StopSignal: z.string().nullish(),
  OnBuild: stringList,
  Shell: stringList,
})

const historySchema = z.looseObject({
  created: z.string().nullish(),
  created_by: z.string().nullish(),
  author: z.string().nullish(),
  comment: z.string().nullish(),
  empty_layer: z.boolean().nullish(),
})

/** The OCI / Docker image configuration, as much of it as the scanner reads. */
export const imageConfigSchema = z.looseObject({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().nullish(),
  'os.version': z.string().nullish(),
  created: z.string().nullish(),
  author: z.string().nullish(),
  config: containerConfigSchema.nullish(),
  rootfs: z.looseObject({ type: z.string(), diff_ids: z.array(z.string()) }),
  history: z.array(historySchema).nullish(),
})

export type ImageConfig = z.infer<typeof imageConfigSchema>

/** One image as resolved from a repository and a tag or digest, for one platform. */
export interface ResolvedImage {
  /** What was asked for. */
  repository: string
  reference: string
  /** The top-level manifest or index: what the tag points to. */
  digest: string
  mediaType: string
  /** Every platform the reference offers (one for a plain manifest). */
  platforms: Platform[]
  platform: Platform
  /** The chosen platform's image manifest (equals `digest` for a plain manifest). */
  manifestDigest: string
  config: ImageConfig
  configDescriptor: Descriptor
  /** Bottom to top; `mediaType` tells the compression. */
  layers: Descriptor[]
  /** Config plus compressed layers, in bytes. */
  size: number
}

/** A manifest or index exactly as stored: digests are over these bytes. */
export interface RawManifest {
  digest: string
  mediaType: string
  bytes: Buffer
}

export interface SignalOption {
  signal?: AbortSignal
}

/**
 * Anything images can be read from: a registry, an OCI layout, a docker-save archive
 * or a directory of those. Repositories are full paths such as `demo/shop-app`.
 */
export interface ImageSource {
  /** Sorted full repository paths. */
  listRepositories(opts?: SignalOption): Promise<string[]>
  /** Sorted tags of one repository. */
  listTags(repository: string, opts?: SignalOption): Promise<string[]>
  /** Resolves a tag or digest to one platform's image (default linux/amd64). */
  resolve(repository: string, reference: string, opts?: { platform?: Platform | string; signal?: AbortSignal }): Promise<ResolvedImage>
  /**
   * The manifest or index bytes a tag or digest points to, verified against the digest.
   * Copying an image needs them, since digests are over the exact bytes.
   */
  readManifest(repository: string, reference: string, opts?: SignalOption): Promise<RawManifest>
  /**
   * The blob's bytes, verified against the descriptor's digest and size while
   * streaming: the stream fails with DIGEST_MISMATCH or SIZE_MISMATCH otherwise.
   */
  openBlob(repository: string, descriptor: Descriptor, opts?: SignalOption): Promise<Readable>
  /** Checks that the source answers (and accepts the credentials); registries only. */
  ping?(opts?: SignalOption): Promise<void>
  close(): Promise<void>
}
