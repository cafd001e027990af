import { describe, expect, it } from 'vitest'
import { MAX_HEADER_BYTES, parseRpmHeader, RPM_TYPE, RpmHeaderError, RPMTAG } from './rpm-header'
import { encodeRpmHeader, rawRpmHeader, rpmPackageHeader } from './testing/rpm-header-writer'

const OPENSSL = { name: 'openssl-libs', version: '3.0.7', release: '24.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-24.el9.src.rpm', license: 'ASL 2.0', vendor: 'Red Hat, Inc.' }

describe('parseRpmHeader', () => {
  it('reads strings, i18n strings and int32s from a header with its immutable region', () => {
    const h = parseRpmHeader(rpmPackageHeader(OPENSSL))
    expect([h.string(RPMTAG.NAME), h.string(RPMTAG.VERSION), h.string(RPMTAG.RELEASE), h.int32(RPMTAG.EPOCH), h.string(RPMTAG.ARCH)]).toEqual(['openssl-libs', '3.0.7', '24.el9', 1, 'x86_64'])
    expect(h.string(1004)).toBe('openssl-libs summary')
    expect(h.string(1117)).toBe('openssl-libs')
    expect(h.string(RPMTAG.EPOCH)).toBeUndefined()
    expect(h.int32(RPMTAG.NAME)).toBeUndefined()
    expect(h.string(9999)).toBeUndefined()
  })

  it('accepts the package-file form with the 8-byte header magic in front', () => {
    const h = parseRpmHeader(encodeRpmHeader([{ tag: RPMTAG.NAME, string: 'bash' }], { magic: true }))
    expect(h.string(RPMTAG.NAME)).toBe('bash')
  })

  const name = Buffer.from('bash\0')
  const malformed: [string, Buffer][] = [
    ['an empty blob', Buffer.alloc(0)],
    ['a truncated preamble', Buffer.from([0, 0, 0])],
    ['no index entries', rawRpmHeader([], name)],
    ['more entries than the blob holds', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 0, count: 1 }], name, { il: 1000 })],
    ['a data length past the blob', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 0, count: 1 }], name, { dl: 0x7fffffff })],
    ['an offset outside the store', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 4096, count: 1 }], name)],
    ['a negative offset', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: -8, count: 1 }], name)],
    ['an int32 array running past the store', rawRpmHeader([{ tag: RPMTAG.EPOCH, type: RPM_TYPE.INT32, offset: 0, count: 2 }], Buffer.alloc(4))],
    ['a huge count', rawRpmHeader([{ tag: 1117, type: RPM_TYPE.STRING_ARRAY, offset: 0, count: 0xffffffff }], name)],
    ['a zero count', rawRpmHeader([{ tag: RPMTAG.EPOCH, type: RPM_TYPE.INT32, offset: 0, count: 0 }], Buffer.alloc(4))],
    ['a STRING with count 2', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 0, count: 2 }], Buffer.from('a\0b\0'))],
    ['a string without its NUL', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 0, count: 1 }], Buffer.from('bash'))],
    ['a string array missing strings', rawRpmHeader([{ tag: 1117, type: RPM_TYPE.STRING_ARRAY, offset: 0, count: 3 }], Buffer.from('a\0b\0'))],
    ['a misaligned int32', rawRpmHeader([{ tag: RPMTAG.EPOCH, type: RPM_TYPE.INT32, offset: 1, count: 1 }], Buffer.alloc(8))],
    ['an unknown type', rawRpmHeader([{ tag: RPMTAG.NAME, type: 42, offset: 0, count: 1 }], name)],
    ['a region entry whose trailer is outside the store', rawRpmHeader([{ tag: RPMTAG.HEADERIMMUTABLE, type: RPM_TYPE.BIN, offset: 0, count: 16 }], Buffer.alloc(8))],
    ['a region trailer that does not match', rawRpmHeader([{ tag: RPMTAG.HEADERIMMUTABLE, type: RPM_TYPE.BIN, offset: 0, count: 16 }], Buffer.alloc(16))],
    ['a header over the size cap', rawRpmHeader([{ tag: RPMTAG.NAME, type: RPM_TYPE.STRING, offset: 0, count: 1 }], name, { dl: MAX_HEADER_BYTES })],
  ]
  it.each(malformed)('throws RpmHeaderError on %s', (_, blob) => {
    expect(() => parseRpmHeader(blob)).toThrow(RpmHeaderError)
  })

  it('refuses many entries scanning the same long string run, in bounded time', () => {
    const run = Buffer.concat([Buffer.alloc(1 << 20, 0x61), Buffer.from([0])])
    const entries = Array.from({ length: 5000 }, (_, i) => ({ tag: 5000 + i, type: RPM_TYPE.STRING, offset: 0, count: 1 }))
    const started = performance.now()
    expect(() => parseRpmHeader(rawRpmHeader(entries, run))).toThrow(/overlap/)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('survives random corruption of a real header without throwing anything but RpmHeaderError', () => {
    const good = rpmPackageHeader(OPENSSL)
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 2000; i++) {
      const bad = Buffer.from(good)
      for (let j = 0; j < 4; j++) bad[Math.floor(random() * bad.length)] = Math.floor(random() * 256)
      const cut = random() < 0.2 ? bad.subarray(0, Math.floor(random() * bad.length)) : bad
      try {
        const h = parseRpmHeader(cut)
        h.string(RPMTAG.NAME)
        h.int32(RPMTAG.EPOCH)
      } catch (err) {
        expect(err).toBeInstanceOf(RpmHeaderError)
      }
    }
  })
})
