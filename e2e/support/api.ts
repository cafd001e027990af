import { expect, type APIRequestContext } from '@playwright/test'
import type { z } from 'zod'
import type { Instance } from '@contract/instances'
import { operations, type OperationName, type Operations } from '@contract/operations'
import type { Repository } from '@contract/repositories'
import type { ScanTask } from '@contract/scans'

type Output<N extends OperationName> = z.output<Operations[N]['output']>

/**
 * Calls an API operation of the server under test, the way the SPA does (GET query
 * string or POST JSON), and fails the test on an error answer. Tests use it to learn
 * ids and the data the UI must show, never to drive the UI.
 */
export async function callApi<N extends OperationName>(request: APIRequestContext, name: N, input: Record<string, string | number | boolean | undefined> = {}): Promise<Output<N>> {
  const op = operations[name]
  const params = Object.fromEntries(Object.entries(input).filter((e): e is [string, string | number | boolean] => e[1] !== undefined))
  const res = op.method === 'GET' ? await request.get(`/api/v1/${name}`, { params }) : await request.post(`/api/v1/${name}`, { data: params })
  expect(res.ok(), `${name} answered ${res.status()}: ${await res.text()}`).toBe(true)
  return (await res.json()) as Output<N>
}

/** Every instance the server knows, by name. */
export async function listInstances(request: APIRequestContext): Promise<Instance[]> {
  return (await callApi(request, 'listInstance', { pageSize: 100 })).items
}

export const DEMO_INSTANCE_NAME = 'demo'
/** The demo images' repositories (server/demo/demo-images.ts), in name order. */
export const DEMO_REPOSITORIES = ['demo/alpine-base', 'demo/dotnet-api', 'demo/legacy-api', 'demo/shop-app', 'demo/ubuntu-web']

/** The demo instance once its first sync has finished (the server starts it at boot). */
export async function readyDemoInstance(request: APIRequestContext): Promise<Instance> {
  let demo: Instance | undefined
  await expect
    .poll(
      async () => {
        demo = (await listInstances(request)).find((i) => i.instanceName === DEMO_INSTANCE_NAME)
        return demo?.syncStatus
      },
      { message: 'the demo instance is indexed', timeout: 30_000 },
    )
    .toBe('READY')
  return demo as Instance
}

export async function repositoryByName(request: APIRequestContext, instanceId: string, fullName: string): Promise<Repository> {
  const page = await callApi(request, 'listRepository', { instanceId, repoName: fullName, pageSize: 100 })
  const repo = page.items.find((r) => r.fullName === fullName)
  expect(repo, `repository ${fullName}`).toBeDefined()
  return repo as Repository
}

/** The demo images' scans the server queues at first boot (five images; seven tags share them). */
export const DEMO_SCAN_COUNT = 5

/**
 * Every scan task of the instance once none is running: the server imports the bundled
 * advisories and queues the demo scans at first boot, and tests wait for that here.
 */
export async function finishedScans(request: APIRequestContext, instanceId: string, atLeast = DEMO_SCAN_COUNT): Promise<ScanTask[]> {
  let tasks: ScanTask[] = []
  await expect
    .poll(
      async () => {
        tasks = (await callApi(request, 'listScanTask', { instanceId, pageSize: 100 })).items
        return tasks.length >= atLeast && tasks.every((t) => t.status === 'COMPLETE' || t.status === 'FAILED')
      },
      { message: `at least ${atLeast} scans of ${instanceId} have finished`, timeout: 60_000 },
    )
    .toBe(true)
  return tasks
}
