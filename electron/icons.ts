import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/*
 * Renders build/icon.svg to the PNGs electron-builder.yml names: build/icon.png (1024 px, which
 * electron-builder converts to .icns for macOS and .ico for Windows) and the Linux set
 * build/icons/<n>x<n>.png. `npm run build:icons`; run it after changing the SVG and commit the PNGs.
 * Needs a Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(repoRoot, 'build');
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

async function render(): Promise<void> {
  const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const targets: Array<[number, string]> = [[1024, path.join(buildDir, 'icon.png')], ...LINUX_ICON_SIZES.map((n): [number, string] => [n, path.join(buildDir, 'icons', `${n}x${n}.png`)])];
    mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
    for (const [size, file] of targets) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      console.log(`icons: ${path.relative(repoRoot, file)}`);
    }
  } finally {
    await browser.close();
  }
}

await render();
