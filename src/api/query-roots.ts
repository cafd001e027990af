/**
 * The first element of the query keys a feature's data lives under. Features may not
 * import each other, yet a decision in one changes what another shows (approving an
 * exception changes a report's rows and counts): each invalidates the other's root from
 * here instead of copying the other's key by hand.
 *
 * @example
 * await queryClient.invalidateQueries({ queryKey: queryRoots.scans })
 */
export const queryRoots = {
  scans: ['scans'],
  exceptions: ['exceptions'],
} as const
