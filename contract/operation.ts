import type { z } from 'zod'

/**
 * One API operation: its name is its route (`/api/v1/<name>`), reads are GET with the
 * input in the query string, writes are POST with a JSON body (DESIGN.md, API surface).
 * The server registers routes from these and the SPA's client calls them by name, so
 * neither side can drift from the other.
 */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string
  method: 'GET' | 'POST'
  input: I
  output: O
  summary: string
  description?: string
  tag: string
}

export const defineOperation = <I extends z.ZodType, O extends z.ZodType>(op: Operation<I, O>) => op

export type OperationInput<T> = T extends Operation<infer I, z.ZodType> ? z.input<I> : never
export type OperationOutput<T> = T extends Operation<z.ZodType, infer O> ? z.output<O> : never
