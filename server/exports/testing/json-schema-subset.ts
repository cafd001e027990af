type Schema = boolean | { [keyword: string]: unknown }

/**
 * Checks a document against a JSON schema, for tests: `$ref` (inside the document),
 * `type`, `enum`, `const`, `pattern`, `required`, `properties`, `additionalProperties`,
 * `items`, `allOf`, `anyOf` and `oneOf` (as "at least one"). Other keywords and references
 * to other files are not checked. The CycloneDX schemas need ajv for a full validation,
 * which the project does not depend on; this subset covers the shape: every required
 * field, every enum, no unknown property where the spec forbids them.
 *
 * @example
 * schemaErrors(bomSchema, JSON.parse(sbom)) // [] when it conforms
 */
export function schemaErrors(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = []
  check(root, root, value, '$', errors)
  return errors
}

function resolve(root: Record<string, unknown>, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = root
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node as Schema | undefined
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function check(root: Record<string, unknown>, schema: Schema | undefined, value: unknown, at: string, errors: string[]): void {
  if (schema === undefined || schema === true) return
  if (schema === false) {
    errors.push(`${at}: not allowed`)
    return
  }
  if (typeof schema.$ref === 'string') check(root, resolve(root, schema.$ref), value, at, errors)
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type) as string[]
    const actual = typeOf(value)
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) errors.push(`${at}: expected ${types.join('|')}, got ${actual}`)
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of the enum`)
  if ('const' in schema && schema.const !== value) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`)
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`)
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) check(root, sub, value, at, errors)
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined
    if (options && !options.some((o) => schemaErrors0(root, o, value, at))) errors.push(`${at}: matches none of ${key}`)
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>
    for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in object)) errors.push(`${at}: missing required ${name}`)
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {}
    for (const [name, v] of Object.entries(object)) {
      if (name in properties) check(root, properties[name], v, `${at}.${name}`, errors)
      else if (schema.additionalProperties === false) errors.push(`${at}: unknown property ${name}`)
      else if (typeof schema.additionalProperties === 'object') check(root, schema.additionalProperties as Schema, v, `${at}.${name}`, errors)
    }
  }
  if (Array.isArray(value) && schema.items !== undefined && !Array.isArray(schema.items)) {
    value.forEach((item, i) => check(root, schema.items as Schema, item, `${at}[${i}]`, errors))
  }
}

function schemaErrors0(root: Record<string, unknown>, schema: Schema, value: unknown, at: string): boolean {
  const errors: string[] = []
  check(root, schema, value, at, errors)
  return errors.length === 0
}
