import type { z } from 'zod'
import { ApiError } from '../errors'

/**
 * Turns a zod failure into PARAM_INVALID with per-field messages, e.g.
 * `pageSize: must be at most 100`, so both API users and the SPA's forms can show them.
 */
export function paramInvalid(error: z.ZodError): ApiError {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    ;(fieldErrors[key] ??= []).push(describeIssue(issue))
  }
  const summary = Object.entries(fieldErrors)
    .map(([k, v]) => (k === '_' ? v.join('; ') : `${k}: ${v.join('; ')}`))
    .join(', ')
  return new ApiError('PARAM_INVALID', `Invalid parameters — ${summary}`, fieldErrors)
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'is required' : `must be at least ${String(issue.minimum)}`
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union':
      return 'is not a valid value'
    default:
      return issue.message
  }
}
