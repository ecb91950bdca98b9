/**
 * Hosts whose https pages may be opened in the user's browser: the official sources that
 * framework texts and the programme catalogue cite. Exact host names only (no wildcards), so
 * a look-alike subdomain cannot ride on an entry. Anything else is silently not opened: the
 * app itself never goes online, and a link is the only door out.
 */
export const externalLinkHosts: ReadonlySet<string> = new Set([
  'www.jica.go.jp',
  'www.nisc.go.jp',
  'www.mofa.go.jp',
  'www.meti.go.jp',
  'www.soumu.go.jp',
  'www.moj.go.jp',
  'www.nict.go.jp',
  'gcscc.ox.ac.uk',
  'thegfce.org',
  'cybilportal.org',
  'www.unodc.org',
  'www.coe.int',
  'www.itu.int',
  'www.first.org',
  'www.interpol.int',
  'www.enisa.europa.eu',
  'jaif.asean.org',
]);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    externalLinkHosts.has(parsed.hostname)
  );
}
