import { describe, expect, it } from 'vitest'
import { formatAbsoluteTime, formatBytes, formatCount, formatDuration, formatRelativeTime, plural, shortenDigest, toIsoTime } from './format'

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [28_311_552, '27 MiB'],
    [3_006_477, '2.87 MiB'],
    [157_286_400, '150 MiB'],
    [5 * 1024 ** 4, '5 TiB'],
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })

  it('shows a dash for impossible sizes', () => {
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
})

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
  })
})

describe('plural', () => {
  it('is singular for exactly one', () => {
    expect(plural(1, 'tag', 'tags')).toBe('tag')
    expect(plural(0, 'tag', 'tags')).toBe('tags')
    expect(plural(2, 'repository', 'repositories')).toBe('repositories')
  })
})

describe('formatRelativeTime', () => {
  const now = Date.UTC(2024, 5, 15, 12, 0, 0)
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 3_600_000, '3 hours ago'],
    [now - 86_400_000, 'yesterday'],
    [now - 10 * 86_400_000, '10 days ago'],
    [now - 90 * 86_400_000, '3 months ago'],
    [now - 800 * 86_400_000, '2 years ago'],
    [now + 2 * 3_600_000, 'in 2 hours'],
  ])('%d → %s', (t, text) => {
    expect(formatRelativeTime(t, now)).toBe(text)
  })
})

describe('formatAbsoluteTime', () => {
  it('formats in the given zone', () => {
    expect(formatAbsoluteTime(Date.UTC(2024, 0, 2, 3, 4, 5), 'UTC')).toBe('2024-01-02 03:04:05 UTC')
  })
  it('uses a 24-hour clock', () => {
    expect(formatAbsoluteTime(Date.UTC(2024, 0, 2, 0, 30, 0), 'UTC')).toBe('2024-01-02 00:30:00 UTC')
  })
  it('gives ISO for machine-readable time', () => {
    expect(toIsoTime(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02T03:04:05.000Z')
  })
})

describe('shortenDigest', () => {
  const digest = 'sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04'
  it('keeps the algorithm and 12 hex digits', () => {
    expect(shortenDigest(digest)).toBe('sha256:815386ebbe9a')
  })
  it('takes a custom length', () => {
    expect(shortenDigest(digest, 7)).toBe('sha256:815386e')
  })
  it('leaves non-digests alone', () => {
    expect(shortenDigest('latest')).toBe('latest')
    expect(shortenDigest('sha256:abc')).toBe('sha256:abc')
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [1000, '1 s'],
    [4_200, '4.2 s'],
    [42_400, '42 s'],
    [60_000, '1 min'],
    [185_000, '3 min 5 s'],
    [7_800_000, '2 h 10 min'],
    [3_600_000, '1 h'],
  ])('%d → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
  it('shows a dash for impossible durations', () => {
    expect(formatDuration(-5)).toBe('—')
  })
})
