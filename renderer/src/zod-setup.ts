import { z } from 'zod';

// zod compiles fast parsers with `new Function`. Our CSP has no 'unsafe-eval', and zod's
// probe for it (run when each object schema is built, not when it parses) is reported as a
// CSP violation even though the throw is caught. So this runs before any schema exists.
z.config({ jitless: true });
