/**
 * The Electron majors CCAT may be built with: the newest stable major on the registry and the
 * two before it, the only ones that still get Chromium security fixes. The one place that says
 * so; README ("Electron upgrades") says how to move it, and `npm run build:electron` refuses any
 * other Electron.
 */
export const supportedElectron = { oldest: 43, newest: 45 } as const;

/** Why `version` (of the installed electron package) may not be shipped, or undefined if it may. */
export function unsupportedElectron(version: string): string | undefined {
  const major = Number(/^(\d+)\.\d+\.\d+/.exec(version)?.[1]);
  if (!Number.isInteger(major)) return `cannot read the Electron version "${version}"`;
  const { oldest, newest } = supportedElectron;
  if (major < oldest || major > newest) {
    return `Electron ${version} is outside the supported majors ${oldest} to ${newest} (electron/support.ts); see "Electron upgrades" in README.md`;
  }
  return undefined;
}
