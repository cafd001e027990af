import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { getRepoTag, getRepository, listNamespaces, listRepoTags, listRepositories } from '../providers/local/browse'

export function repositoryRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }) {
  const { db } = deps
  mountOperation(app, operations.listNamespace, (q) => listNamespaces(db, q))
  mountOperation(app, operations.listRepository, (q) => listRepositories(db, q))
  mountOperation(app, operations.getRepository, (q) => getRepository(db, q))
  mountOperation(app, operations.listRepoTag, (q) => listRepoTags(db, q))
  mountOperation(app, operations.getRepoTag, (q) => getRepoTag(db, q))
}
