export type ThemePreference = 'light' | 'dark' | 'system'
export type ResolvedTheme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'layerscope.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

/** A stored value back to a preference; anything unknown means "follow the system". */
export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system'
}

/**
 * The theme to paint for a preference.
 *
 * @example
 * resolveTheme('system', true) // 'dark'
 */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light'
  return preference
}

export function readThemePreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY))
  } catch {
    return 'system'
  }
}

/** Puts the `dark` class on `<html>` (Tailwind's class strategy) for a preference. */
export function applyTheme(preference: ThemePreference): void {
  const theme = resolveTheme(preference, window.matchMedia(DARK_QUERY).matches)
  document.documentElement.classList.toggle('dark', theme === 'dark')
}

export function storeThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference)
  } catch {
    // Storage can be off (private mode, embedded with storage blocked): the choice lasts for this page only.
  }
  applyTheme(preference)
}

/**
 * Applies the saved theme before the first render (no flash of the wrong theme and no
 * inline script needing a CSP hash) and follows the OS while the preference is "system".
 * A `fixed` theme (an embedding portal's `?theme=`) is painted as it is and not stored:
 * the portal's choice must not change the viewer's own preference for the full app.
 */
export function initTheme(fixed: ResolvedTheme | null = null): void {
  if (fixed) {
    applyTheme(fixed)
    return
  }
  applyTheme(readThemePreference())
  window.matchMedia(DARK_QUERY).addEventListener('change', () => {
    if (readThemePreference() === 'system') applyTheme('system')
  })
}
