import { z } from 'zod'
import { epochMs, errorCodeSchema, instanceId, optionalParam, pageOf, pageQuery, searchText } from './common'

/**
 * An instance is one registry connection, served by a provider:
 * - `local`: our own index and scan engine, over an OCI distribution registry reached over
 *   HTTP(S) (`REGISTRY`) or a directory of OCI image layouts and `docker save` archives on
 *   the server's disk (`DIRECTORY`);
 * - `acr`: an Alibaba Cloud Container Registry Enterprise Edition instance (`ACR`), browsed
 *   and scanned through Alibaba Cloud's OpenAPI (cr, 2018-12-01);
 * - `stackrox`: a StackRox / Red Hat Advanced Cluster Security Central (`STACKROX`), whose
 *   image scans are read through its API.
 */
export const instanceKind = z.enum(['REGISTRY', 'DIRECTORY', 'ACR', 'STACKROX'])
export type InstanceKind = z.infer<typeof instanceKind>

export const instanceProvider = z.enum(['local', 'acr', 'stackrox'])
export type InstanceProvider = z.infer<typeof instanceProvider>

/** Which provider serves each kind: the kind decides, so the two can never disagree. */
export const providerOfKind = {
  REGISTRY: 'local',
  DIRECTORY: 'local',
  ACR: 'acr',
  STACKROX: 'stackrox',
} as const satisfies Record<InstanceKind, InstanceProvider>

/** Where an ACR instance's AccessKey comes from. */
export const acrCredentialSource = z.enum(['STORED', 'ENVIRONMENT'])
export type AcrCredentialSource = z.infer<typeof acrCredentialSource>

/**
 * An operation the instance's upstream cannot answer, and why; calling it answers
 * OPERATION_NOT_SUPPORTED with the same reason. The SPA shows these as unavailable.
 */
export const unsupportedOperation = z.object({
  operation: z.string().meta({ example: 'listScanBaselineByTask' }),
  reason: z.string(),
})
export type UnsupportedOperation = z.infer<typeof unsupportedOperation>

/** How far the server's index of the instance's repositories and tags is. */
export const syncStatus = z.enum(['PENDING', 'SYNCING', 'READY', 'FAILED'])
export type SyncStatus = z.infer<typeof syncStatus>

export const instance = z
  .object({
    instanceId,
    instanceName: z.string(),
    provider: instanceProvider,
    kind: instanceKind,
    endpoint: z.string().meta({
      description:
        'Registry URL; the directory path (DIRECTORY); the OpenAPI endpoint, e.g. https://cr.cn-hangzhou.aliyuncs.com (ACR); the Central URL (STACKROX).',
    }),
    username: z
      .string()
      .nullable()
      .meta({ description: 'Registry user name (REGISTRY); the password is never returned.' }),
    hasPassword: z.boolean().meta({
      description:
        'A secret is stored: registry password, ACR AccessKey secret or StackRox API token. Never returned.',
    }),
    insecureTls: z.boolean(),
    regionId: z
      .string()
      .nullable()
      .meta({ description: 'ACR: the Alibaba Cloud region, e.g. cn-hangzhou.', example: 'cn-hangzhou' }),
    upstreamInstanceId: z.string().nullable().meta({
      description: 'ACR: the ACR Enterprise Edition instance id in Alibaba Cloud.',
      example: 'cri-2j88dtld8yel0a1b',
    }),
    credentialSource: acrCredentialSource.nullable().meta({
      description:
        'ACR: STORED (an AccessKey given when the instance was added, encrypted at rest) or ENVIRONMENT (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET of the server).',
    }),
    cluster: z.string().nullable().meta({
      description:
        'STACKROX: the cluster whose registry integrations Central uses to pull images for scans; null lets Central choose.',
    }),
    unsupportedOperations: z
      .array(unsupportedOperation)
      .meta({ description: "Operations this instance's upstream cannot answer." }),
    syncStatus,
    syncError: z.string().nullable(),
    lastSyncTime: epochMs.nullable(),
    namespaceCount: z.number().int(),
    repoCount: z.number().int(),
    tagCount: z.number().int(),
    createTime: epochMs,
    modifiedTime: epochMs,
  })
  .meta({ id: 'Instance' })
export type Instance = z.infer<typeof instance>

const instanceName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'may use letters, digits, spaces, dots, dashes and underscores')

const registryUrl = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v)
      return (
        (u.protocol === 'http:' || u.protocol === 'https:') &&
        !u.username &&
        !u.password &&
        !u.search &&
        !u.hash
      )
    } catch {
      return false
    }
  }, 'must be an http:// or https:// URL without credentials, query or fragment')

export const registryConnection = z.object({
  kind: z.literal('REGISTRY'),
  url: registryUrl,
  username: optionalParam(z.string().max(256)),
  password: optionalParam(z.string().max(4096)),
  insecureTls: z.boolean().default(false),
})
export const directoryConnection = z.object({
  kind: z.literal('DIRECTORY'),
  path: z.string().trim().min(1, 'is required').max(4096),
})

/** Alibaba Cloud region ids: cn-hangzhou, ap-southeast-1, cn-hongkong-finance-1, … */
const regionId = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'must be an Alibaba Cloud region id such as cn-hangzhou')

/**
 * An ACR Enterprise Edition instance. The AccessKey is either given here (both halves,
 * stored encrypted) or, with both left out, read from the server's ALIBABA_CLOUD_ACCESS_KEY_ID
 * and ALIBABA_CLOUD_ACCESS_KEY_SECRET. `endpoint` overrides `https://cr.<regionId>.aliyuncs.com`
 * (the VPC endpoint, a proxy, or a compatible server).
 */
const acrConnectionFields = z.object({
  kind: z.literal('ACR'),
  regionId,
  acrInstanceId: z
    .string()
    .trim()
    .regex(/^cri-[0-9a-z]{4,32}$/, 'must look like cri- followed by lowercase letters or digits')
    .meta({ example: 'cri-2j88dtld8yel0a1b' }),
  accessKeyId: optionalParam(z.string().trim().min(1).max(256)),
  accessKeySecret: optionalParam(z.string().min(1).max(1024)),
  endpoint: optionalParam(registryUrl),
})
/** Both halves of the AccessKey, or neither (the server's environment then provides it). */
const bothHalvesOrNeither = <
  T extends z.ZodType<{ accessKeyId?: string | undefined; accessKeySecret?: string | undefined }>,
>(
  schema: T,
) =>
  schema.refine((v) => (v.accessKeyId === undefined) === (v.accessKeySecret === undefined), {
    message: 'give both the AccessKey ID and secret, or neither to use the server environment',
    path: ['accessKeySecret'],
  })
export const acrConnection = bothHalvesOrNeither(acrConnectionFields)

/** A StackRox / RHACS Central, reached with an API token (sent as a bearer token). */
export const stackroxConnection = z.object({
  kind: z.literal('STACKROX'),
  url: registryUrl,
  apiToken: z.string().trim().min(1, 'is required').max(8192),
  cluster: optionalParam(z.string().trim().max(256)),
  insecureTls: z.boolean().default(false),
})

export const instanceConnection = z.discriminatedUnion('kind', [
  registryConnection,
  directoryConnection,
  acrConnection,
  stackroxConnection,
])
export type InstanceConnection = z.infer<typeof instanceConnection>

export const createInstanceBody = z
  .discriminatedUnion('kind', [
    registryConnection.extend({ instanceName }),
    directoryConnection.extend({ instanceName }),
    bothHalvesOrNeither(acrConnectionFields.extend({ instanceName })),
    stackroxConnection.extend({ instanceName }),
  ])
  .meta({ id: 'CreateInstanceRequest' })
export type CreateInstanceBody = z.infer<typeof createInstanceBody>

// ─── Connection test: a checklist that names the step that failed ────────────

/** The checks a connection test runs, in order; a step after a failed one is NOT_RUN. */
export const connectionCheckStep = z.enum(['resolve', 'connect', 'tls', 'api', 'credentials', 'catalog'])
export type ConnectionCheckStep = z.infer<typeof connectionCheckStep>

export const connectionCheckStatus = z.enum(['PASSED', 'FAILED', 'SKIPPED', 'NOT_RUN'])
export type ConnectionCheckStatus = z.infer<typeof connectionCheckStatus>

export const connectionCheck = z.object({
  step: connectionCheckStep,
  status: connectionCheckStatus,
  detail: z
    .string()
    .nullable()
    .meta({ description: 'What the step found: the address resolved, the certificate, why it was skipped.' }),
})
export type ConnectionCheck = z.infer<typeof connectionCheck>

/**
 * What kind of failure a connection test met: the name did not resolve, nothing accepted
 * the connection, TLS failed, the endpoint is not the expected API (no `/v2/`), the
 * credentials were refused, they lack a permission, or the upstream throttled the test.
 */
export const connectionFailureStage = z.enum([
  'dns',
  'connect',
  'tls',
  'registry',
  'auth',
  'permission',
  'throttled',
])
export type ConnectionFailureStage = z.infer<typeof connectionFailureStage>

const connectionChecks = z
  .array(connectionCheck)
  .default([])
  .meta({ description: 'Each step of the test in order; empty for kinds without network steps (DIRECTORY).' })

/**
 * A connection test answers 200 whether or not the connection works: a failure is a
 * finding of the test, with the error code that adding the instance would fail with.
 */
export const testInstanceConnectionResult = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      message: z.string(),
      repositoryCount: z.number().int().nullable(),
      checks: connectionChecks,
    }),
    z.object({
      ok: z.literal(false),
      code: errorCodeSchema.meta({ description: 'What createInstance answers for the same connection.' }),
      stage: connectionFailureStage,
      message: z.string(),
      hint: z
        .string()
        .nullable()
        .meta({ description: 'What to change; null when there is nothing to suggest.' }),
      field: z
        .string()
        .nullable()
        .meta({ description: 'The form field most likely wrong (url, password, insecureTls, …), or null.' }),
      checks: connectionChecks,
    }),
  ])
  .meta({ id: 'TestInstanceConnectionResult' })
export type TestInstanceConnectionResult = z.infer<typeof testInstanceConnectionResult>

export const listInstanceQuery = pageQuery.extend({
  instanceName: searchText.meta({ description: 'Case-insensitive substring of the instance name.' }),
})
export const instanceIdQuery = z.object({ instanceId })
export const instanceIdBody = z.object({ instanceId })

export const instancePage = pageOf(instance)

// ─── Triggers: the registry webhook and polling ──────────────────────────────

/** Where a registry sends its notifications, and the header that carries the instance's secret. */
export const WEBHOOK_PATH_PREFIX = '/api/hooks/registry/'
export const WEBHOOK_SECRET_HEADER = 'X-Layerscope-Webhook-Secret'
/** Polling more often than this would mostly re-read an unchanged registry. */
export const MIN_POLL_INTERVAL_SECONDS = 60
export const MAX_POLL_INTERVAL_SECONDS = 7 * 24 * 60 * 60

export const instanceTriggers = z
  .object({
    instanceId,
    webhook: z.object({
      configured: z
        .boolean()
        .meta({ description: 'A secret is set: registry notifications with it are accepted.' }),
      path: z.string().meta({
        description: `Where the registry posts its notifications, on this server's origin: ${WEBHOOK_PATH_PREFIX}<instanceId>.`,
      }),
      header: z.string().meta({ description: 'The request header that must carry the secret.' }),
      secretSetTime: epochMs.nullable(),
      lastDeliveryTime: epochMs
        .nullable()
        .meta({ description: 'When a notification with the right secret last arrived.' }),
    }),
    poll: z.object({
      intervalSeconds: z.number().int().nullable().meta({
        description: 'How often the instance is re-synced to find new and moved tags; null: polling off.',
      }),
      lastPollTime: epochMs.nullable(),
      nextPollTime: epochMs.nullable(),
      lastError: z.string().nullable().meta({
        description:
          'Why the last poll failed; null after a successful one. A failed poll is retried at the next interval.',
      }),
    }),
  })
  .meta({ id: 'InstanceTriggers' })
export type InstanceTriggers = z.infer<typeof instanceTriggers>

export const setInstanceTriggersBody = z
  .object({
    instanceId,
    webhookSecret: z.enum(['KEEP', 'ROTATE', 'REMOVE']).default('KEEP').meta({
      description:
        'ROTATE: make a new secret (the old one stops working at once) and answer it, once. REMOVE: refuse every notification. Default KEEP.',
    }),
    newWebhookSecret: z
      .string()
      .regex(/^[\x21-\x7e]{32,256}$/, 'must be 32–256 printable characters without spaces')
      .optional()
      .meta({
        description:
          'With ROTATE: use this secret instead of a generated one (one your registry’s configuration already holds). At least 32 characters.',
      }),
    pollIntervalSeconds: z
      .number()
      .int()
      .min(MIN_POLL_INTERVAL_SECONDS, `must be at least ${MIN_POLL_INTERVAL_SECONDS} seconds`)
      .max(MAX_POLL_INTERVAL_SECONDS, `must be at most ${MAX_POLL_INTERVAL_SECONDS} seconds (7 days)`)
      .nullable()
      .optional()
      .meta({
        description: `Seconds between polls (${MIN_POLL_INTERVAL_SECONDS}–${MAX_POLL_INTERVAL_SECONDS}); null turns polling off; left out: unchanged.`,
      }),
  })
  .refine((v) => v.newWebhookSecret === undefined || v.webhookSecret === 'ROTATE', {
    message: 'is only allowed with webhookSecret ROTATE',
    path: ['newWebhookSecret'],
  })
  .meta({ id: 'SetInstanceTriggersRequest' })

export const setInstanceTriggersResult = instanceTriggers.extend({
  webhookSecret: z.string().nullable().meta({
    description:
      'The new secret after ROTATE, in this answer only: the server keeps its hash and cannot show it again. Otherwise null.',
  }),
})
