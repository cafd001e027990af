import path from 'node:path'
import type { Db } from '../db/database'
import { stableId } from '../ids'
import type { InstanceService } from '../instances/instance-service'
import type { Logger } from '../log'
import { buildDemoImages } from './demo-images'

export const DEMO_INSTANCE_NAME = 'demo'
/** Fixed, so links into the demo instance survive a reset of the data directory. */
export const DEMO_INSTANCE_ID = stableId('cri', 'layerscope-demo-instance')

/**
 * On a fresh database, writes the bundled demo images (real OCI layouts and a docker
 * save archive) into the data directory and adds them as the "demo" instance, so the
 * first look at a new install shows something real. Deleting it later is respected.
 */
export async function createDemoInstance(deps: { db: Db; instances: InstanceService; dataDir: string; log: Logger }): Promise<void> {
  const dir = path.join(deps.dataDir, 'demo-images')
  const images = await buildDemoImages(dir)
  await deps.instances.create({ kind: 'DIRECTORY', instanceName: DEMO_INSTANCE_NAME, path: dir }, { id: DEMO_INSTANCE_ID })
  deps.log.info('demo instance created', { instanceId: DEMO_INSTANCE_ID, images: images.length })
}
