import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The official CycloneDX 1.6 JSON schema, as @cyclonedx/cyclonedx-library bundles it. */
export function cycloneDxSchema(): Record<string, unknown> {
  const root = dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json'))
  return JSON.parse(readFileSync(join(root, 'res/schema/bom-1.6.SNAPSHOT.schema.json'), 'utf8')) as Record<string, unknown>
}
