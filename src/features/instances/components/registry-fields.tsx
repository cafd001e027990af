import { Input } from '@/components/ui/input'
import type { InstanceFormErrors, InstanceFormValues } from '../lib/instance-form'

export interface KindFieldsProps {
  values: InstanceFormValues
  errors: InstanceFormErrors
  onChange: (patch: Partial<InstanceFormValues>) => void
  disabled?: boolean | undefined
}

/** An OCI registry: its URL, optional credentials, and the TLS escape hatch. */
export function RegistryFields({ values, errors, onChange, disabled }: KindFieldsProps) {
  return (
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
      <InsecureTlsCheckbox values={values} onChange={onChange} disabled={disabled} />
    </>
  )
}

/** Skipping certificate checks, for servers with self-signed certificates (registries and Central alike). */
export function InsecureTlsCheckbox({ values, onChange, disabled }: Omit<KindFieldsProps, 'errors'>) {
  return (
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
        <span className="text-fg-muted block text-xs">Only for servers with self-signed certificates.</span>
      </span>
    </label>
  )
}
