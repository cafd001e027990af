/**
 * Secret-looking values and test files for the baseline and malicious-file checks. None
 * of them is a working credential or real malware: the AWS pair is AWS's own documented
 * example, the keys have a readable dummy body, and EICAR is the anti-virus test string.
 */

export const AWS_EXAMPLE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
export const AWS_EXAMPLE_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
/** `ghp_` + 36 characters: the shape of a GitHub token, with a checksum that cannot verify. */
export const DEMO_GITHUB_TOKEN = 'ghp_DemoTokenNotRealDoNotUse0123456789ab'
/** An Alibaba Cloud AccessKey ID shape (`LTAI…`), which ACR reports as `ak_leak`. */
export const DEMO_ALIBABA_ACCESS_KEY_ID = 'LTAI5tDemoOnlyNotAKey00'

/**
 * A PEM block whose body is base64 of a plain sentence, so a secret scanner sees a private
 * key header and a base64 body while nobody can mistake it for key material.
 */
export function dummyPem(label: string, lines = 6): string {
  const sentence = `layerscope demo ${label.toLowerCase()}: not a real key, safe to publish. `
  const body = Buffer.from(sentence.repeat(lines * 2)).toString('base64')
  const wrapped = body.slice(0, lines * 64).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${wrapped.join('\n')}\n-----END ${label}-----\n`
}

/**
 * The 68-byte EICAR anti-virus test file. It is assembled at run time so that this source
 * file itself never contains the string an anti-virus on a developer machine would flag.
 */
export function eicarTestFile(): string {
  const head = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$`
  const tail = ['EICAR', 'STANDARD', 'ANTIVIRUS', 'TEST', 'FILE!$H+H*'].join('-')
  return head + tail
}
