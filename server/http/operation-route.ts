import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { z } from 'zod'
import { apiErrorBody } from '@contract/common'
import type { Operation } from '@contract/operation'
import { paramInvalid } from './validation'
import type { AppEnv } from './request-context'

export type OperationHandler<O extends Operation> = (
  input: z.output<O['input']>,
  c: Context<AppEnv>,
) => Promise<z.input<O['output']>>

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: apiErrorBody } },
})

/**
 * Mounts one contract operation at `/api/v1/<name>`: GET reads its input from the query
 * string, POST from a JSON body; the input is validated (PARAM_INVALID otherwise) and the
 * output is checked against the contract before it leaves, so a server bug cannot send
 * the SPA a shape it does not expect.
 */
export function mountOperation<O extends Operation>(app: OpenAPIHono<AppEnv>, op: O, handler: OperationHandler<O>) {
  const request =
    op.method === 'GET'
      ? { query: op.input as unknown as z.ZodObject }
      : { body: { required: true, content: { 'application/json': { schema: op.input } } } }
  const route = createRoute({
    method: op.method === 'GET' ? 'get' : 'post',
    path: `/api/v1/${op.name}`,
    operationId: op.name,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    request,
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: op.output } } },
      400: errorResponse('PARAM_INVALID or another client error'),
      401: errorResponse('UNAUTHENTICATED: sign-in is required (Authorization: Bearer lsk_…, the session cookie, or the sign-in proxy)'),
      403: errorResponse('ACCESS_DENIED (the role may not call this operation) or CSRF_TOKEN_INVALID (a cookie-session POST without X-CSRF-Token)'),
      404: errorResponse('Unknown id (INSTANCE_NOT_EXIST, REPO_NOT_EXIST, TAG_NOT_EXIST, SCAN_TASK_NOT_EXIST, SCAN_NOT_FOUND, …)'),
      409: errorResponse('Conflict with the current state (SCAN_NOT_COMPLETE, SCAN_FAILED, INSTANCE_NAME_CONFLICT)'),
      500: errorResponse('INTERNAL_ERROR'),
    },
  })
  app.openapi(
    route,
    async (c) => {
      const input = (op.method === 'GET' ? c.req.valid('query' as never) : c.req.valid('json' as never)) as z.output<O['input']>
      const output: unknown = op.output.parse(await handler(input, c))
      // Every successful write is audited (server/audit/): who, which operation, which ids.
      if (op.method === 'POST') await c.get('recordAudit')?.(op.name, input, output)
      return c.json(output as never, 200)
    },
    (result) => {
      if (!result.success) throw paramInvalid(result.error)
    },
  )
}
