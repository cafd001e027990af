import type { CvssV2, CvssV3 } from '@contract/findings'
import { cvssV2Metrics, cvssV3Metrics, formatCvss, type CvssMetric } from '../lib/cvss'

/** One CVSS version of a vulnerability: score, vector and the decoded base metrics. */
export function CvssBlock({ title, cvss }: { title: string; cvss: CvssV3 | CvssV2 }) {
  const metrics: CvssMetric[] = 'attackVector' in cvss ? cvssV3Metrics(cvss) : cvssV2Metrics(cvss)
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <h4 className="text-xs font-semibold text-fg">
        {title} <span className="font-normal text-fg-muted">base score</span> <span className="tabular-nums">{formatCvss(cvss.baseScore)}</span>
      </h4>
      <code className="text-xs break-all text-fg-muted">{cvss.vector}</code>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        {metrics.map((m) => (
          <div key={m.label} className="contents">
            <dt className="text-fg-muted">{m.label}</dt>
            <dd>
              {m.value} <code className="text-fg-muted">({m.code})</code>
            </dd>
          </div>
        ))}
        <dt className="text-fg-muted">Exploitability / impact</dt>
        <dd className="tabular-nums">
          {formatCvss(cvss.exploitabilityScore)} / {formatCvss(cvss.impactScore)}
        </dd>
      </dl>
    </div>
  )
}
