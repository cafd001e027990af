import type { CallOptions } from './client'
import { networkError, parseErrorResponse } from './api-error'

/**
 * Reads a JSON download (a CycloneDX SBOM) as the page would save it, for a view that
 * summarises the very document the user downloads. Downloads are files, not contract
 * operations (contract/exports.ts), so the answer is `unknown` for the caller to parse;
 * a non-2xx answer throws the same ApiError as callOperation.
 *
 * @example
 * const bom = await fetchJsonDocument(exportUrl('exportScanSbom', { scanTaskId }), { signal })
 */
export async function fetchJsonDocument(url: string, options: CallOptions = {}): Promise<unknown> {
  let response: Response
  let text: string
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, */*;q=0.5' }, ...(options.signal ? { signal: options.signal } : {}) })
    text = await response.text()
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw networkError(error)
  }
  if (!response.ok) throw parseErrorResponse(response.status, text, response.headers.get('x-request-id'))
  return JSON.parse(text) as unknown
}
