import { describe, expect, it } from 'vitest'
import { startHeightReporter, type HeightReporterEnv } from './height-reporter'

/** A size-changing element and a hand-cranked animation-frame clock. */
function setup() {
  let height = 100.2
  const element = { getBoundingClientRect: () => ({ height }) } as unknown as Element
  let onResize: (() => void) | null = null
  let frames = new Map<number, () => void>()
  let nextHandle = 1
  let disconnected = false
  const env: HeightReporterEnv = {
    observe: (_el, cb) => {
      onResize = cb
      return () => {
        disconnected = true
      }
    },
    requestFrame: (cb) => {
      frames.set(nextHandle, cb)
      return nextHandle++
    },
    cancelFrame: (handle) => frames.delete(handle),
  }
  const reported: number[] = []
  const stop = startHeightReporter(element, (h) => reported.push(h), env)
  return {
    reported,
    stop,
    resize: (h: number) => {
      height = h
      onResize?.()
    },
    frame: () => {
      const due = frames
      frames = new Map()
      for (const cb of due.values()) cb()
    },
    pendingFrames: () => frames.size,
    disconnected: () => disconnected,
  }
}

describe('startHeightReporter', () => {
  it('reports once per animation frame, rounded up, however many resizes come in between', () => {
    const t = setup()
    t.resize(100.2)
    t.resize(180)
    t.resize(240.5)
    expect(t.pendingFrames()).toBe(1)
    expect(t.reported).toEqual([])
    t.frame()
    expect(t.reported).toEqual([241])
    t.resize(90)
    t.frame()
    expect(t.reported).toEqual([241, 90])
  })

  it('does not report the same height twice in a row', () => {
    const t = setup()
    t.resize(300)
    t.frame()
    t.resize(300)
    t.frame()
    expect(t.reported).toEqual([300])
  })

  it('stops: disconnects the observer and cancels a pending frame', () => {
    const t = setup()
    t.resize(300)
    t.stop()
    expect(t.disconnected()).toBe(true)
    expect(t.pendingFrames()).toBe(0)
    t.frame()
    expect(t.reported).toEqual([])
  })
})
