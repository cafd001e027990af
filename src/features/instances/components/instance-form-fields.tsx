import { useId } from 'react'
import { Input } from '@/components/ui/input'
import type { InstanceFormErrors, InstanceFormValues } from '../lib/instance-form'

export interface InstanceFormFieldsProps {
  values: InstanceFormValues
  errors: InstanceFormErrors
  onChange: (patch: Partial<InstanceFormValues>) => void
  disabled?: boolean
}

const kinds = [
  { value: 'REGISTRY', label: 'Registry', hint: 'An OCI distribution registry over HTTP(S)' },
  { value: 'DIRECTORY', label: 'Directory', hint: 'OCI image layouts and docker save archives on the server' },
] as const

export function InstanceFormFields({ values, errors, onChange, disabled }: InstanceFormFieldsProps) {
  const id = useId()
  return (
    <div className="flex flex-col gap-4">
      <fieldset disabled={disabled}>
        <legend className="mb-1.5 text-xs font-medium text-fg">Kind</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {kinds.map((kind) => (
            <label
              key={kind.value}
              className="flex cursor-pointer gap-2 rounded-md border border-line-strong p-2.5 has-checked:border-accent has-checked:bg-accent-soft"
            >
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind.value}
                checked={values.kind === kind.value}
                onChange={() => onChange({ kind: kind.value })}
                data-autofocus={values.kind === kind.value ? true : undefined}
                className="mt-0.5 accent-(--ls-accent)"
              />
              <span className="text-sm font-medium">
                {kind.label}
                <span className="block text-xs font-normal text-fg-muted">{kind.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <Input
        label="Name"
        value={values.instanceName}
        onChange={(e) => onChange({ instanceName: e.target.value })}
        errors={errors.instanceName}
        hint="Letters, digits, spaces, dots, dashes and underscores."
        autoComplete="off"
        required
        disabled={disabled}
      />

      {values.kind === 'REGISTRY' ? (
        <>
          <Input
            label="Registry URL"
            type="url"
            value={values.url}
            onChange={(e) => onChange({ url: e.target.value })}
            errors={errors.url}
            placeholder="https://registry.example.com"
            autoComplete="off"
            required
            disabled={disabled}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Input
              label="Username"
              value={values.username}
              onChange={(e) => onChange({ username: e.target.value })}
              errors={errors.username}
              hint="Leave empty for anonymous pulls."
              autoComplete="username"
              disabled={disabled}
            />
            <Input
              label="Password or token"
              type="password"
              value={values.password}
              onChange={(e) => onChange({ password: e.target.value })}
              errors={errors.password}
              autoComplete="current-password"
              disabled={disabled}
            />
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={values.insecureTls}
              onChange={(e) => onChange({ insecureTls: e.target.checked })}
              disabled={disabled}
              className="mt-0.5 accent-(--ls-accent)"
            />
            <span>
              Skip TLS verification
              <span className="block text-xs text-fg-muted">Only for registries with self-signed certificates.</span>
            </span>
          </label>
        </>
      ) : (
        <Input
          label="Directory path"
          value={values.path}
          onChange={(e) => onChange({ path: e.target.value })}
          errors={errors.path}
          hint="A folder on the Layerscope server."
          placeholder="/srv/images"
          autoComplete="off"
          required
          disabled={disabled}
        />
      )}
    </div>
  )
}
