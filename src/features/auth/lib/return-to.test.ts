import { describe, expect, it } from 'vitest'
import { HOME_PATH, safeReturnTo, signInPath } from './return-to'

describe('safeReturnTo', () => {
  it('keeps paths of this app with their query and hash', () => {
    expect(safeReturnTo('/instances/cri-1/scans/t-1?tab=baseline&pageNo=2#top')).toBe('/instances/cri-1/scans/t-1?tab=baseline&pageNo=2#top')
  })

  it('refuses other origins, odd schemes, control characters and itself', () => {
    for (const bad of [null, undefined, '', 'instances', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/x\u0000y', '/a\\b', '/sign-in?returnTo=/x']) {
      expect(safeReturnTo(bad), String(bad)).toBe(HOME_PATH)
    }
  })
})

describe('signInPath', () => {
  it('carries the return path, encoded', () => {
    expect(signInPath('/instances?pageNo=2')).toBe('/sign-in?returnTo=%2Finstances%3FpageNo%3D2')
    expect(signInPath('//evil')).toBe('/sign-in?returnTo=%2Finstances')
  })
})
