import { z } from 'zod'

/**
 * What a strict wire schema reads as when every field may be missing: strings (enums
 * included) read as strings, numbers also from numeric strings, messages may be null.
 */
export type Lenient<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Lenient<U>[]
        : T extends object
          ? { [K in keyof T]: LenientField<T[K]> }
          : T
type LenientField<V> = V extends readonly unknown[] ? Lenient<V> : V extends object ? Lenient<V> | null : Lenient<V>

const num = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number())

/**
 * The reader's form of a strict schema, so the model is written once (as Central
 * marshals it) and a client still reads older and newer Centrals: every field optional
 * with its unset value as default ("" , 0, false, [], null for a message), enum values
 * read as plain strings (mapped by table later, an unknown one to "unknown"), unknown
 * fields kept, int64 strings read as numbers where the model says number.
 *
 * @example
 * const reader = lenientSchema(storageImage)
 * reader.parse({ id: 'sha256:…' }).scan // null
 */
export function lenientSchema<S extends z.ZodType>(schema: S): z.ZodType<Lenient<z.output<S>>> {
  return lenient(schema) as unknown as z.ZodType<Lenient<z.output<S>>>
}

function lenient(schema: z.ZodType): z.ZodType {
  const def = schema.def as { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType }
  switch (def.type) {
    case 'object':
      return z.looseObject(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, field]) => [k, lenientField(field)])))
    case 'array':
      return z.array(lenient(def.element ?? z.unknown())).nullable().default([]).transform((v) => v ?? [])
    case 'nullable':
      return lenient(def.innerType ?? z.unknown()).nullable().default(null)
    case 'string':
    case 'enum':
      return z.string().default('')
    case 'number':
      return num.default(0)
    case 'boolean':
      return z.boolean().default(false)
    default:
      return schema
  }
}

/** A field: a message the strict model requires may still be missing (null) when read. */
function lenientField(field: z.ZodType): z.ZodType {
  return (field.def as { type: string }).type === 'object' ? lenient(field).nullable().default(null) : lenient(field)
}
