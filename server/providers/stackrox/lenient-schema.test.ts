import { describe, expect, it } from 'vitest'
import { storageImage as strictImage } from './storage-image-model'
import { runtimeError, storageImage, storageVulnerability } from './storage-image'

describe('the reader derived from the StackRox model', () => {
  it('fills every missing field with its unset value; a missing message reads as null', () => {
    const image = storageImage.parse({ id: 'sha256:abc' })
    expect(image).toMatchObject({ id: 'sha256:abc', name: null, names: [], metadata: null, scan: null, components: 0, notPullable: false, notes: [], lastUpdated: null })
    // The model itself, which our endpoint writes, refuses such an answer.
    expect(strictImage.safeParse({ id: 'sha256:abc' }).success).toBe(false)
  })

  it('reads enum values it does not know as strings, numbers from strings, and keeps unknown fields', () => {
    const v = storageVulnerability.parse({ cve: 'CVE-1', severity: 'SOME_NEW_SEVERITY', cvss: '7.5', scoreVersion: 'V4', newField: 1, cvssV3: { score: '9.8' } })
    expect(v).toMatchObject({ cve: 'CVE-1', severity: 'SOME_NEW_SEVERITY', cvss: 7.5, scoreVersion: 'V4', newField: 1, state: '', suppressed: false, cvssV2: null })
    expect(v.cvssV3).toMatchObject({ score: 9.8, vector: '', attackVector: '' })
  })

  it('reads lists sent as null as empty, and list items leniently too', () => {
    const image = storageImage.parse({ id: 'x', scan: { components: [{ name: 'openssl', vulns: null }] } })
    expect(image.scan?.components).toEqual([expect.objectContaining({ name: 'openssl', version: '', vulns: [], layerIndex: 0, executables: [] })])
    expect(runtimeError.parse({ code: '5', message: 'not found' })).toMatchObject({ code: 5, message: 'not found', error: '', details: [] })
  })
})
