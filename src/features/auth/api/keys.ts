import { sessionKeys } from '@/api/session'

/** Query keys of the signed-in session (the session query itself is shared: src/api/session.ts). */
export const authKeys = sessionKeys
