/** Media types of the OCI image spec and the Docker formats that preceded it. */
export const MediaType = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const

export const INDEX_TYPES: readonly string[] = [MediaType.ociIndex, MediaType.dockerManifestList]
export const MANIFEST_TYPES: readonly string[] = [MediaType.ociManifest, MediaType.dockerManifest]
export const CONFIG_TYPES: readonly string[] = [MediaType.ociConfig, MediaType.dockerConfig]
export const SCHEMA1_TYPES: readonly string[] = [MediaType.dockerSchema1, MediaType.dockerSchema1Signed]

/** What a registry is asked for; schema 1 is left out on purpose so it is never chosen. */
export const MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')

export type Compression = 'gzip' | 'zstd' | 'none' | 'unknown'

/**
 * Strips parameters (`; charset=…`) and case, as Content-Type headers carry them.
 *
 * @example
 * normalizeMediaType('Application/JSON; charset=utf-8') // 'application/json'
 */
export function normalizeMediaType(value: string | null | undefined): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * What a layer media type says about compression. Foreign and non-distributable
 * layers are tar layers too; anything without `tar` in it is not a layer at all.
 *
 * @example
 * layerCompression('application/vnd.oci.image.layer.v1.tar+zstd') // 'zstd'
 */
export function layerCompression(mediaType: string): Compression {
  const mt = normalizeMediaType(mediaType)
  // Encrypted layers (ocicrypt) cannot be read without keys we never have.
  if (!mt.includes('tar') || mt.includes('encrypted')) return 'unknown'
  if (mt.endsWith('+gzip') || mt.endsWith('.gzip')) return 'gzip'
  if (mt.endsWith('+zstd') || mt.endsWith('.zstd')) return 'zstd'
  if (mt.endsWith('.tar')) return 'none'
  return 'unknown'
}

/**
 * True for the layer media types the scanner can read (tar, gzip or zstd tar).
 *
 * @example
 * isLayerMediaType('application/vnd.in-toto+json') // false
 */
export function isLayerMediaType(mediaType: string): boolean {
  return layerCompression(mediaType) !== 'unknown'
}
