import type { ComponentProps, ReactNode } from 'react'
import { cn } from '@/lib/cn'
import { controlClasses, Field } from './field'

export interface InputProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | undefined
  hideLabel?: boolean
  fieldClassName?: string
}

export function Input({ label, hint, errors, hideLabel, fieldClassName, className, ...props }: InputProps) {
  return (
    <Field label={label} hint={hint} errors={errors} hideLabel={hideLabel} className={fieldClassName}>
      {({ controlId, describedBy, invalid }) => (
        <input
          id={controlId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(controlClasses, className)}
          {...props}
        />
      )}
    </Field>
  )
}
