import { describe, expect, it } from 'vitest'
import { canonicalQuery, percentEncode, sign, signatureMatches, stringToSign } from './signature'

/** The worked example of Alibaba Cloud's RPC signature documentation (access key `testid` / `testsecret`). */
const documented = new Map([
  ['Format', 'XML'],
  ['AccessKeyId', 'testid'],
  ['Action', 'DescribeRegions'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
  ['SignatureVersion', '1.0'],
  ['Version', '2014-05-26'],
  ['Timestamp', '2016-02-23T12:46:24Z'],
])

describe('RPC signature v1', () => {
  it('reproduces the documented string to sign and signature', () => {
    expect(stringToSign('GET', documented)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    )
    expect(sign('GET', documented, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('leaves Signature out of the canonical query and sorts by name', () => {
    const params = new Map([
      ['b', '2'],
      ['Signature', 'x'],
      ['A', '1'],
    ])
    expect(canonicalQuery(params)).toBe('A=1&b=2')
  })

  it("encodes space as %20, '*' as %2A and keeps '~'", () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29')
    expect(percentEncode('["ns1"]')).toBe('%5B%22ns1%22%5D')
    expect(percentEncode('中')).toBe('%E4%B8%AD')
  })

  it('signs the method: a GET signature does not verify a POST', () => {
    const signature = sign('GET', documented, 'testsecret')
    expect(signatureMatches('GET', documented, 'testsecret', signature)).toBe(true)
    expect(signatureMatches('POST', documented, 'testsecret', signature)).toBe(false)
  })

  it('rejects another secret, a changed parameter and a truncated signature', () => {
    const signature = sign('GET', documented, 'testsecret')
    expect(signatureMatches('GET', documented, 'othersecret', signature)).toBe(false)
    const changed = new Map(documented).set('Action', 'DescribeInstances')
    expect(signatureMatches('GET', changed, 'testsecret', signature)).toBe(false)
    expect(signatureMatches('GET', documented, 'testsecret', signature.slice(0, -1))).toBe(false)
  })
})
