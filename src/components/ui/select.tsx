import type { ComponentProps, ReactNode } from 'react'
import { cn } from '@/lib/cn'
import { controlClasses, Field } from './field'

export interface SelectOption {
  value: string
  label: string
}

export interface SelectProps extends Omit<ComponentProps<'select'>, 'id' | 'children'> {
  label: ReactNode
  options: readonly SelectOption[]
  hint?: ReactNode
  errors?: string[] | undefined
  hideLabel?: boolean
  fieldClassName?: string
}

export function Select({ label, options, hint, errors, hideLabel, fieldClassName, className, ...props }: SelectProps) {
  return (
    <Field label={label} hint={hint} errors={errors} hideLabel={hideLabel} className={fieldClassName}>
      {({ controlId, describedBy, invalid }) => (
        <select
          id={controlId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(controlClasses, 'pr-7', className)}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
