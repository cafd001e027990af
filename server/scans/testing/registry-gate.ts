import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseManifest } from '../../engine/acquire/manifest'
import type { MemoryRegistryStore } from '../../engine/acquire/testing/memory-registry-store'

/**
 * A proxy in front of a test registry that holds layer downloads until the gate opens,
 * or answers everything with an error status: how the scan tests stop a scan in the
 * middle (to restart or kill its worker) and make a registry fail for a while.
 * Manifests and configs pass while the gate is shut, so a held scan has already
 * reported its layers (layersTotal) when it stops.
 */
export interface RegistryGate {
  url: string
  /** Layer blob requests waiting for the gate. */
  readonly held: number
  /** Layer GETs answered so far. */
  readonly layersServed: number
  shut(): void
  open(): void
  /** Answer every request with this status (503, 429…) until called with null. */
  failWith(status: number | null): void
  stop(): Promise<void>
}

/** Every layer digest of every image manifest in the store (configs excluded). */
export function layerDigestsOf(store: MemoryRegistryStore): Set<string> {
  const layers = new Set<string>()
  for (const [name, repo] of store.repos) {
    for (const m of repo.manifests.values()) {
      const parsed = parseManifest(m.bytes, m.mediaType, name)
      if (parsed.kind !== 'index') for (const l of parsed.layers) layers.add(l.digest)
    }
  }
  return layers
}

export async function startRegistryGate(upstream: string, layerDigests: Set<string>): Promise<RegistryGate> {
  let open = true
  let failStatus: number | null = null
  let waiting: (() => void)[] = []
  let held = 0
  let layersServed = 0
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        if (failStatus !== null) {
          res.writeHead(failStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE' }] }))
          return
        }
        const url = req.url ?? '/'
        const blob = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.split('?')[0] ?? '')?.[1]
        const isLayer = blob !== undefined && layerDigests.has(blob) && req.method === 'GET'
        if (isLayer && !open) {
          held++
          await new Promise<void>((resolve) => waiting.push(resolve))
          held--
          if (req.destroyed) return
        }
        const headers = new Headers()
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v)
        const upstreamRes = await fetch(upstream + url, { method: req.method ?? 'GET', headers, redirect: 'manual' })
        const out: Record<string, string> = {}
        upstreamRes.headers.forEach((v, k) => {
          if (k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v
        })
        const body = Buffer.from(await upstreamRes.arrayBuffer())
        if (isLayer) layersServed++
        res.writeHead(upstreamRes.status, out).end(req.method === 'HEAD' ? undefined : body)
      } catch {
        if (!res.headersSent) res.writeHead(502).end()
        else res.destroy()
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const release = () => {
    const w = waiting
    waiting = []
    for (const r of w) r()
  }
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get held() {
      return held
    },
    get layersServed() {
      return layersServed
    },
    shut: () => {
      open = false
    },
    open: () => {
      open = true
      release()
    },
    failWith: (status) => {
      failStatus = status
    },
    stop: async () => {
      open = true
      release()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
