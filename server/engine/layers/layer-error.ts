import { isAbortError, isAcquireError } from '../acquire/errors'

/**
 * Why a layer could not be read. Each of these fails the scan: a layer we could not read
 * whole, or whose bytes are not the ones the image names, gives an inventory we cannot
 * stand behind, and a partial result must never be cached under the layer's diffID.
 */
export type LayerErrorCode =
  /** The compressed blob is not the one the manifest names. */
  | 'DIGEST_MISMATCH'
  /** The blob is shorter or longer than the manifest says. */
  | 'SIZE_MISMATCH'
  /** The uncompressed tar is not the one the config's rootfs.diff_ids names. */
  | 'DIFF_ID_MISMATCH'
  /** Not valid gzip/zstd, or not a tar at all. */
  | 'CORRUPT'
  /** The tar ends in the middle of an entry. */
  | 'TRUNCATED'
  /** Past the uncompressed-bytes or ratio cap (decompression bomb), or too many entries. */
  | 'TOO_LARGE'
  /** A compression or media type we cannot read. */
  | 'UNSUPPORTED'
  /** The source failed while sending the blob (network, permissions); may be retried. */
  | 'SOURCE'

/**
 * A layer that could not be read. The message names the layer and says what was wrong,
 * so the scan can fail with it as is.
 *
 * @example
 * if (err instanceof LayerError && err.code === 'DIFF_ID_MISMATCH') markImageBroken()
 */
export class LayerError extends Error {
  readonly retryable: boolean

  constructor(
    readonly code: LayerErrorCode,
    message: string,
    opts: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'LayerError'
    this.retryable = opts.retryable ?? false
  }
}

/**
 * Turns whatever reading a layer threw into a LayerError naming the layer; aborts and
 * LayerErrors pass through untouched.
 *
 * @example
 * try { … } catch (err) { throw toLayerError(err, 'layer 3 (sha256:ab12…)') }
 */
export function toLayerError(err: unknown, what: string): unknown {
  if (err instanceof LayerError || isAbortError(err)) return err
  const detail = err instanceof Error ? err.message : String(err)
  if (isAcquireError(err)) {
    const code: LayerErrorCode =
      err.code === 'DIGEST_MISMATCH' ? 'DIGEST_MISMATCH'
      : err.code === 'SIZE_MISMATCH' ? 'SIZE_MISMATCH'
      : err.code === 'TOO_LARGE' ? 'TOO_LARGE'
      : err.code === 'BAD_RESPONSE' ? 'CORRUPT'
      : err.code === 'UNSUPPORTED_MEDIA_TYPE' ? 'UNSUPPORTED'
      : 'SOURCE'
    return new LayerError(code, `${what}: ${detail}`, { retryable: err.retryable, cause: err })
  }
  // zlib and stream errors that did not come through decompressLayer (e.g. a premature close).
  return new LayerError('SOURCE', `${what}: ${detail}`, { cause: err })
}
