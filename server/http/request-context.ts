import type { Env as HonoEnv } from 'hono'
import type { Logger } from '../log'

/** What every handler can read from the Hono context. */
export interface AppEnv extends HonoEnv {
  Variables: {
    requestId: string
    log: Logger
  }
}
