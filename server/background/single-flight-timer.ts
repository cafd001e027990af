/**
 * A background check that runs every `tickMs` in the server process, never twice at
 * once: a tick that finds the previous run still going (a slow sync, a long sweep)
 * skips, and the next one picks up what is due. Runs started by hand (tests, "check
 * now") go through `track`, so they count as the running one too. The timer is unref'd:
 * it never keeps a stopping process alive, and `stop` waits for the running check.
 *
 * @example
 * const loop = new SingleFlightTimer(15_000, () => this.tick(), (err) => log.error('poll failed', { err }))
 * loop.start()
 * tick() { return loop.track(this.pollDue(new Date())) }
 */
export class SingleFlightTimer {
  private timer: NodeJS.Timeout | undefined
  private current: Promise<unknown> | undefined

  constructor(
    private readonly tickMs: number,
    private readonly onTick: () => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts ticking; a tickMs of 0 or less leaves the check to `track`ed runs only. */
  start(): void {
    if (this.timer || this.tickMs <= 0) return
    this.timer = setInterval(() => {
      if (this.current) return
      this.onTick().catch(this.onError)
    }, this.tickMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.current?.catch(() => undefined)
  }

  /** Marks `run` as the running check until it settles, and returns it. */
  track<T>(run: Promise<T>): Promise<T> {
    const tracked = run.finally(() => {
      if (this.current === tracked) this.current = undefined
    })
    this.current = tracked
    return tracked
  }
}
