const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/**
 * Formats a byte count with binary units, as registries report layer sizes.
 *
 * @example
 * formatBytes(0) // '0 B'
 * formatBytes(1536) // '1.5 KiB'
 * formatBytes(28_311_552) // '27 MiB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2
  const text = value.toFixed(digits).replace(/\.0+$|(\.\d*[1-9])0+$/, '$1')
  return `${text} ${BYTE_UNITS[unit]}`
}

/** Formats an integer with thousands separators: `formatCount(12345) // '12,345'`. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n)
}

/**
 * The noun for a count, singular for exactly one: `${formatCount(n)} ${plural(n, 'tag', 'tags')}`.
 *
 * @example
 * plural(1, 'namespace', 'namespaces') // 'namespace'
 * plural(0, 'repository', 'repositories') // 'repositories'
 */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' })

/**
 * Says how long ago (or how far ahead) an epoch-millisecond time is, relative to `now`.
 *
 * @example
 * formatRelativeTime(now - 5 * 60_000, now) // '5 minutes ago'
 * formatRelativeTime(now - 86_400_000, now) // 'yesterday'
 */
export function formatRelativeTime(epochMs: number, now: number): string {
  let delta = (epochMs - now) / 1000
  if (Math.abs(delta) < 45) return 'just now'
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return relativeFormat.format(Math.round(delta), unit)
    delta /= size
  }
  return relativeFormat.format(Math.round(delta), 'year')
}

/**
 * An unambiguous absolute time, `YYYY-MM-DD HH:mm:ss` plus the zone, in the viewer's zone
 * unless one is given.
 *
 * @example
 * formatAbsoluteTime(Date.UTC(2024, 0, 2, 3, 4, 5), 'UTC') // '2024-01-02 03:04:05 UTC'
 */
export function formatAbsoluteTime(epochMs: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(epochMs))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`
}

/** The ISO 8601 form for `<time dateTime>`. */
export function toIsoTime(epochMs: number): string {
  return new Date(epochMs).toISOString()
}

/**
 * Shortens a content digest to its algorithm and first 12 hex digits, the length
 * `docker images` shows; anything that is not a digest is returned as is.
 *
 * @example
 * shortenDigest('sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04') // 'sha256:815386ebbe9a'
 */
export function shortenDigest(digest: string, length = 12): string {
  const match = /^([a-z0-9+._-]+):([a-f0-9]+)$/i.exec(digest)
  if (!match) return digest
  const [, algorithm, hex = ''] = match
  return hex.length <= length ? digest : `${algorithm}:${hex.slice(0, length)}`
}

/**
 * A duration in the largest units that matter: "850 ms", "4.2 s", "3 min 5 s", "2 h 10 min".
 *
 * @example
 * formatDuration(4_200) // '4.2 s'
 * formatDuration(185_000) // '3 min 5 s'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) {
    const s = ms / 1000
    return `${s < 10 ? s.toFixed(1).replace(/\.0$/, '') : Math.round(s)} s`
  }
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 3600) {
    const m = Math.floor(totalSeconds / 60)
    const s = totalSeconds % 60
    return s ? `${m} min ${s} s` : `${m} min`
  }
  const totalMinutes = Math.round(totalSeconds / 60)
  const h = Math.floor(totalMinutes / 60)
  const m = totalMinutes % 60
  return m ? `${h} h ${m} min` : `${h} h`
}
