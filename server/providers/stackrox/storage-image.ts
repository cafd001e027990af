import { z } from 'zod'
import { lenientSchema, type Lenient } from './lenient-schema'
import * as model from './storage-image-model'

/**
 * StackRox Central's answers as a client reads them: `StorageImage` (POST /v1/images/scan,
 * GET /v1/images/{id}) and the image list (GET /v1/images). The shapes are the model's
 * (storage-image-model.ts, which our own StackRox endpoint writes), read leniently: older
 * and newer Centrals add and drop fields, so every field is optional with its unset value
 * as default, and enum values are read as strings and mapped by table (an unknown value
 * maps to "unknown", never to a crash).
 */

export const storageCvssV2 = lenientSchema(model.storageCvssV2)
export type StorageCvssV2 = Lenient<model.StorageCvssV2>
export const storageCvssV3 = lenientSchema(model.storageCvssV3)
export type StorageCvssV3 = Lenient<model.StorageCvssV3>
export const storageVulnerability = lenientSchema(model.storageVulnerability)
export type StorageVulnerability = Lenient<model.StorageVulnerability>
export const storageComponent = lenientSchema(model.storageComponent)
export type StorageComponent = Lenient<model.StorageComponent>
export const storageImage = lenientSchema(model.storageImage)
export type StorageImage = Lenient<model.StorageImage>
export type StorageImageLayer = Lenient<z.output<typeof model.storageImageLayer>>

/** grpc-gateway's error body. */
export const runtimeError = lenientSchema(model.runtimeError)

const str = z.string().default('')
const num = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number()).default(0)
const ts = z.string().nullable().default(null)

/** GET /v1/images: the list items (`ListImage`), whose `name` is the full image name. Only a client lists, so only the reader has it. */
export const listImagesAnswer = z.looseObject({
  images: z
    .array(z.looseObject({ id: z.string(), name: str, components: num, cves: num, fixableCves: num, created: ts, lastUpdated: ts }))
    .nullable()
    .default([])
    .transform((v) => v ?? []),
})
export type ListImage = z.infer<typeof listImagesAnswer>['images'][number]
