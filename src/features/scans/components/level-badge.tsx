import type { Severity } from '@contract/findings'
import { SeverityBadge } from './severity-badge'

/** Baseline levels (high/medium/low) and malicious-file levels (serious/suspicious/remind) on the severity scale. */
const levelSeverity: Record<string, Severity> = { high: 'High', medium: 'Medium', low: 'Low', serious: 'Critical', suspicious: 'Medium', remind: 'Low' }

const levelLabel: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low', serious: 'Serious', suspicious: 'Suspicious', remind: 'Remind' }

/** A finding's level, coloured like the severity it stands for, named as the API names it. */
export function LevelBadge({ level }: { level: string }) {
  const severity = levelSeverity[level.toLowerCase()] ?? 'Unknown'
  const label = levelLabel[level.toLowerCase()] ?? level
  return <SeverityBadge severity={severity} label={label} />
}
