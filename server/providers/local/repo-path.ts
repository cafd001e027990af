/**
 * ACR addresses a repository as namespace + name. A registry path `team/app` maps to
 * namespace `team`, name `app`; deeper paths keep the rest in the name (`team/svc/api` →
 * `team` + `svc/api`); a single-segment path (`alpine`) goes to the `library` namespace,
 * Docker's convention, while `fullName` keeps the real path for pulling.
 */
export function splitRepoPath(fullName: string): { namespace: string; name: string } {
  const slash = fullName.indexOf('/')
  if (slash < 0) return { namespace: 'library', name: fullName }
  return { namespace: fullName.slice(0, slash), name: fullName.slice(slash + 1) }
}
