import { createHash } from 'node:crypto'
import type { OpenAPIHono } from '@hono/zod-openapi'

/** The docs page's only styling, allowed by its hash (security-headers.ts) rather than 'unsafe-inline'. */
export const DOCS_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2328;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#7cb7ff}table,th,td{border-color:#30363d}}
h2{font-size:1.05rem;margin-top:2rem}code,pre{font:13px ui-monospace,monospace}pre{overflow:auto;padding:.75rem;border:1px solid #8884}
.m{display:inline-block;min-width:3.2rem;text-align:center;border-radius:4px;padding:0 .3rem;color:#fff}.get{background:#1a7f37}.post{background:#0550ae}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}
.d{color:inherit;opacity:.85}`
export const DOCS_STYLE_HASH = `'sha256-${createHash('sha256').update(DOCS_STYLE, 'utf8').digest('base64')}'`

type OpenAPIObject = ReturnType<OpenAPIHono['getOpenAPIDocument']>

const esc = (s: string | number | boolean | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch)

type Schema = { type?: string; enum?: unknown[]; description?: string; $ref?: string; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[] }
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: Schema }

function typeOf(s: Schema | undefined): string {
  if (!s) return ''
  if (s.$ref) return s.$ref.split('/').pop() ?? ''
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (s.type === 'array') return `${typeOf(s.items)}[]`
  const alt = s.anyOf ?? s.oneOf
  if (alt) return alt.map(typeOf).join(' | ')
  return s.type ?? 'object'
}

/**
 * A readable, script-free page of the API built from the same OpenAPI document the
 * server publishes, so it cannot disagree with /api/openapi.json.
 */
export function renderDocsPage(doc: OpenAPIObject): string {
  const sections = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    (['get', 'post'] as const).flatMap((method) => {
      const op = (item as Record<string, { operationId?: string; summary?: string; description?: string; parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)[method]
      if (!op) return []
      const params = op.parameters ?? []
      const body = op.requestBody?.content?.['application/json']?.schema
      const ok = op.responses?.['200']?.content?.['application/json']?.schema
      return [
        `<section id="${esc(op.operationId)}"><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(p)}</code></h2>
<p>${esc(op.summary)}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
${params.length ? `<table><caption>Query parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${params.map((q) => `<tr><td><code>${esc(q.name)}</code></td><td>${esc(typeOf(q.schema))}</td><td>${q.required ? 'yes' : 'no'}</td><td>${esc(q.description ?? q.schema?.description)}</td></tr>`).join('')}</tbody></table>` : ''}
${body ? `<details><summary>Request body (JSON)</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
${ok ? `<details><summary>Response 200</summary><pre>${esc(JSON.stringify(ok, null, 2))}</pre></details>` : ''}</section>`,
      ]
    }),
  )
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} API</title><style>${DOCS_STYLE}</style></head><body><main>
<h1>${esc(doc.info.title)} API <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>{ "code", "message", "requestId" }</code> with an HTTP 4xx/5xx status.</p>
<nav aria-label="Operations"><ul>${Object.values(doc.paths ?? {})
    .flatMap((item) => Object.values(item as Record<string, { operationId?: string }>))
    .map((op) => `<li><a href="#${esc(op.operationId)}">${esc(op.operationId)}</a></li>`)
    .join('')}</ul></nav>
${sections.join('\n')}</main></body></html>`
}
