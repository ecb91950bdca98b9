import { resolve } from 'node:path';
import type { ExportedFile } from '../../core/api/commands';
import { writeFileDurably } from '../../core/store/atomic-write.node.ts';
import { oneOf, requireString } from '../usage';
import { openCliCore, unwrap } from './open';
import { verifyExport } from './verify-export';

export async function runExport(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const format = oneOf(requireString(values, 'format'), ['html', 'json'] as const, 'format');
  const out = resolve(requireString(values, 'out'));
  const language = oneOf(typeof values.lang === 'string' ? values.lang : 'en', ['en', 'ja'] as const, 'lang');
  const core = await openCliCore(values);
  try {
    const file = unwrap<ExportedFile>(await core.dispatch('exportAssessment', { id: positionals[0], format, language }));
    await writeFileDurably(out, file.content);
    await verifyExport(out, file);
    console.log(`Exported ${out}`);
    return 0;
  } finally {
    await core.close();
  }
}
