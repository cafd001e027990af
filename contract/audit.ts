import { z } from 'zod'
import { epochMs, optionalParam, pageOf, pageQuery } from './common'

/**
 * The audit log: who did what to which object, and when. Every successful write through
 * the API, the ACR and StackRox endpoints and the registry webhook is recorded (action =
 * the operation's name, or the one the write maps to); details are the request's input
 * with every secret left out.
 */
/** How the actor reached us: the SPA or API (loopback, session, token, proxy), the token CLI, or a wire protocol or webhook. */
export const auditActorVia = z.enum(['loopback', 'session', 'token', 'proxy', 'cli', 'acr', 'stackrox', 'webhook'])
export type AuditActorVia = z.infer<typeof auditActorVia>

export const auditEvent = z
  .object({
    eventId: z.number().int(),
    time: epochMs,
    actor: z.string().meta({
      description:
        'The principal name: a token name, the proxy user, or "local operator" when sign-in is off; for writes outside /api/v1, "acr:<AccessKeyId>", "stackrox:<token hash prefix>" or "registry-webhook:<instanceId>".',
    }),
    actorVia: auditActorVia.meta({
      description: 'How the actor was signed in; acr, stackrox and webhook are the ACR and StackRox endpoints and the registry webhook.',
    }),
    action: z.string().meta({ description: 'The operation name, e.g. createRepoTagScanTask.', example: 'createScanRule' }),
    target: z.string().meta({ description: 'The ids the action was about, "key=value" joined by spaces.', example: 'instanceId=cri-2j88dtld8yel0a1b scanRuleId=crscnr-k3gdm5vrn2nzf5hw' }),
    details: z.record(z.string(), z.unknown()).meta({ description: 'The input, without passwords, tokens or other secrets.' }),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' })
export type AuditEvent = z.infer<typeof auditEvent>

const timeParam = optionalParam(z.coerce.number().int().min(0).meta({ description: 'Epoch milliseconds.' }))

export const listAuditEventQuery = pageQuery.extend({
  actor: optionalParam(z.string().trim().max(128)).meta({ description: 'Exact actor name.' }),
  action: optionalParam(z.string().trim().max(64)).meta({ description: 'Exact operation name.' }),
  target: optionalParam(z.string().trim().max(256)).meta({ description: 'Text the target contains, e.g. an instance id.' }),
  from: timeParam.meta({ description: 'Events at or after this time (epoch ms).' }),
  to: timeParam.meta({ description: 'Events before this time (epoch ms).' }),
})
export type ListAuditEventQuery = z.input<typeof listAuditEventQuery>

export const auditEventPage = pageOf(auditEvent).meta({ id: 'AuditEventPage' })
