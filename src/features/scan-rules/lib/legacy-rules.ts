/**
 * The one provider that keeps an instance's scan rules upstream; legacy rules exist only
 * for its instances (listLegacyScanRule is empty for every other kind).
 */
export const RULES_UPSTREAM = 'ACR'

/**
 * The legacy-rules notice's opening sentence, counted.
 *
 * @example
 * legacyRulesSummary(1) // '1 rule was saved in Layerscope before this instance’s rules moved to ACR.'
 */
export function legacyRulesSummary(count: number): string {
  const rules = count === 1 ? '1 rule was' : `${count.toLocaleString('en')} rules were`
  return `${rules} saved in Layerscope before this instance’s rules moved to ${RULES_UPSTREAM}.`
}
