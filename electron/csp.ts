/**
 * Content-Security-Policy sent with every page the app protocol serves. Only the app's own
 * files may run or load; inline styles are allowed because React and chart libraries set
 * `style` attributes. `connect-src 'self'` (plus the session's request blocker) keeps the
 * promise that the app makes no network request.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
