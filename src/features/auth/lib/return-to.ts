/** Where the app goes when there is nowhere better to return to. */
export const HOME_PATH = '/instances'

/**
 * The in-app path to return to after sign-in. Only a path of this app is accepted
 * ("/instances/…", with its query and hash), never another origin ("//evil.example",
 * "https://…", "/\\evil"), so a crafted sign-in link cannot send someone elsewhere.
 *
 * @example
 * safeReturnTo('/instances/cri-1/scans?pageNo=2') // '/instances/cri-1/scans?pageNo=2'
 * safeReturnTo('https://evil.example/') // '/instances'
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return HOME_PATH
  // eslint-disable-next-line no-control-regex -- control characters have no place in a path
  if (/[\u0000-\u001f\\]/.test(value)) return HOME_PATH
  if (value === '/sign-in' || value.startsWith('/sign-in?')) return HOME_PATH
  return value
}

/**
 * The sign-in page's URL that comes back to `returnTo` afterwards.
 *
 * @example
 * signInPath('/instances?pageNo=2') // '/sign-in?returnTo=%2Finstances%3FpageNo%3D2'
 */
export function signInPath(returnTo: string): string {
  return `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`
}
