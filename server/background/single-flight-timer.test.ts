import { afterEach, describe, expect, it, vi } from 'vitest'
import { SingleFlightTimer } from './single-flight-timer'

afterEach(() => {
  vi.useRealTimers()
})

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('SingleFlightTimer', () => {
  it('skips a tick while the previous run is still going, and ticks again once it ends', async () => {
    vi.useFakeTimers()
    const gate = deferred()
    let runs = 0
    const loop: SingleFlightTimer = new SingleFlightTimer(
      100,
      () => {
        runs++
        return loop.track(gate.promise)
      },
      () => undefined,
    )
    loop.start()
    await vi.advanceTimersByTimeAsync(350)
    expect(runs).toBe(1)
    gate.resolve()
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toBe(2)
    await loop.stop()
  })

  it('counts a run started by hand as the running one', async () => {
    vi.useFakeTimers()
    const gate = deferred()
    const onTick = vi.fn(() => Promise.resolve())
    const loop = new SingleFlightTimer(100, onTick, () => undefined)
    loop.start()
    const manual = loop.track(gate.promise)
    await vi.advanceTimersByTimeAsync(250)
    expect(onTick).not.toHaveBeenCalled()
    gate.resolve()
    await manual
    await vi.advanceTimersByTimeAsync(100)
    expect(onTick).toHaveBeenCalledTimes(1)
    await loop.stop()
  })

  it('reports a failed tick and keeps ticking; stop waits for the running check', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    let calls = 0
    const loop = new SingleFlightTimer(
      100,
      () => (++calls === 1 ? Promise.reject(new Error('sync failed')) : Promise.resolve()),
      (err) => errors.push(err),
    )
    loop.start()
    await vi.advanceTimersByTimeAsync(200)
    expect(errors).toHaveLength(1)
    expect(calls).toBe(2)

    const gate = deferred()
    let stopped = false
    void loop.track(gate.promise)
    const stopping = loop.stop().then(() => (stopped = true))
    await Promise.resolve()
    expect(stopped).toBe(false)
    gate.resolve()
    await stopping
    expect(stopped).toBe(true)
    await vi.advanceTimersByTimeAsync(500)
    expect(calls).toBe(2)
  })

  it('does not tick when tickMs is 0', async () => {
    vi.useFakeTimers()
    const onTick = vi.fn(() => Promise.resolve())
    const loop = new SingleFlightTimer(0, onTick, () => undefined)
    loop.start()
    await vi.advanceTimersByTimeAsync(1000)
    expect(onTick).not.toHaveBeenCalled()
  })
})
