/**
 * Seeds a data directory, before the server opens it (PGlite serves one process), with an
 * ACR instance against a fake upstream and rules in our own table for it, as they were
 * saved before ACR instances' rules moved to ACR. The API cannot make those any more, so
 * only the database can.
 *
 *   DATA_DIR=… node --import tsx e2e/support/seed-legacy-rules.ts <endpoint> <accessKeyId> <accessKeySecret> <ruleName>…
 *
 * Prints the instance id.
 */
import { boot } from '../../server/boot'
import { loadEnv } from '../../server/env'
import { newId } from '../../server/ids'
import { createLogger } from '../../server/log'
import { ACR_INSTANCE_ID, ACR_REGION } from '../../server/providers/acr/testing/acr-fixtures'

const [endpoint, accessKeyId, accessKeySecret, ...ruleNames] = process.argv.slice(2)
if (!endpoint || !accessKeyId || !accessKeySecret || ruleNames.length === 0) throw new Error('usage: seed-legacy-rules.ts <endpoint> <accessKeyId> <accessKeySecret> <ruleName>…')

const env = loadEnv()
const booted = await boot({ dataDir: env.dataDir, demo: false, credentialsKey: env.CREDENTIALS_KEY, log: createLogger('warn') })
try {
  const instance = await booted.instances.create({ kind: 'ACR', instanceName: 'acr legacy rules', regionId: ACR_REGION, acrInstanceId: ACR_INSTANCE_ID, accessKeyId, accessKeySecret, endpoint })
  await booted.sync.idle()
  // Oldest first, a minute apart, so the list's newest-first order is the reverse of the names given.
  const start = Date.now() - ruleNames.length * 60_000
  for (const [i, name] of ruleNames.entries()) {
    const at = new Date(start + i * 60_000)
    await booted.database.db
      .insertInto('scan_rules')
      .values({
        id: newId('crscnr'),
        instance_id: instance.instanceId,
        name,
        scan_scope: 'NAMESPACE',
        trigger_type: i % 2 === 0 ? 'AUTO' : 'MANUAL',
        scan_type: 'VUL',
        tag_pattern: 'prod-.*',
        namespaces: JSON.stringify(['team']),
        repo_names: JSON.stringify([]),
        rescan_on_advisory_update: false,
        created_at: at,
        updated_at: at,
      })
      .execute()
  }
  process.stdout.write(`${instance.instanceId}\n`)
} finally {
  await booted.close()
}
