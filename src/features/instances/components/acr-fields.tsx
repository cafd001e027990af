import { useId } from 'react'
import { Input } from '@/components/ui/input'
import type { AcrKeySource } from '../lib/instance-form'
import type { KindFieldsProps } from './registry-fields'

const keySources: { value: AcrKeySource; label: string; description: string }[] = [
  { value: 'STORED', label: 'AccessKey', description: 'Given here and stored encrypted.' },
  {
    value: 'ENVIRONMENT',
    label: 'Server environment',
    description: 'ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET of the Layerscope server.',
  },
]

/** An ACR Enterprise Edition instance: region, instance id, and where the AccessKey comes from. */
export function AcrFields({ values, errors, onChange, disabled }: KindFieldsProps) {
  const id = useId()
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Region"
          value={values.regionId}
          onChange={(e) => onChange({ regionId: e.target.value })}
          errors={errors.regionId}
          placeholder="cn-hangzhou"
          autoComplete="off"
          required
          disabled={disabled}
        />
        <Input
          label="ACR instance ID"
          value={values.acrInstanceId}
          onChange={(e) => onChange({ acrInstanceId: e.target.value })}
          errors={errors.acrInstanceId}
          placeholder="cri-…"
          autoComplete="off"
          required
          disabled={disabled}
        />
      </div>
      <fieldset disabled={disabled}>
        <legend className="text-fg mb-1.5 text-xs font-medium">Credentials</legend>
        <div className="flex flex-col gap-1.5">
          {keySources.map((source) => (
            <label key={source.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-key-source`}
                value={source.value}
                checked={values.acrKeySource === source.value}
                onChange={() => onChange({ acrKeySource: source.value })}
                className="mt-0.5 accent-(--ls-accent)"
              />
              <span>
                {source.label}
                <span className="text-fg-muted block text-xs">{source.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {values.acrKeySource === 'STORED' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="AccessKey ID"
            value={values.accessKeyId}
            onChange={(e) => onChange({ accessKeyId: e.target.value })}
            errors={errors.accessKeyId}
            autoComplete="off"
            required
            disabled={disabled}
          />
          <Input
            label="AccessKey secret"
            type="password"
            value={values.accessKeySecret}
            onChange={(e) => onChange({ accessKeySecret: e.target.value })}
            errors={errors.accessKeySecret}
            autoComplete="new-password"
            required
            disabled={disabled}
          />
        </div>
      ) : null}
      <Input
        label="OpenAPI endpoint"
        type="url"
        value={values.endpoint}
        onChange={(e) => onChange({ endpoint: e.target.value })}
        errors={errors.endpoint}
        hint={`Optional: defaults to https://cr.${values.regionId.trim() || '<region>'}.aliyuncs.com. Set it for a VPC endpoint or a proxy.`}
        autoComplete="off"
        disabled={disabled}
      />
    </>
  )
}
