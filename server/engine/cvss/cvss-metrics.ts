import type { CvssV2, CvssV3 } from '@contract/findings'

/**
 * The base metrics of each CVSS version: metric abbreviation → allowed value letter →
 * the value as contract/findings.ts spells it. These tables are the mandatory part of a
 * vector; ae-cvss-calculator does not insist on them (it scores `CVSS:3.1/AV:N/AC:L` as
 * 0 and accepts the "not defined" `X`/`ND` in a base metric), so we check them ourselves.
 */

type Decoded<T> = Readonly<Record<string, T>>

export const V2_BASE = {
  AV: { L: 'LOCAL', A: 'ADJACENT_NETWORK', N: 'NETWORK' } satisfies Decoded<CvssV2['accessVector']>,
  AC: { H: 'HIGH', M: 'MEDIUM', L: 'LOW' } satisfies Decoded<CvssV2['accessComplexity']>,
  Au: { M: 'MULTIPLE', S: 'SINGLE', N: 'NONE' } satisfies Decoded<CvssV2['authentication']>,
  C: { N: 'NONE', P: 'PARTIAL', C: 'COMPLETE' } satisfies Decoded<CvssV2['confidentiality']>,
  I: { N: 'NONE', P: 'PARTIAL', C: 'COMPLETE' } satisfies Decoded<CvssV2['integrity']>,
  A: { N: 'NONE', P: 'PARTIAL', C: 'COMPLETE' } satisfies Decoded<CvssV2['availability']>,
} as const

const V3_CIA = { N: 'NONE', L: 'LOW', H: 'HIGH' } as const satisfies Decoded<CvssV3['confidentiality']>

export const V3_BASE = {
  AV: { N: 'NETWORK', A: 'ADJACENT_NETWORK', L: 'LOCAL', P: 'PHYSICAL' } satisfies Decoded<
    CvssV3['attackVector']
  >,
  AC: { L: 'LOW', H: 'HIGH' } satisfies Decoded<CvssV3['attackComplexity']>,
  PR: { N: 'NONE', L: 'LOW', H: 'HIGH' } satisfies Decoded<CvssV3['privilegesRequired']>,
  UI: { N: 'NONE', R: 'REQUIRED' } satisfies Decoded<CvssV3['userInteraction']>,
  S: { U: 'UNCHANGED', C: 'CHANGED' } satisfies Decoded<CvssV3['scope']>,
  C: V3_CIA,
  I: V3_CIA,
  A: V3_CIA,
} as const

// v4 base values per the CVSS 4.0 specification, section 2. The library also lists `S`
// (Safety) for SC/SI/SA, but Safety exists only in the environmental MSI/MSA.
const V4_CIA = { H: 'HIGH', L: 'LOW', N: 'NONE' } as const

export const V4_BASE = {
  AV: { N: 'NETWORK', A: 'ADJACENT', L: 'LOCAL', P: 'PHYSICAL' },
  AC: { L: 'LOW', H: 'HIGH' },
  AT: { N: 'NONE', P: 'PRESENT' },
  PR: { N: 'NONE', L: 'LOW', H: 'HIGH' },
  UI: { N: 'NONE', P: 'PASSIVE', A: 'ACTIVE' },
  VC: V4_CIA,
  VI: V4_CIA,
  VA: V4_CIA,
  SC: V4_CIA,
  SI: V4_CIA,
  SA: V4_CIA,
} as const

export type BaseTable = Readonly<Record<string, Decoded<string>>>
