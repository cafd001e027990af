import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv'

describe('csvCell', () => {
  it('prefixes every formula start with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`)
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('-1')).toBe("'-1")
  })

  it('leaves ordinary text and numbers alone, quoting separators, quotes and line breaks', () => {
    expect(csvCell('CVE-2021-44228')).toBe('CVE-2021-44228')
    expect(csvCell(9.8)).toBe('9.8')
    expect(csvCell(null)).toBe('')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('\rcarriage')).toBe(`"'\rcarriage"`)
  })
})

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 1, null, '@x'])).toBe("a,1,,'@x\r\n")
  })
})
