import { AcquireError } from './errors'

const ERROR_BODY_LIMIT = 16 * 1024

/**
 * The AcquireError for a non-2xx registry response. The registry's own error code
 * (`MANIFEST_UNKNOWN`, `DENIED`, …) is added when the body has one; its free-text
 * message is not, since it may echo request details.
 *
 * @example
 * if (!res.ok) throw await responseError(res, 'registry.example.com/demo/app:1.0')
 */
export async function responseError(res: Response, what: string): Promise<AcquireError> {
  const code = await registryErrorCode(res)
  const suffix = code ? `HTTP ${res.status}, ${code}` : `HTTP ${res.status}`
  switch (res.status) {
    case 401:
      return new AcquireError('UNAUTHORIZED', `${what}: authentication failed (${suffix}); check the username and password.`)
    case 403:
      return new AcquireError('FORBIDDEN', `${what}: access denied (${suffix}).`)
    case 404:
      return new AcquireError('NOT_FOUND', `${what}: not found (${suffix}).`)
    case 429:
      return new AcquireError('RATE_LIMITED', `${what}: rate limited by the registry (${suffix}); try again later.`)
    case 502:
    case 503:
    case 504:
      return new AcquireError('UNREACHABLE', `${what}: registry unavailable (${suffix}).`, { retryable: true })
    default:
      return new AcquireError('BAD_RESPONSE', `${what}: unexpected response (${suffix}).`, { retryable: res.status >= 500 })
  }
}

async function registryErrorCode(res: Response): Promise<string | undefined> {
  try {
    if (!res.body) return undefined
    const reader = res.body.getReader()
    let text = ''
    const decoder = new TextDecoder()
    while (text.length < ERROR_BODY_LIMIT) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    await reader.cancel()
    const doc = JSON.parse(text) as { errors?: { code?: unknown }[] }
    const code = doc.errors?.[0]?.code
    return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined
  } catch {
    return undefined
  }
}
