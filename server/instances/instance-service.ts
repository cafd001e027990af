import type { CreateInstanceBody, Instance, InstanceConnection } from '@contract/instances'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { newId } from '../ids'
import { checkConnection, type InstanceProvider, type StoredInstanceConnection } from '../providers/provider'
import { providerOf, providersFor } from '../providers/provider-registry'
import { toStoredInstanceConnection } from '../providers/stored-connection'
import { deleteInstance, getInstance, insertInstance, instanceNameTaken } from './instance-store'
import type { SyncRunner } from './sync-runner'

/** Creating, checking and removing instances; reads go straight to instance-store. */
export class InstanceService {
  constructor(
    private db: Db,
    private sync: SyncRunner,
  ) {}

  /** Checks name and connection before writing, so a failed create leaves nothing behind. */
  async create(body: CreateInstanceBody, opts: { id?: string } = {}): Promise<Instance> {
    const { instanceName, ...conn } = body
    if (await instanceNameTaken(this.db, instanceName)) {
      throw new ApiError('INSTANCE_NAME_CONFLICT', `An instance named "${instanceName}" already exists.`, { instanceName: ['is already used by another instance'] })
    }
    const stored = toStoredInstanceConnection(conn)
    await checkConnection(this.providerFor(stored), stored)
    const id = opts.id ?? newId('cri')
    await insertInstance(this.db, id, instanceName, stored)
    void this.sync.start(id)
    return getInstance(this.db, id)
  }

  /** A failed registry test is an answer, not an error: it names the step that failed. */
  async test(conn: InstanceConnection) {
    const stored = toStoredInstanceConnection(conn)
    return this.providerFor(stored).testConnection(stored)
  }

  /** The provider of a connection, typed loosely: `stored` is of the kind the provider serves. */
  private providerFor(stored: StoredInstanceConnection): InstanceProvider<StoredInstanceConnection['kind']> {
    return providerOf(providersFor(this.db), stored.kind)
  }

  async syncNow(instanceId: string): Promise<Instance> {
    await getInstance(this.db, instanceId)
    // Mark it before starting, so the response already says SYNCING and the UI polls.
    if (!this.sync.isRunning(instanceId)) {
      await this.db.updateTable('instances').set({ sync_status: 'SYNCING' }).where('id', '=', instanceId).execute()
    }
    void this.sync.start(instanceId)
    return getInstance(this.db, instanceId)
  }

  async remove(instanceId: string): Promise<void> {
    await deleteInstance(this.db, instanceId)
  }
}
