/**
 * East Lothian's direction codes: a letter, the number of the series, the letter of the
 * direction in it (D01h, D15c). OCR and PDF conversion confuse O with 0, I and l with 1, and
 * a capital I with a small l ("D15I"): those are mended, and said.
 */
const LOOSE = /^([A-Z])([0-9OIl]{1,3}?)([a-zA-Z])?$/;
export const CODE_IN_TEXT = /\b([A-Z])([0-9][0-9OIl]|[0-9OIl][0-9])([a-zA-Z])\b/g;

export interface Code {
  code: string;
  /** What the paper had, when it had to be mended. */
  repairedFrom?: string;
}

export function readCode(raw: string): Code | undefined {
  const text = raw.trim().replace(/[.:,;]$/, '');
  const match = LOOSE.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const digits = match[2].replace(/O/g, '0').replace(/[Il]/g, '1');
  if (!/\d/.test(match[2])) return undefined;
  const suffix = match[3] === 'I' ? 'l' : (match[3] ?? '').toLowerCase();
  const code = `${match[1]}${digits}${suffix}`;
  return code === text ? { code } : { code, repairedFrom: text };
}

/** The series a code belongs to: D15 for D15c. */
export function seriesOf(code: string): string {
  return code.replace(/[a-z]$/, '');
}
