import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { BENCH_IMAGE, writeSyntheticImage } from './bench/synthetic-image'

/**
 * `npm run bench:scan`: scans a generated image of 200+ MB, 20,000 files and 1,000
 * packages, and prints side by side, in one run:
 *   - our first scan against `gzip -dc | tar -t` over the same layers (the floor any
 *     streaming scanner has to pay), as a ratio — target ≤ 1.5;
 *   - the scanner process's peak RSS — target < 300 MB;
 *   - a second scan of the same image with the layer cache warm — target ≥ 10× faster.
 * The scan runs in a child process so its peak RSS is its own (the kernel's high-water mark
 * for that process, VmHWM; see scan-child.ts for why not getrusage).
 */

const RUNS = 3
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

function sh(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}`))))
  })
}

async function baselineMs(layerFiles: string[]): Promise<number> {
  const script = layerFiles.map((f) => `gzip -dc '${f}' | tar -t > /dev/null`).join(' && ')
  const t = performance.now()
  await sh('bash', ['-o', 'pipefail', '-c', script])
  return performance.now() - t
}

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-bench-'))
  try {
    process.stdout.write('Generating the benchmark image… ')
    const layers = await writeSyntheticImage(path.join(work, 'image'), BENCH_IMAGE)
    const uncompressed = layers.reduce((n, l) => n + l.tar.length, 0)
    const compressed = layers.reduce((n, l) => n + l.blob.length, 0)
    const blobs = layers.map((l) => path.join(work, 'image', 'blobs', 'sha256', createHash('sha256').update(l.blob).digest('hex')))
    console.log(`${layers.length} layers, ${(uncompressed / 2 ** 20).toFixed(0)} MB uncompressed, ${(compressed / 2 ** 20).toFixed(0)} MB gzip, ${BENCH_IMAGE.files} files`)

    const base: number[] = []
    const first: number[] = []
    const second: number[] = []
    let rss = 0
    let packages = 0
    let findings = 0
    for (let run = 0; run < RUNS; run++) {
      base.push(await baselineMs(blobs))
      const cacheDir = path.join(work, `cache-${run}`)
      const out = await sh(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench', 'scan-child.ts'), path.join(work, 'image'), cacheDir])
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { firstMs: number; secondMs: number; maxRssMb: number; components: number; findings: number }
      first.push(r.firstMs)
      second.push(r.secondMs)
      rss = Math.max(rss, r.maxRssMb)
      packages = r.components
      findings = r.findings
    }
    const b = median(base)
    const f = median(first)
    const s = median(second)
    console.log(`\nmedian of ${RUNS} runs                      value     target`)
    console.log(`gzip -dc | tar -t over the layers   ${b.toFixed(0).padStart(7)} ms`)
    console.log(`layerscope first scan               ${f.toFixed(0).padStart(7)} ms   (${packages} packages, ${findings} findings)`)
    console.log(`ratio first scan / gzip|tar         ${(f / b).toFixed(2).padStart(7)}      ≤ 1.5`)
    console.log(`peak RSS of the scanner process     ${rss.toFixed(0).padStart(7)} MB   < 300`)
    console.log(`second scan (layer cache warm)      ${s.toFixed(0).padStart(7)} ms`)
    console.log(`speed-up of the rescan              ${(f / s).toFixed(1).padStart(7)} ×    ≥ 10`)
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
