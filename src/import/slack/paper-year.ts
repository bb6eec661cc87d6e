import { normalisePlanYear } from '../../domain/plan-year';
import { paperYear } from '../parse/paper';
import { readPaperFile } from '../read-file';

/** The year the paper itself names, when the officer did not say. */
export async function yearOfPaper(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const file = await readPaperFile(bytes, name);
  if (!file.ok) return undefined;
  if ('doc' in file) return paperYear(file.doc)?.year;
  if (file.kind === 'json') {
    try {
      const year = (JSON.parse(file.text) as { planYear?: unknown }).planYear;
      return typeof year === 'string' ? normalisePlanYear(year) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
