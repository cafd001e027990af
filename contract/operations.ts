import { z } from 'zod'
import {
  createInstanceBody,
  instance,
  instanceConnection,
  instanceIdBody,
  instanceIdQuery,
  instancePage,
  listInstanceQuery,
  testInstanceConnectionResult,
} from './instances'
import { defineOperation } from './operation'
import {
  getRepoTagQuery,
  getRepositoryQuery,
  listNamespaceQuery,
  listRepoTagQuery,
  listRepositoryQuery,
  namespacePage,
  repoTag,
  repoTagPage,
  repository,
  repositoryPage,
} from './repositories'

const ok = z.object({ ok: z.literal(true) })

/** Every operation the API serves, by name. */
export const operations = {
  listInstance: defineOperation({
    name: 'listInstance',
    method: 'GET',
    tag: 'Instances',
    summary: 'List registry instances',
    input: listInstanceQuery,
    output: instancePage,
  }),
  getInstance: defineOperation({
    name: 'getInstance',
    method: 'GET',
    tag: 'Instances',
    summary: 'Get one instance',
    input: instanceIdQuery,
    output: instance,
  }),
  createInstance: defineOperation({
    name: 'createInstance',
    method: 'POST',
    tag: 'Instances',
    summary: 'Add a registry or image directory',
    description:
      'Checks the connection first (reachability and credentials); nothing is stored when the check fails. ' +
      'The repository and tag index is then built in the background (syncStatus).',
    input: createInstanceBody,
    output: instance,
  }),
  testInstanceConnection: defineOperation({
    name: 'testInstanceConnection',
    method: 'POST',
    tag: 'Instances',
    summary: 'Check a connection without saving it',
    input: instanceConnection,
    output: testInstanceConnectionResult,
  }),
  syncInstance: defineOperation({
    name: 'syncInstance',
    method: 'POST',
    tag: 'Instances',
    summary: "Refresh the index of an instance's repositories and tags",
    input: instanceIdBody,
    output: instance,
  }),
  deleteInstance: defineOperation({
    name: 'deleteInstance',
    method: 'POST',
    tag: 'Instances',
    summary: 'Remove an instance and everything indexed from it',
    input: instanceIdBody,
    output: ok,
  }),
  listNamespace: defineOperation({
    name: 'listNamespace',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List the namespaces of an instance',
    input: listNamespaceQuery,
    output: namespacePage,
  }),
  listRepository: defineOperation({
    name: 'listRepository',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List repositories, with search and sort',
    input: listRepositoryQuery,
    output: repositoryPage,
  }),
  getRepository: defineOperation({
    name: 'getRepository',
    method: 'GET',
    tag: 'Repositories',
    summary: 'Get one repository by repoId, or by namespace and name',
    input: getRepositoryQuery,
    output: repository,
  }),
  listRepoTag: defineOperation({
    name: 'listRepoTag',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List the tags of a repository',
    input: listRepoTagQuery,
    output: repoTagPage,
  }),
  getRepoTag: defineOperation({
    name: 'getRepoTag',
    method: 'GET',
    tag: 'Repositories',
    summary: 'Get one tag of a repository by its exact name',
    description: 'TAG_NOT_EXIST when the repository has no such tag in the index; REPO_NOT_EXIST when the repository is unknown.',
    input: getRepoTagQuery,
    output: repoTag,
  }),
} as const

export type Operations = typeof operations
export type OperationName = keyof Operations
