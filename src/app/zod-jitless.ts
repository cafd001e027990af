import { z } from 'zod'

// Zod probes for eval (`Function('')`) to compile fast parsers; the CSP (script-src 'self',
// no 'unsafe-eval') blocks that and the browser reports a violation. Use the plain parser.
z.config({ jitless: true })
