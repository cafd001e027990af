import net from 'node:net'
import tls from 'node:tls'
import { errorCode, type ProbeTarget } from './connection-diagnostics-network'
import { DiagnosisFailure, type StepResult } from './connection-diagnostics-result'

/** OpenSSL's verification codes, in words. */
const CHAIN_PROBLEMS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed root this server does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it is signed by a CA this server does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it is signed by a CA this server does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer certificate is missing from the chain the server sends',
  CERT_REVOKED: 'it has been revoked',
}
/** Dates are checked separately, so the message can give the date. */
const DATE_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

/**
 * Runs the TLS handshake without letting Node refuse it, then judges the certificate
 * itself: validity dates, host name and chain, all named at once. With "Skip TLS
 * verification" on, problems are reported in the detail and the step passes.
 */
export async function checkTls(
  target: ProbeTarget,
  address: string,
  insecureTls: boolean,
): Promise<StepResult<void>> {
  const servername = net.isIP(target.host) ? undefined : target.host
  const socket = tls.connect({
    host: address,
    port: target.port,
    rejectUnauthorized: false,
    ...(servername ? { servername } : {}),
  })
  let cert: tls.PeerCertificate
  let chainError: string | undefined
  try {
    await new Promise<void>((resolve, reject) => {
      socket.setTimeout(target.timeoutMs, () =>
        reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      )
      socket.once('secureConnect', resolve)
      socket.once('error', reject)
    })
    cert = socket.getPeerCertificate()
    const authError: unknown = socket.authorizationError
    chainError = socket.authorized ? undefined : errorCode(authError) || String(authError)
  } catch (err) {
    const code = errorCode(err)
    throw new DiagnosisFailure(
      'tls',
      `TLS with ${target.hostPort} failed: ${code === 'ETIMEDOUT' ? 'no handshake' : 'the handshake failed'} (${code || 'unknown error'}).`,
      {
        hint: /WRONG_VERSION_NUMBER|EPROTO|PACKET_LENGTH/.test(code)
          ? 'The port does not speak TLS. If the registry serves plain HTTP, use an http:// URL.'
          : null,
      },
    )
  } finally {
    socket.destroy()
  }
  const problems = certificateProblems(cert, target.host, chainError)
  if (!problems.length) {
    return {
      status: 'PASSED',
      detail: `Certificate for ${subjectName(cert)}, valid until ${isoDate(cert.valid_to)}.`,
      value: undefined,
    }
  }
  if (insecureTls) {
    return {
      status: 'PASSED',
      detail: `Certificate not verified (Skip TLS verification is on): ${problems.join('; ')}.`,
      value: undefined,
    }
  }
  throw new DiagnosisFailure(
    'tls',
    `TLS with ${target.hostPort} failed: the certificate is not trusted: ${problems.join('; ')}.`,
    {
      hint: 'Give the registry a certificate from a CA the Layerscope server trusts (a private CA can be added with NODE_EXTRA_CA_CERTS), or turn on “Skip TLS verification” for this instance if you accept the risk.',
    },
  )
}

/**
 * Everything wrong with a peer certificate for `host`, in words.
 *
 * @example certificateProblems(cert, '127.0.0.1', 'DEPTH_ZERO_SELF_SIGNED_CERT') // ['it is self-signed']
 */
export function certificateProblems(
  cert: tls.PeerCertificate,
  host: string,
  chainError: string | undefined,
  now = Date.now(),
): string[] {
  const problems: string[] = []
  const notAfter = Date.parse(cert.valid_to)
  const notBefore = Date.parse(cert.valid_from)
  if (notAfter < now) problems.push(`it expired on ${isoDate(cert.valid_to)}`)
  if (notBefore > now) problems.push(`it is not valid before ${isoDate(cert.valid_from)}`)
  const mismatch = tls.checkServerIdentity(host, cert)
  if (mismatch)
    problems.push(
      `it is for ${cert.subjectaltname ? cert.subjectaltname.replace(/(DNS|IP Address):/g, '') : subjectName(cert)}, not ${host}`,
    )
  if (chainError && !DATE_CODES.has(chainError))
    problems.push(CHAIN_PROBLEMS[chainError] ?? `it is not trusted (${chainError})`)
  return problems
}

function subjectName(cert: tls.PeerCertificate): string {
  const cn: unknown = cert.subject.CN
  return typeof cn === 'string' && cn ? cn : 'an unnamed subject'
}

function isoDate(value: string): string {
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(0, 10)
}
