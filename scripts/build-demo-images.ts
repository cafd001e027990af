import path from 'node:path'
import { buildDemoImages } from '../server/demo/demo-images'

/** `npm run demo:images -- <dir>`: writes the demo images (OCI layouts, a docker save archive, DEMO.json). */
const dir = process.argv[2]
if (!dir) {
  process.stderr.write('usage: npm run demo:images -- <output-dir>\n')
  process.exit(2)
}
const started = performance.now()
const images = await buildDemoImages(path.resolve(dir))
const rows = images.map((i) => [`${i.repository}:${i.tag}`, i.format, i.platforms.join(','), i.digest])
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)))
for (const r of rows) process.stdout.write(`${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] ?? 0) : cell)).join('  ')}\n`)
process.stdout.write(`${images.length} tags written to ${path.resolve(dir)} in ${Math.round(performance.now() - started)} ms\n`)
