import dns from 'node:dns/promises'
import net from 'node:net'
import { DiagnosisFailure, type StepResult } from './connection-diagnostics-result'

/** Where a connection test points: the host and port of the URL, and whether it is https. */
export interface ProbeTarget {
  /** Host name or IP address, without IPv6 brackets. */
  host: string
  port: number
  /** `host:port` as written in messages (IPv6 in brackets). */
  hostPort: string
  timeoutMs: number
}

const DNS_NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA'])

/**
 * Resolves the host name the way the connection will (getaddrinfo, so /etc/hosts counts).
 * An IP address needs no lookup and is reported as skipped.
 *
 * @example const { value: addresses } = await resolveHost(target) // ['10.0.0.5']
 */
export async function resolveHost(target: ProbeTarget): Promise<StepResult<string[]>> {
  if (net.isIP(target.host))
    return {
      status: 'SKIPPED',
      detail: `${target.host} is an IP address: nothing to resolve.`,
      value: [target.host],
    }
  try {
    // getaddrinfo cannot be cancelled; the race only stops the test from waiting on it.
    const found = await withTimeout(dns.lookup(target.host, { all: true }), target.timeoutMs, () =>
      Object.assign(new Error('timeout'), { code: 'EAI_AGAIN' }),
    )
    const addresses = found.map((a) => a.address)
    return {
      status: 'PASSED',
      detail: `${target.host} resolves to ${addresses.join(', ')}.`,
      value: addresses,
    }
  } catch (err) {
    const code = errorCode(err)
    if (DNS_NOT_FOUND.has(code)) {
      throw new DiagnosisFailure('dns', `cannot resolve ${target.host}: no such host (${code}).`, {
        hint: 'Check the host name. Names that only your workstation knows (its hosts file, a VPN’s DNS) are not visible to the Layerscope server.',
      })
    }
    throw new DiagnosisFailure(
      'dns',
      `cannot resolve ${target.host}: the DNS server did not answer (${code || 'no answer'}).`,
      {
        hint: 'A temporary DNS failure: test again. If it persists, check the DNS configuration of the Layerscope server.',
      },
    )
  }
}

/**
 * Opens (and closes) a TCP connection to the first resolved address that accepts one, as
 * HTTP clients try a host's IPv6 and IPv4 addresses in turn; answers the address used.
 * A failure names the last refusal, timeout or missing route. Messages start with
 * "cannot reach", as the registry client's do.
 */
export async function connectTcp(
  target: ProbeTarget,
  addresses: readonly string[],
): Promise<StepResult<string>> {
  let failure: DiagnosisFailure | undefined
  for (const address of addresses) {
    try {
      await connectOnce(target, address)
      return {
        status: 'PASSED',
        detail: `Connected to ${formatAddress(address)}:${target.port}.`,
        value: address,
      }
    } catch (err) {
      if (!(err instanceof DiagnosisFailure)) throw err
      failure = err
    }
  }
  throw (
    failure ??
    new DiagnosisFailure('connect', `cannot reach ${target.hostPort}: no address to connect to.`, {
      hint: null,
    })
  )
}

async function connectOnce(target: ProbeTarget, address: string): Promise<void> {
  const socket = net.connect({ host: address, port: target.port })
  try {
    await new Promise<void>((resolve, reject) => {
      socket.setTimeout(target.timeoutMs, () =>
        reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      )
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
  } catch (err) {
    throw connectFailure(target, address, errorCode(err))
  } finally {
    socket.destroy()
  }
}

function connectFailure(target: ProbeTarget, address: string, code: string): DiagnosisFailure {
  const at = `${formatAddress(address)}:${target.port}`
  switch (code) {
    case 'ECONNREFUSED':
      return new DiagnosisFailure(
        'connect',
        `cannot reach ${target.hostPort}: connection refused (ECONNREFUSED).`,
        {
          hint: `Nothing listens on ${at}. Check the port in the URL and that the registry is running.`,
        },
      )
    case 'ETIMEDOUT':
      return new DiagnosisFailure(
        'connect',
        `cannot reach ${target.hostPort}: no answer within ${Math.round(target.timeoutMs / 1000)} s (ETIMEDOUT).`,
        {
          hint: `The host is down, or a firewall between the Layerscope server and ${at} drops the connection.`,
        },
      )
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DiagnosisFailure(
        'connect',
        `cannot reach ${target.hostPort}: no route to ${formatAddress(address)} (${code}).`,
        {
          hint: 'The Layerscope server has no network path to this address; check its network and proxy settings.',
        },
      )
    default:
      return new DiagnosisFailure(
        'connect',
        `cannot reach ${target.hostPort} (${code || 'connection failed'}).`,
        { hint: null },
      )
  }
}

function formatAddress(address: string): string {
  return net.isIPv6(address) ? `[${address}]` : address
}

/** The `code` of a Node system or TLS error, or ''. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
