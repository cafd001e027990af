import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SEVERITIES, type ImageReport, type Severity } from '@contract/findings'
import { isAcquireError } from '../engine/acquire/errors'
import { scanImage } from '../engine/scan-image'
import { openFileLayerCache } from '../engine/layers/layer-cache'
import { formatJson } from '../engine/report/format-json'
import { formatSarif } from '../engine/report/format-sarif'
import { formatTable } from '../engine/report/format-table'
import { exitCodeFor, filterBySeverity } from '../engine/report/filter-report'
import { loadSignatureDir } from '../engine/malware/signature-db'
import { toCycloneDx } from '../engine/sbom/cyclonedx'
import { loadCliEnv } from '../env'
import { openAdvisoryStore } from './advisory-store'
import { createProgressDisplay } from './progress-display'
import { openScanTarget, UsageError } from './scan-target'

const HELP = `Usage: npm run scan -- <image-ref | oci-layout-dir | docker-archive.tar> [options]

Scans one image: its OS and language packages, matched against the advisory store
(import advisories first with: npm run vulndb:import -- <dir|zip|url>).

Options:
  --format <f>        table (default), json, cyclonedx, sarif
  --output <file>     write the report to a file instead of standard output
  --severity <list>   only these severities, comma-separated (CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN)
  --exit-code <n>     exit with n when findings (of --severity) remain (default 0)
  --scanners <list>   vuln (default), baseline, malware, comma-separated: baseline risks and
                      malicious files, as ACR's SAS_SCAN_SERVICE adds them
  --signatures <dir>  hash lists and content signatures for malware (default ./signatures)
  --platform <p>      os/arch[/variant] of a multi-platform image (default linux/amd64)
  --image <name:tag>  which image of a layout or archive that holds several
  --username <u>      registry user (or REGISTRY_USERNAME); password from REGISTRY_PASSWORD
                      or --password-stdin
  --password-stdin    read the registry password from standard input
  --insecure          do not verify the registry's TLS certificate
  --plain-http        talk HTTP to the registry (loopback registries always do)
  --cache-dir <dir>   layer cache (default DATA_DIR/cache/layers); --no-cache to skip it
  --no-progress       no per-layer progress on the terminal
  -h, --help          this text
`

const FORMATS = ['table', 'json', 'cyclonedx', 'sarif'] as const
type Format = (typeof FORMATS)[number]

function parseSeverities(value: string | undefined): Severity[] {
  if (!value) return [...SEVERITIES]
  return value.split(',').map((raw) => {
    const hit = SEVERITIES.find((s) => s.toLowerCase() === raw.trim().toLowerCase())
    if (!hit) throw new UsageError(`Unknown severity "${raw}". Use ${SEVERITIES.map((s) => s.toUpperCase()).join(', ')}.`)
    return hit
  })
}

/** Resolves once the text is handed to the OS: a pipe is written asynchronously, and exiting before that truncates the report. */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())))
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

function render(report: ImageReport, format: Format, tty: boolean): string {
  switch (format) {
    case 'table':
      return formatTable(report, { color: tty, columns: process.stdout.columns || 120 })
    case 'json':
      return formatJson(report)
    case 'cyclonedx':
      return toCycloneDx(report, { withVulnerabilities: true })
    case 'sarif':
      return formatSarif(report)
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      output: { type: 'string' },
      severity: { type: 'string' },
      'exit-code': { type: 'string', default: '0' },
      platform: { type: 'string' },
      scanners: { type: 'string', default: 'vuln' },
      signatures: { type: 'string', default: 'signatures' },
      image: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      insecure: { type: 'boolean', default: false },
      'plain-http': { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const [target, ...extra] = positionals
  if (!target || extra.length) throw new UsageError(`Expected exactly one image to scan.\n\n${HELP}`)
  const format = FORMATS.find((f) => f === values.format)
  if (!format) throw new UsageError(`Unknown --format "${values.format}". Use ${FORMATS.join(', ')}.`)
  const severities = parseSeverities(values.severity)
  const exitCode = Number(values['exit-code'])
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) throw new UsageError('--exit-code must be an integer from 0 to 255.')

  const scanners = new Set(values.scanners.split(',').map((v) => v.trim().toLowerCase()))
  for (const name of scanners) if (!['vuln', 'baseline', 'malware'].includes(name)) throw new UsageError(`Unknown scanner "${name}". Use vuln, baseline, malware.`)
  const malware = scanners.has('malware') ? await loadSignatureDir(values.signatures) : undefined
  const env = loadCliEnv()
  const password = values['password-stdin'] ? await readStdin() : env.REGISTRY_PASSWORD
  const opened = await openScanTarget(target, {
    image: values.image,
    username: values.username ?? env.REGISTRY_USERNAME,
    password,
    insecureTls: values.insecure,
    plainHttp: values['plain-http'],
  })
  const store = await openAdvisoryStore(env)
  const progress = values['no-progress'] || !process.stderr.isTTY ? null : createProgressDisplay(process.stderr)
  try {
    const info = await store.info()
    if (info.recordCount === 0) process.stderr.write('warning: the advisory store is empty, so no vulnerability can be found. Import advisories with: npm run vulndb:import -- <dir|zip|url>\n')
    const cache = values['no-cache'] ? undefined : await openFileLayerCache(values['cache-dir'] ?? path.join(env.dataDir, 'cache', 'layers'))
    const report = await scanImage({
      source: opened.source,
      repository: opened.repository,
      reference: opened.reference,
      advisories: store,
      ...(values.platform ? { platform: values.platform } : {}),
      ...(scanners.has('baseline') || malware ? { security: { baseline: scanners.has('baseline'), malware } } : {}),
      ...(cache ? { cache } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    })
    progress?.done()
    const shown = filterBySeverity(report, severities)
    const text = render(shown, format, format === 'table' && !values.output && process.stdout.isTTY)
    if (values.output) await fs.writeFile(values.output, text.endsWith('\n') ? text : `${text}\n`)
    else await writeStdout(text.endsWith('\n') ? text : `${text}\n`)
    return exitCodeFor(report, { exitCode, severities })
  } finally {
    progress?.done()
    await opened.source.close()
    await store.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(`scan failed: ${isAcquireError(err) ? `${err.code}: ` : ''}${message}\n`)
    process.exit(1)
  },
)
