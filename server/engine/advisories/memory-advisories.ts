import { ecosystemBase, ecosystemSuffix, normalizePackageName } from './ecosystem'
import type { OsvRecord } from './osv-record'

/**
 * The advisory store's two lookups over records held in memory, with the same rules
 * (normalised names, a release-less record applies to every release, withdrawn records
 * left out): for tests, and for scanning without a database.
 */
export interface MemoryAdvisories {
  find(ecosystem: string, names: string[]): Promise<OsvRecord[]>
  findByAlias(ids: string[]): Promise<OsvRecord[]>
}

export function memoryAdvisories(records: readonly OsvRecord[]): MemoryAdvisories {
  const live = records.filter((r) => r.withdrawn === undefined)
  const byId = (a: OsvRecord, b: OsvRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return {
    find(ecosystem, names) {
      const wanted = new Set(names.map((n) => normalizePackageName(ecosystem, n)))
      const base = ecosystemBase(ecosystem)
      const hasRelease = ecosystemSuffix(ecosystem) !== ''
      const hits = live.filter((r) =>
        r.affected.some((a) => {
          if (!a.package) return false
          const e = a.package.ecosystem
          const sameEcosystem = hasRelease ? e === ecosystem || e === base : ecosystemBase(e) === base
          return sameEcosystem && wanted.has(normalizePackageName(e, a.package.name))
        }),
      )
      return Promise.resolve([...hits].sort(byId))
    },
    findByAlias(ids) {
      const wanted = new Set(ids)
      const hits = live.filter((r) => wanted.has(r.id) || [...r.aliases, ...r.upstream].some((a) => wanted.has(a)))
      return Promise.resolve([...hits].sort(byId))
    },
  }
}
