import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rendererDir } from '../paths';
import { newToken, startServe } from '../serve';
import { UsageError } from '../usage';
import { dataDirFrom, openCliCore } from './open';

export async function runServe(values: Record<string, unknown>): Promise<number> {
  const portText = typeof values.port === 'string' ? values.port : '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${portText}")`);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The UI is not built (${rendererDir} is missing). Run "npm run build:renderer" first, or use "npm run serve".`);
  }
  const core = await openCliCore(values);
  const { server, url } = await startServe({ core, rendererDir, token: newToken(), port });
  console.log(`CCAT is serving ${dataDirFrom(values)}`);
  console.log(`Open ${url}`);
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
  return 0;
}
