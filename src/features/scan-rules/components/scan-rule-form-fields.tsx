import { useId } from 'react'
import { Input } from '@/components/ui/input'
import { scanRuleScope, scanRuleTrigger, scanRuleType } from '@contract/scan-rules'
import { useSelectorSuggestions } from '../api/list-selector-suggestions'
import { scanTypeDisplay, scopeDisplay, triggerDisplay } from '../lib/rule-display'
import type { ScanRuleFormErrors, ScanRuleFormValues } from '../lib/rule-form'
import { ChoiceGroup } from './choice-group'
import { NameListInput } from './name-list-input'

export interface ScanRuleFormFieldsProps {
  instanceId: string
  values: ScanRuleFormValues
  errors: ScanRuleFormErrors
  onChange: (patch: Partial<ScanRuleFormValues>) => void
  /** Editing: the scan type is shown, not offered (it cannot change). */
  editing: boolean
  /** Selectors the index lacks, from the live preview. */
  unknownNamespaces: readonly string[]
  unknownRepos: readonly string[]
  disabled?: boolean
}

const choices = <V extends string>(values: readonly V[], display: Record<V, { label: string; hint: string }>) =>
  values.map((value) => ({ value, ...display[value] }))
const scopeChoices = choices(scanRuleScope.options, scopeDisplay)
const triggerChoices = choices(scanRuleTrigger.options, triggerDisplay)
const typeChoices = choices(scanRuleType.options, scanTypeDisplay)

export function ScanRuleFormFields({ instanceId, values, errors, onChange, editing, unknownNamespaces, unknownRepos, disabled }: ScanRuleFormFieldsProps) {
  const nsListId = useId()
  const repoNs = values.repoNamespace.trim()
  const namespaces = useSelectorSuggestions(instanceId, null).data ?? []
  const repos = useSelectorSuggestions(instanceId, values.scanScope === 'REPO' ? repoNs : '').data ?? []
  return (
    <div className="flex flex-col gap-4">
      <Input
        label="Name"
        value={values.ruleName}
        onChange={(e) => onChange({ ruleName: e.target.value })}
        errors={errors.ruleName}
        hint="Unique within the instance."
        autoComplete="off"
        required
        disabled={disabled}
      />
      <ChoiceGroup legend="Scope" choices={scopeChoices} value={values.scanScope} onChange={(scanScope) => onChange({ scanScope })} disabled={disabled} columns={3} />
      {values.scanScope === 'NAMESPACE' ? (
        <NameListInput
          label="Namespaces"
          values={values.namespaces}
          onChange={(namespaces) => onChange({ namespaces })}
          suggestions={namespaces}
          unknown={unknownNamespaces}
          errors={errors.namespaces}
          hint="One or more. Names not in the index yet are allowed and flagged."
          disabled={disabled}
        />
      ) : null}
      {values.scanScope === 'REPO' ? (
        <>
          <Input
            label="Namespace"
            value={values.repoNamespace}
            onChange={(e) => onChange({ repoNamespace: e.target.value })}
            errors={errors.repoNamespace}
            hint={unknownNamespaces.includes(repoNs) ? 'Not in the index yet: allowed, but nothing matches until it is.' : 'The one namespace of the repositories.'}
            list={nsListId}
            autoComplete="off"
            spellCheck={false}
            required
            disabled={disabled}
          />
          <datalist id={nsListId}>
            {namespaces.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <NameListInput
            label="Repositories"
            values={values.repoNames}
            onChange={(repoNames) => onChange({ repoNames })}
            suggestions={repos}
            unknown={unknownRepos}
            errors={errors.repoNames}
            hint="Repository names inside the namespace, without it."
            disabled={disabled}
          />
        </>
      ) : null}
      <Input
        label="Tag pattern"
        value={values.repoTagFilterPattern}
        onChange={(e) => onChange({ repoTagFilterPattern: e.target.value })}
        errors={errors.repoTagFilterPattern}
        hint={
          <>
            RE2 syntax, matched against the whole tag: <code>prod-.*</code> matches prod-1 but not preprod-1; <code>.*</code> matches every tag.
          </>
        }
        className="font-mono"
        autoComplete="off"
        spellCheck={false}
        required
        disabled={disabled}
      />
      <ChoiceGroup legend="Trigger" choices={triggerChoices} value={values.triggerType} onChange={(triggerType) => onChange({ triggerType })} disabled={disabled} />
      {editing ? (
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-fg">Scan type</span>
          <p className="text-sm">
            {scanTypeDisplay[values.scanType].label} <span className="text-xs text-fg-muted">(cannot be changed: delete the rule and create another)</span>
          </p>
        </div>
      ) : (
        <ChoiceGroup legend="Scan type" choices={typeChoices} value={values.scanType} onChange={(scanType) => onChange({ scanType })} disabled={disabled} />
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.rescanOnAdvisoryUpdate}
          onChange={(e) => onChange({ rescanOnAdvisoryUpdate: e.target.checked })}
          disabled={disabled}
          className="mt-0.5 accent-(--ls-accent)"
        />
        <span>
          Rescan when advisories change
          <span className="block text-xs font-normal text-fg-muted">After an advisory import, scan every matching tag again.</span>
        </span>
      </label>
    </div>
  )
}
