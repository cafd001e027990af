import { Input } from '@/components/ui/input'
import { InsecureTlsCheckbox, type KindFieldsProps } from './registry-fields'

/** A StackRox / RHACS Central: its URL, an API token and, optionally, the cluster that pulls images. */
export function StackroxFields({ values, errors, onChange, disabled }: KindFieldsProps) {
  return (
    <>
      <Input
        label="Central URL"
        type="url"
        value={values.url}
        onChange={(e) => onChange({ url: e.target.value })}
        errors={errors.url}
        placeholder="https://central.example.com"
        autoComplete="off"
        required
        disabled={disabled}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="API token"
          type="password"
          value={values.apiToken}
          onChange={(e) => onChange({ apiToken: e.target.value })}
          errors={errors.apiToken}
          hint="A token with read access to images (Image role or higher)."
          autoComplete="new-password"
          required
          disabled={disabled}
        />
        <Input
          label="Cluster"
          value={values.cluster}
          onChange={(e) => onChange({ cluster: e.target.value })}
          errors={errors.cluster}
          hint="Optional: whose registry integrations Central uses for scans."
          autoComplete="off"
          disabled={disabled}
        />
      </div>
      <InsecureTlsCheckbox values={values} onChange={onChange} disabled={disabled} />
    </>
  )
}
