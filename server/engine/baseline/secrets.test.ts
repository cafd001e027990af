import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN } from '../../demo/images/fake-secrets'
import { findAssignedSecrets, findPemPrivateKeys, findSecrets, findTokenSecrets, findValueSecrets, isPlausibleSecretValue, isSecretName, maskRanges, maskSecret, maskSecretsIn } from './secrets'

const values = (text: string, found: { start: number; end: number }[]) => found.map((m) => text.slice(m.start, m.end))

describe('maskSecret', () => {
  it('keeps at most four characters at each end and never the whole value', () => {
    expect(maskSecret(AWS_EXAMPLE_ACCESS_KEY_ID)).toBe('AKIA************MPLE')
    expect(maskSecret(AWS_EXAMPLE_SECRET_ACCESS_KEY)).toBe('wJal****************EKEY')
    expect(maskSecret('Winter2019!')).toBe('Wi*******9!')
    expect(maskSecret('admin123')).toBe('a******3')
    expect(maskSecret('abcd')).toBe('****')
    expect(maskSecret('x')).toBe('*')
    expect(maskSecret('')).toBe('')
  })

  it('never reveals more than 40% of a value', () => {
    for (let n = 1; n <= 80; n++) {
      const v = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv'.slice(0, n)
      const shown = maskSecret(v).replace(/\*/g, '').length
      expect(shown, v).toBeLessThanOrEqual(Math.floor(n * 0.4))
      expect(maskSecret(v)).not.toBe(v)
    }
  })

  it('masks ranges in a text, merging overlaps', () => {
    expect(maskRanges('a=SECRETVALUE1;b=2', [{ start: 2, end: 14 }])).toBe('a=SE********E1;b=2')
    expect(maskRanges('xxABCDEFGHIJyy', [{ start: 2, end: 8 }, { start: 5, end: 12 }])).toBe('xxAB******IJyy')
  })
})

describe('token-shaped secrets', () => {
  it('finds the demo keys by shape, with word boundaries', () => {
    const text = `id=${AWS_EXAMPLE_ACCESS_KEY_ID} gh=${DEMO_GITHUB_TOKEN} ali=${DEMO_ALIBABA_ACCESS_KEY_ID}`
    const found = findTokenSecrets(text)
    expect(found.map((m) => m.kind).sort()).toEqual(['alibaba-access-key-id', 'aws-access-key-id', 'github-token'])
    expect(values(text, found).sort()).toEqual([AWS_EXAMPLE_ACCESS_KEY_ID, DEMO_ALIBABA_ACCESS_KEY_ID, DEMO_GITHUB_TOKEN].sort())
    // Inside a longer word, or too short, it is not a key.
    expect(findTokenSecrets(`X${AWS_EXAMPLE_ACCESS_KEY_ID}`)).toEqual([])
    expect(findTokenSecrets('AKIA1234')).toEqual([])
    expect(findTokenSecrets('LTAIshort')).toEqual([])
  })

  it('finds Slack, GitLab, Google, Stripe and npm tokens and JWTs', () => {
    const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"1234567890","name":"demo"}').toString('base64url')}.c2lnbmF0dXJlLW5vdC1yZWFs`
    const text = [`xoxb-${'1'.repeat(12)}-${'a'.repeat(24)}`, `glpat-${'x'.repeat(20)}`, `AIza${'B'.repeat(35)}`, `sk_live_${'c'.repeat(24)}`, `npm_${'d'.repeat(36)}`, jwt, `https://hooks.slack.com/services/T000/B000/${'e'.repeat(24)}`].join('\n')
    expect(findTokenSecrets(text).map((m) => m.kind).sort()).toEqual(['gitlab-token', 'google-api-key', 'jwt', 'npm-token', 'slack-token', 'slack-webhook', 'stripe-key'])
  })
})

describe('secret-named keys', () => {
  it('knows credential names from names that only mention one', () => {
    for (const n of ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'GITHUB_TOKEN', 'DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'JWT_SECRET', 'OPENAI_API_KEY', 'DB_PASS', 'dbPwd', '_authToken', '_auth', 'client_secret', 'adminPassword', 'SECRET_KEY_BASE']) expect(isSecretName(n), n).toBe(true)
    for (const n of ['PATH', 'POSTGRES_PASSWORD_FILE', 'PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'max_tokens', 'GPG_KEY', 'BYPASS', 'PWD', 'OLDPWD', 'secretName', 'CLIENT_ID', 'NODE_VERSION', 'JAVA_HOME', 'author']) expect(isSecretName(n), n).toBe(false)
  })

  it('tells values from placeholders and references', () => {
    for (const v of ['Winter2019!', 'admin123', 'changeme', 's3cr3t-t0ken']) expect(isPlausibleSecretValue(v), v).toBe(true)
    for (const v of ['', 'x', '${DB_PASSWORD}', '$DB_PASSWORD', '%DB_PASSWORD%', '<password>', '{{ .Values.pw }}', '/run/secrets/db', 'true', 'null', '********', 'xxxxxxxx', '3600', 'os.environ["PW"]', '{', 'two words']) expect(isPlausibleSecretValue(v), v).toBe(false)
    expect(isPlausibleSecretValue('two words', { allowSpaces: true })).toBe(true)
  })

  it('reads .env, YAML, JSON, properties, INI and npmrc assignments', () => {
    const cases: [string, string][] = [
      ['JWT_SECRET=4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69\n', '4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69'],
      ['database:\n  password: Winter2019!\n', 'Winter2019!'],
      ['{\n  "adminPassword": "admin123"\n}\n', 'admin123'],
      ['spring.datasource.password=hunter22\n', 'hunter22'],
      ['[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJGRlbW8\n', 'pypi-AgEIcHlwaS5vcmcCJGRlbW8'],
      [`//npm.registry.example.com/:_authToken=npm_${'a'.repeat(36)}\n`, `npm_${'a'.repeat(36)}`],
      ["db_pass: 'quoted value'\n", 'quoted value'],
      ['<Resource name="jdbc/x" password="tomcatPw1" />\n', 'tomcatPw1'],
    ]
    for (const [text, value] of cases) expect(values(text, findAssignedSecrets(text)), text).toEqual([value])
  })

  it('leaves keys without a value, comparisons and nested maps alone', () => {
    for (const text of ['password:\n  file: /run/secrets/pw\n', 'if password == "x":', 'auth: { type: basic }', '"pass": "x"', 'token_ttl: 3600', 'PASSWORD_FILE=/run/secrets/pw', 'passwd -d root']) expect(findAssignedSecrets(text), text).toEqual([])
  })

  it('finds passwords in URLs', () => {
    const text = 'DATABASE_URL=postgres://shop:Sup3rS3cretPassw0rd@db.internal:5432/shop\nHOME=https://example.org:8443/x\nREDIS=redis://:${REDIS_PW}@redis:6379'
    expect(values(text, findSecrets(text))).toEqual(['Sup3rS3cretPassw0rd'])
  })

  it('counts an AWS key once, by its shape, and recognises the secret key by name and length', () => {
    const text = `AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}\n`
    expect(findSecrets(text).map((m) => m.kind)).toEqual(['aws-access-key-id', 'aws-secret-access-key'])
  })
})

describe('PEM private keys', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })

  it('finds PKCS#1, PKCS#8, SEC1 and encrypted keys, and not public keys', () => {
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
    const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString()
    const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'demo-passphrase' }).toString()
    const pub = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const found = findPemPrivateKeys([pkcs1, pkcs8, sec1, encrypted, pub].join('\n'))
    expect(found.map((k) => [k.label, k.encrypted])).toEqual([
      ['RSA PRIVATE KEY', false],
      ['PRIVATE KEY', false],
      ['EC PRIVATE KEY', false],
      ['ENCRYPTED PRIVATE KEY', true],
    ])
  })

  it('needs the END line and a base64 body', () => {
    expect(findPemPrivateKeys('-----BEGIN RSA PRIVATE KEY-----\nnot base64 at all!\n-----END RSA PRIVATE KEY-----\n')).toEqual([])
    expect(findPemPrivateKeys('-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n')).toEqual([])
    expect(findPemPrivateKeys('-----BEGIN CERTIFICATE-----\nMIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END CERTIFICATE-----\n')).toEqual([])
  })

  it('is found in a value (an ENV holding a key) and masked by maskSecretsIn', () => {
    const pem = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
    expect(findValueSecrets(pem).map((m) => m.kind)).toEqual(['private-key'])
    const masked = maskSecretsIn(`KEY=${pem}`)
    expect(masked).not.toContain(pem.split('\n')[1])
  })
})

describe('hostile input stays linear', () => {
  const timed = (f: () => unknown) => {
    const t = performance.now()
    f()
    return performance.now() - t
  }

  it('scans 10 MB of one character, of anchors and of keywords in bounded time', () => {
    for (const text of ['a'.repeat(10_000_000), 'AKIA'.repeat(2_500_000), 'password'.repeat(1_250_000), 'pass='.repeat(2_000_000), '-----BEGIN '.repeat(900_000), 'eyJ'.repeat(3_000_000), '://'.repeat(3_000_000)]) {
      expect(timed(() => findSecrets(text)), text.slice(0, 12)).toBeLessThan(3000)
      expect(timed(() => findPemPrivateKeys(text)), text.slice(0, 12)).toBeLessThan(3000)
    }
  })

  it('caps the matches of a file full of keys', () => {
    const text = 'AWS_SECRET=k1k2k3k4k5\n'.repeat(100_000)
    expect(findSecrets(text).length).toBe(50)
  })

  it('survives binary junk', () => {
    const junk = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 2654435761) >>> 24)).toString('latin1')
    expect(() => findSecrets(junk)).not.toThrow()
  })
})
