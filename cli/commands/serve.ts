import { existsSync } from 'node:fs';
import { openCore } from '../../core/api/open-core.node.ts';
import { join } from 'node:path';
import { appVersion, assessmentsDir, rendererDir } from '../paths';
import { chromiumPath, createChromiumServices } from '../pdf';
import { newToken, startServe } from '../serve';
import { UsageError } from '../usage';
import { dataDirFrom } from './open';

export async function runServe(values: Record<string, unknown>): Promise<number> {
  const portText = typeof values.port === 'string' ? values.port : '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${portText}")`);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The UI is not built (${rendererDir} is missing). Run "npm run build:renderer" first, or use "npm run serve".`);
  }
  // PDF export and the DOCX chart need a browser engine; without Chromium the UI offers the other formats.
  const browserPath = chromiumPath(typeof values.chromium === 'string' ? values.chromium : undefined);
  const chromium = existsSync(browserPath) ? createChromiumServices(browserPath) : undefined;
  const core = await openCore({
    dataDir: dataDirFrom(values),
    assessmentsDir,
    appVersion,
    exports: chromium ? { printPdf: chromium.printPdf, rasterize: chromium.rasterize } : {},
  });
  const { server, url } = await startServe({ core, rendererDir, token: newToken(), port });
  console.log(`CCAT is serving ${dataDirFrom(values)}`);
  console.log(`Open ${url}`);
  console.log(chromium ? `PDF export uses ${browserPath}.` : `No Chromium at ${browserPath}: PDF export is off (use --chromium PATH).`);
  console.log('Only this computer can connect. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await core.close();
  await chromium?.close();
  return 0;
}
