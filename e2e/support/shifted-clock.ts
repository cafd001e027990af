import { readFileSync } from 'node:fs'

/**
 * A preload for the server under test (`node --import tsx --import ./e2e/support/shifted-clock.ts …`):
 * it moves the process's wall clock by the number of milliseconds in the file
 * CLOCK_OFFSET_FILE names, so a journey can let weeks pass (a deferral expire) without any
 * hook in the product. `Date`, `Date.now` and `performance.timeOrigin` shift; elapsed
 * time (`performance.now`, timers) does not, so timeouts and durations stay true.
 * The file is re-read at most every 100 ms of real time; a missing or empty file means 0.
 *
 * @example
 * // in the spec: let 31 days pass
 * await fs.writeFile(CLOCK_FILE, String(31 * DAY_MS))
 */
const file = process.env.CLOCK_OFFSET_FILE
const RealDate = Date
const realNow = Date.now.bind(Date)
const RECHECK_MS = 100

let offset = 0
let checkedAt = Number.NEGATIVE_INFINITY

function currentOffset(): number {
  const t = realNow()
  if (file && t - checkedAt >= RECHECK_MS) {
    checkedAt = t
    try {
      const value = Number(readFileSync(file, 'utf8').trim())
      offset = Number.isFinite(value) ? value : 0
    } catch {
      offset = 0
    }
  }
  return offset
}

const shiftedNow = () => realNow() + currentOffset()

// A Proxy keeps `instanceof Date`, Date.UTC, Date.parse and the prototype as they are;
// only "now" (a bare `new Date()`, `Date()` and `Date.now()`) is moved.
globalThis.Date = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget: NewableFunction) {
    return Reflect.construct(target, args.length ? args : [shiftedNow()], newTarget) as object
  },
  apply() {
    return new RealDate(shiftedNow()).toString()
  },
  get(target, prop, receiver) {
    if (prop === 'now') return shiftedNow
    return Reflect.get(target, prop, receiver) as unknown
  },
})

const realTimeOrigin = performance.timeOrigin
Object.defineProperty(performance, 'timeOrigin', { configurable: true, get: () => realTimeOrigin + currentOffset() })
