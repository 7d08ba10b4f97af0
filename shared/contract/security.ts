// The Content-Security-Policy of the renderer, sent by Electron's session and by the
// browser-mode host alike (index.html carries the same policy in a meta tag).
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
