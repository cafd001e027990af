import path from 'node:path'
import { buildDemoImages } from '../server/demo/demo-images'

/** `npm run demo:images -- <dir>`: write the demo images (OCI layouts + a docker save archive). */
const dir = process.argv[2]
if (!dir) {
  process.stderr.write('usage: npm run demo:images -- <output-dir>\n')
  process.exit(2)
}
const images = await buildDemoImages(path.resolve(dir))
for (const i of images) process.stdout.write(`${i.repository}:${i.tag}\t${i.digest}\t${i.platforms.join(',')}\t${i.format}\n`)
