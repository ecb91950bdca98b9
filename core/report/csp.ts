/**
 * The report page's Content Security Policy: no script, no network. The page may only use its own
 * inline styles and data: images (design §6); `font-src data:` because a printed report carries
 * the fonts its scripts need inline (pdf-fonts.node.ts).
 */
export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
