import { Input } from '@/components/ui/input'
import type { InstanceFormErrors, InstanceFormValues } from '../lib/instance-form'
import { AcrFields } from './acr-fields'
import { InstanceKindPicker } from './instance-kind-picker'
import { RegistryFields } from './registry-fields'
import { StackroxFields } from './stackrox-fields'

export interface InstanceFormFieldsProps {
  values: InstanceFormValues
  errors: InstanceFormErrors
  onChange: (patch: Partial<InstanceFormValues>) => void
  disabled?: boolean
}

/** The kind first, then a name, then that kind's own fields. */
export function InstanceFormFields({ values, errors, onChange, disabled }: InstanceFormFieldsProps) {
  const kindProps = { values, errors, onChange, disabled }
  return (
    <div className="flex flex-col gap-4">
      <InstanceKindPicker value={values.kind} onChange={(kind) => onChange({ kind })} disabled={disabled} />

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

      {values.kind === 'REGISTRY' ? <RegistryFields {...kindProps} /> : null}
      {values.kind === 'ACR' ? <AcrFields {...kindProps} /> : null}
      {values.kind === 'STACKROX' ? <StackroxFields {...kindProps} /> : null}
      {values.kind === 'DIRECTORY' ? (
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
      ) : null}
    </div>
  )
}
