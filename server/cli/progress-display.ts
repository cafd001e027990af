import type { InventoryProgress } from '../engine/inventory/inventory-image'

interface LayerLine {
  digest: string
  size: number
  read: number
  state: 'waiting' | 'reading' | 'done' | 'cached'
  files: number
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

/**
 * One line per layer on a terminal, redrawn in place (cursor up + clear line), at most
 * ten times a second: a scan of a large image shows where the time goes without
 * flooding a log. Only used when stderr is a TTY.
 */
export function createProgressDisplay(out: NodeJS.WriteStream): { update: (e: InventoryProgress) => void; done: () => void } {
  const lines: LayerLine[] = []
  let drawn = 0
  let last = 0
  let finished = false

  const draw = (force: boolean) => {
    const now = Date.now()
    if (!force && now - last < 100) return
    last = now
    const width = Math.max(40, (out.columns || 100) - 1)
    let text = drawn ? `\x1b[${drawn}A` : ''
    lines.forEach((l, i) => {
      const pct = l.size ? Math.min(100, Math.floor((l.read / l.size) * 100)) : 0
      const status =
        l.state === 'cached' ? `cached (${l.files} files)` : l.state === 'done' ? `done (${l.files} files)` : l.state === 'reading' ? `${mb(l.read)} / ${mb(l.size)} ${pct}%` : 'waiting'
      const line = `layer ${String(i + 1).padStart(2)}/${lines.length} ${l.digest.slice(7, 19)} ${status}`
      text += `\x1b[2K${line.slice(0, width)}\n`
    })
    drawn = lines.length
    out.write(text)
  }

  return {
    update(e) {
      if (finished) return
      if (e.type === 'layers') {
        for (const l of e.layers) lines[l.layerIndex] = { digest: l.digest, size: l.size, read: 0, state: 'waiting', files: 0 }
        draw(true)
        return
      }
      const line = lines[e.layerIndex]
      if (!line) return
      if (e.type === 'layer-cached') Object.assign(line, { state: 'cached', files: e.fileCount })
      else if (e.type === 'layer-started') line.state = 'reading'
      else if (e.type === 'layer-bytes') line.read = e.bytesRead
      else Object.assign(line, { state: 'done', files: e.fileCount, read: line.size })
      draw(e.type !== 'layer-bytes')
    },
    done() {
      if (finished) return
      draw(true)
      finished = true
    },
  }
}
