/**
 * The `notifications` section of a CNCF distribution registry's config.yml that sends
 * its push events to this server: the URL, the header with the secret, and pulls
 * ignored (the server would ignore them anyway; this spares the requests).
 *
 * @example
 * registryNotificationConfig({ url: 'https://ls.example.com/api/hooks/registry/cri-1', header: 'X-Layerscope-Webhook-Secret', secret: 'lswh_…' })
 * // 'notifications:\n  endpoints:\n    - name: layerscope\n      url: https://ls.example.com/…'
 */
export function registryNotificationConfig(opts: { url: string; header: string; secret: string }): string {
  return [
    'notifications:',
    '  endpoints:',
    '    - name: layerscope',
    `      url: ${opts.url}`,
    '      headers:',
    `        ${opts.header}: [${yamlScalar(opts.secret)}]`,
    '      timeout: 5s',
    '      threshold: 5',
    '      backoff: 10s',
    '      ignore:',
    '        actions: [pull]',
    '',
  ].join('\n')
}

/** A flow-sequence item as YAML reads it: quoted when it holds anything YAML would take apart. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_.~-]+$/.test(value) ? value : `'${value.replaceAll("'", "''")}'`
}

/** Where the registry posts: this server's origin and the instance's webhook path. */
export function webhookUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`
}
