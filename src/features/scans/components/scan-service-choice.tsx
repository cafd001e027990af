import { useId } from 'react'
import { scanService, type ScanService } from '@contract/scans'
import { scanServiceDisplay } from '../lib/scan-status'

export interface ScanServiceChoiceProps {
  value: ScanService
  onChange: (value: ScanService) => void
  disabled?: boolean
}

/** What a scan looks for: ACR's two scan services as two radio cards. */
export function ScanServiceChoice({ value, onChange, disabled }: ScanServiceChoiceProps) {
  const name = useId()
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-1.5 text-xs font-medium text-fg">What to look for</legend>
      <div className="flex flex-col gap-2">
        {scanService.options.map((service) => (
          <label
            key={service}
            className="flex cursor-pointer gap-2 rounded-md border border-line-strong p-2.5 has-checked:border-accent has-checked:bg-accent-soft"
          >
            <input
              type="radio"
              name={name}
              value={service}
              checked={value === service}
              onChange={() => onChange(service)}
              data-autofocus={value === service ? true : undefined}
              className="mt-0.5 accent-(--ls-accent)"
            />
            <span className="text-sm font-medium">
              {scanServiceDisplay[service].label}
              <span className="block text-xs font-normal text-fg-muted">
                {scanServiceDisplay[service].description} <code className="text-[0.7rem]">{service}</code>
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
