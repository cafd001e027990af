import { AcquireError } from './errors'

/**
 * Walks the frame and block headers of a zstd stream as it passes, without decoding,
 * and refuses a frame whose window is larger than allowed. fzstd allocates the whole
 * window a frame header asks for (up to 2 GiB) before decoding a byte, so a hostile
 * header must be caught before it reaches the decoder. Also rejects structurally
 * broken streams early.
 *
 * @example
 * const guard = new ZstdFrameGuard(128 << 20)
 * for (const chunk of chunks) { guard.check(chunk); decoder.push(chunk) }
 */
export class ZstdFrameGuard {
  private state: 'magic' | 'skippable-size' | 'header' | 'block' | 'skip' = 'magic'
  private head: number[] = []
  private need = 4
  private skip = 0
  private after: 'magic' | 'block' = 'magic'
  private checksum = false

  constructor(private maxWindow: number) {}

  check(chunk: Uint8Array): void {
    let i = 0
    while (i < chunk.length) {
      if (this.state === 'skip') {
        const n = Math.min(this.skip, chunk.length - i)
        i += n
        this.skip -= n
        if (this.skip === 0) this.state = this.after
        continue
      }
      this.head.push(chunk[i++] as number)
      if (this.head.length < this.need) continue
      this.step()
    }
  }

  private step() {
    const h = this.head
    if (this.state === 'magic') {
      const le = ((h[0] as number) | ((h[1] as number) << 8) | ((h[2] as number) << 16) | ((h[3] as number) << 24)) >>> 0
      if (le === 0xfd2fb528) return this.expect('header', 6) // magic + descriptor + first byte after it
      if (le >>> 4 === 0x184d2a5) return this.expect('skippable-size', 4, true)
      throw new AcquireError('BAD_RESPONSE', 'Layer is not valid zstd: bad frame magic.')
    }
    if (this.state === 'skippable-size') {
      const size = ((h[0] as number) | ((h[1] as number) << 8) | ((h[2] as number) << 16) | ((h[3] as number) << 24)) >>> 0
      return this.skipThen(size, 'magic')
    }
    if (this.state === 'header') {
      const fhd = h[4] as number
      const single = (fhd >> 5) & 1
      const dictBytes = [0, 1, 2, 4][fhd & 3] as number
      const fcsFlag = fhd >> 6
      const fcsBytes = fcsFlag ? 1 << fcsFlag : single
      const total = 5 + (single ? 0 : 1) + dictBytes + fcsBytes
      if (h.length < total) {
        this.need = total
        return
      }
      let window: number
      if (single) {
        let fcs = 0
        for (let k = fcsBytes - 1; k >= 0; k--) fcs = fcs * 256 + (h[5 + dictBytes + k] as number)
        window = fcs + (fcsFlag === 1 ? 256 : 0)
      } else {
        const wd = h[5] as number
        const base = 2 ** (10 + (wd >> 3))
        window = base + (base / 8) * (wd & 7)
      }
      if (window > this.maxWindow) throw new AcquireError('TOO_LARGE', `Layer's zstd frame needs a ${window}-byte window, over the ${this.maxWindow}-byte limit.`)
      this.checksum = ((fhd >> 2) & 1) === 1
      return this.expect('block', 3, true)
    }
    // block header: bit 0 last, bits 1-2 type (raw, RLE, compressed, reserved), bits 3-23 size
    const bh = (h[0] as number) | ((h[1] as number) << 8) | ((h[2] as number) << 16)
    const type = (bh >> 1) & 3
    if (type === 3) throw new AcquireError('BAD_RESPONSE', 'Layer is not valid zstd: reserved block type.')
    const last = (bh & 1) === 1
    const content = type === 1 ? 1 : bh >>> 3
    return this.skipThen(content + (last && this.checksum ? 4 : 0), last ? 'magic' : 'block')
  }

  private expect(state: 'header' | 'block' | 'skippable-size', need: number, reset = false) {
    this.state = state
    this.need = need
    if (reset || state !== 'header') this.head = []
  }

  private skipThen(bytes: number, next: 'magic' | 'block') {
    this.head = []
    this.need = next === 'magic' ? 4 : 3
    this.after = next
    if (bytes === 0) this.state = next
    else {
      this.state = 'skip'
      this.skip = bytes
    }
  }
}
