import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-error'
import { callOperation, operationUrl } from './client'

const instanceId = 'cri-2j88dtld8yel0a1b'
const repository = {
  repoId: 'crr-uf082u9dg8do1c2d',
  instanceId,
  repoNamespaceName: 'team',
  repoName: 'app',
  fullName: 'team/app',
  repoStatus: 'NORMAL',
  tagCount: 3,
  lastPushTime: 1_700_000_000_000,
  createTime: 1_700_000_000_000,
  modifiedTime: 1_700_000_000_000,
}

function stubFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
    Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers })),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('operationUrl', () => {
  it('puts GET input in the query string and leaves POST URLs bare', () => {
    expect(operationUrl('listRepository', { instanceId, repoName: '', pageNo: 2 })).toBe(
      `/api/v1/listRepository?instanceId=${instanceId}&pageNo=2`,
    )
    expect(operationUrl('syncInstance', { instanceId })).toBe('/api/v1/syncInstance')
  })
})

describe('callOperation', () => {
  it('GETs and parses the answer with the output schema', async () => {
    const fetchMock = stubFetch(200, repository)
    const result = await callOperation('getRepository', { instanceId, repoId: repository.repoId })
    expect(result.fullName).toBe('team/app')
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe(`/api/v1/getRepository?instanceId=${instanceId}&repoId=${repository.repoId}`)
    expect(init?.method).toBe('GET')
    expect(init?.body).toBeUndefined()
  })

  it('POSTs JSON', async () => {
    const fetchMock = stubFetch(200, { ok: true })
    await callOperation('deleteInstance', { instanceId })
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/v1/deleteInstance')
    expect(init?.method).toBe('POST')
    expect(init?.body).toBe(JSON.stringify({ instanceId }))
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json')
  })

  it('throws the server error as an ApiError', async () => {
    stubFetch(404, { code: 'INSTANCE_NOT_EXIST', message: 'No instance cri-x', requestId: 'r-9' })
    await expect(callOperation('getInstance', { instanceId })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'INSTANCE_NOT_EXIST',
      status: 404,
      requestId: 'r-9',
    })
  })

  it('names contract drift clearly', async () => {
    stubFetch(200, { ...repository, tagCount: 'three' }, { 'x-request-id': 'r-10' })
    const error = await callOperation('getRepository', { instanceId, repoId: repository.repoId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'RESPONSE_INVALID', requestId: 'r-10' })
    expect((error as ApiError).message).toMatch(/getRepository.*tagCount/s)
  })

  it('keeps a drift message short when much is wrong', async () => {
    stubFetch(200, {})
    const error = (await callOperation('getRepository', { instanceId, repoId: repository.repoId }).catch((e: unknown) => e)) as ApiError
    expect(error.message).toMatch(/\(and \d+ more\)$/)
    expect(error.message.length).toBeLessThan(300)
  })

  it('turns a failed connection into NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(callOperation('getInstance', { instanceId })).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 })
  })

  it('rethrows an abort untouched', async () => {
    const controller = new AbortController()
    controller.abort()
    const abort = new DOMException('Aborted', 'AbortError')
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(abort)))
    await expect(callOperation('getInstance', { instanceId }, { signal: controller.signal })).rejects.toBe(abort)
  })
})
