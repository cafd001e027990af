/**
 * A JSON Schema (draft-07 / 2020-12) checker for the keywords the CycloneDX 1.6 schema
 * uses on the parts a VEX document fills in: type, properties, additionalProperties,
 * required, enum, const, items, min/maxItems, uniqueItems, pattern, min/maxLength,
 * minimum/maximum, oneOf/anyOf/allOf/not, if/then/else, date-time formats and local
 * `$ref`s. The project does not install ajv (the CycloneDX library's optional validator
 * peer), so tests validate against the official schema file with this instead. A `$ref`
 * to another file (the SPDX licence list, JSF signatures) is not followed: VEX documents
 * use neither.
 */

type Schema = boolean | { [k: string]: unknown }
type Json = unknown

const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v)

// Schemas write ECMA-262 patterns; a few escape characters that unicode mode refuses.
const pattern = (source: string): RegExp => {
  try {
    return new RegExp(source, 'u')
  } catch {
    return new RegExp(source)
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function checkJsonSchema(root: Record<string, unknown>, value: Json): string[] {
  const errors: string[] = []
  const resolve = (ref: string): Schema | undefined => {
    if (!ref.startsWith('#/')) return undefined
    let node: unknown = root
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    return node as Schema | undefined
  }

  const check = (schema: Schema | undefined, v: Json, path: string, out: string[]): void => {
    if (schema === undefined || schema === true) return
    if (schema === false) return void out.push(`${path}: not allowed`)
    const s = schema
    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref)
      if (target !== undefined) check(target, v, path, out)
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
      const t = typeOf(v)
      if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return void out.push(`${path}: is ${t}, expected ${types.join('|')}`)
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) out.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`)
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(v)) out.push(`${path}: must be ${JSON.stringify(s.const)}`)
    if (typeof v === 'string') {
      if (typeof s.pattern === 'string' && !pattern(s.pattern).test(v)) out.push(`${path}: does not match ${s.pattern}`)
      if (typeof s.minLength === 'number' && [...v].length < s.minLength) out.push(`${path}: shorter than ${s.minLength}`)
      if (typeof s.maxLength === 'number' && [...v].length > s.maxLength) out.push(`${path}: longer than ${s.maxLength}`)
      if (s.format === 'date-time' && !RFC3339.test(v)) out.push(`${path}: not an RFC 3339 date-time`)
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) out.push(`${path}: below ${s.minimum}`)
      if (typeof s.maximum === 'number' && v > s.maximum) out.push(`${path}: above ${s.maximum}`)
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) out.push(`${path}: fewer than ${s.minItems} items`)
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) out.push(`${path}: more than ${s.maxItems} items`)
      if (s.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) out.push(`${path}: items are not unique`)
      if (s.items !== undefined && !Array.isArray(s.items)) v.forEach((item, i) => check(s.items as Schema, item, `${path}[${i}]`, out))
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, Json>
      const props = (s.properties ?? {}) as Record<string, Schema>
      for (const key of Array.isArray(s.required) ? (s.required as string[]) : []) if (!(key in obj)) out.push(`${path}: missing ${key}`)
      for (const [key, item] of Object.entries(obj)) {
        if (key in props) check(props[key], item, `${path}.${key}`, out)
        else if (s.additionalProperties === false) out.push(`${path}: unexpected property ${key}`)
        else if (typeof s.additionalProperties === 'object') check(s.additionalProperties as Schema, item, `${path}.${key}`, out)
      }
    }
    if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) check(sub, v, path, out)
    const passes = (sub: Schema) => {
      const e: string[] = []
      check(sub, v, path, e)
      return e.length === 0
    }
    if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some(passes)) out.push(`${path}: matches none of anyOf`)
    if (Array.isArray(s.oneOf) && (s.oneOf as Schema[]).filter(passes).length !== 1) out.push(`${path}: does not match exactly one of oneOf`)
    if (s.not !== undefined && passes(s.not as Schema)) out.push(`${path}: matches a schema it must not`)
    if (s.if !== undefined) {
      if (passes(s.if as Schema)) check(s.then as Schema | undefined, v, path, out)
      else check(s.else as Schema | undefined, v, path, out)
    }
  }

  check(root, value, '$', errors)
  return errors
}
