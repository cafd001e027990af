import { isIP } from 'node:net'

/**
 * True when HOST keeps the server reachable from this machine only: `localhost`, an
 * IPv4 address in 127.0.0.0/8 or `::1`. `0.0.0.0` and `::` listen everywhere.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h)
  return false
}
