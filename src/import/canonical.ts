import * as z from 'zod';
import type { Deadline } from '../domain/deadline';
import { MarkerSchema, type Recipient } from '../domain/direction';
import type { PlanYear } from '../domain/plan-year';
import type { IjbProfile } from '../register/ijb-profiles';
import { parseCsv } from './csv';
import { findDeadlines } from './parse/deadline-phrases';
import { checkDirections, type ParsedPaper } from './parse/paper';
import { recipientsNamed } from './parse/recipients';
import type { ImportProblem, ParsedDirection } from './parse/types';
import type { Location } from './source';

/**
 * The canonical form, for papers in a shape the parsers do not read: one direction per CSV row
 * or JSON object, deadlines and recipients in words, as a paper would write them. See
 * docs/import.md.
 */
const text = (max: number) => z.string().trim().max(max);
export const CanonicalDirectionSchema = z.object({
  ref: text(20).min(1, 'is empty'),
  theme: text(200).min(1, 'is empty'),
  theme_outcome: text(1000).optional(),
  title: text(300).optional(),
  text: text(20_000).min(1, 'is empty'),
  issued_to: text(200).optional(),
  deadlines: text(500).optional(),
  functions: text(2000).optional(),
  link: text(1000).optional(),
  oversight: text(5000).optional(),
  marker: z.preprocess((value) => (value === '' ? undefined : value), MarkerSchema.optional()),
  budget: text(100).optional(),
});
export type CanonicalDirection = z.infer<typeof CanonicalDirectionSchema>;

const CanonicalJsonSchema = z.object({
  ijb: z.string().optional(),
  planYear: z.string().optional(),
  directions: z.array(z.record(z.string(), z.unknown())).min(1, 'has no directions'),
});

export function parseCanonical(
  kind: 'csv' | 'json',
  content: string,
  ijb: IjbProfile,
  planYear: PlanYear,
): ParsedPaper {
  const problems: ImportProblem[] = [];
  const records: { fields: Record<string, unknown>; at: Location }[] = [];
  if (kind === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      problems.push({
        message: `The JSON does not parse: ${(error as Error).message}.`,
        hint: 'Check it with a JSON validator; the shape is in docs/import.md.',
      });
    }
    const parsed = CanonicalJsonSchema.safeParse(json);
    if (json !== undefined && !parsed.success)
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          message: `${issue.path.join('.') || 'The file'} ${issue.message}.`,
          hint: 'The JSON shape is {"ijb", "planYear", "directions": [{ "ref", "theme", "text", … }]} (docs/import.md).',
        })),
      );
    if (parsed.success) {
      if (parsed.data.ijb && parsed.data.ijb !== ijb.id)
        problems.push({
          message: `The file is for ${parsed.data.ijb}, not ${ijb.id}.`,
          hint: `Import it with --ijb ${parsed.data.ijb}.`,
        });
      if (parsed.data.planYear && parsed.data.planYear !== planYear)
        problems.push({
          message: `The file is for ${parsed.data.planYear}, not ${planYear}.`,
          hint: `Import it with --year ${parsed.data.planYear}.`,
        });
      parsed.data.directions.forEach((fields, index) => {
        records.push({ fields, at: { line: index + 1, unit: 'row' } });
      });
    }
  } else {
    const rows = parseCsv(content);
    const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
    const missing = ['ref', 'theme', 'text'].filter((required) => !header.includes(required));
    for (const required of missing)
      problems.push({
        at: { line: 1, unit: 'row' },
        message: `The header row has no "${required}" column.`,
        hint: 'The first row names the columns: ref, theme, text, and optionally issued_to, deadlines, title, theme_outcome, functions, link, oversight, marker, budget.',
      });
    if (missing.length === 0)
      rows.slice(1).forEach((row, index) => {
        if (row.every((cell) => cell.trim() === '')) return;
        records.push({
          fields: Object.fromEntries(header.map((name, column) => [name, row[column] ?? ''])),
          at: { line: index + 2, unit: 'row' },
        });
      });
  }
  const directions = records.flatMap(({ fields, at }) => {
    const parsed = CanonicalDirectionSchema.safeParse(fields);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => ({
          at,
          message: `${issue.path.join('.')} ${issue.message}.`,
          hint: 'Correct this row and import the file again.',
        })),
      );
      return [];
    }
    const direction = toDirection(parsed.data, at, ijb, problems);
    return direction ? [direction] : [];
  });
  return {
    family: 'canonical',
    ...checkDirections(problems.length > 0 && directions.length === 0 ? [] : directions, problems),
    outcomes: [],
    milestones: [],
    warnings: [],
    problems,
  };
}

function toDirection(
  row: CanonicalDirection,
  at: Location,
  ijb: IjbProfile,
  problems: ImportProblem[],
): ParsedDirection | undefined {
  const deadlines: Deadline[] = [];
  for (const written of (row.deadlines ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const found = findDeadlines(written).found[0] ?? findDeadlines(`by ${written}`).found[0];
    if (!found) {
      problems.push({
        at,
        message: `${row.ref}: "${written}" is not a deadline I can read.`,
        hint: 'Write deadlines like "by January 2025", "by 31 March 2025" or "in 2023-24, 2024-25", separated by ";".',
      });
      return undefined;
    }
    deadlines.push(found.deadline);
  }
  const issuedTo = recipientsOf(row.issued_to ?? '', ijb);
  if (!issuedTo) {
    problems.push({
      at,
      message: `${row.ref}: "${row.issued_to}" names neither ${ijb.healthBoard} nor ${ijb.council}.`,
      hint: `Write "${ijb.healthBoard}", "${ijb.council}" or "both".`,
    });
    return undefined;
  }
  const budget = /([\d,]+(?:\.\d+)?)\s*([km])?/i.exec(row.budget ?? '');
  return {
    ref: row.ref,
    theme: {
      name: row.theme,
      ...(row.theme_outcome ? { outcome: row.theme_outcome } : {}),
      ...(row.budget && budget?.[1]
        ? {
            budget: {
              thousands: Number(budget[1].replace(/,/g, '')) * (budget[2]?.toLowerCase() === 'm' ? 1000 : 1),
              asWritten: row.budget,
            },
          }
        : {}),
    },
    ...(row.title ? { title: row.title } : {}),
    text: row.text.replace(/\s*•\s*/g, '\n• ').trim(),
    issuedTo,
    deadlines,
    ...(row.functions
      ? {
          functions: row.functions
            .split(';')
            .map((part) => part.trim())
            .filter(Boolean),
        }
      : {}),
    ...(row.link ? { link: row.link } : {}),
    ...(row.oversight ? { oversight: row.oversight } : {}),
    ...(row.marker ? { marker: row.marker } : {}),
    at,
  };
}

function recipientsOf(written: string, ijb: IjbProfile): Recipient[] | undefined {
  const words = written.trim().toLowerCase();
  if (words === '' || words === 'both') return ['health-board', 'council'];
  const named = recipientsNamed(written, ijb);
  if (/\bhealth-board\b/.test(words) && !named.includes('health-board')) named.unshift('health-board');
  if (/\bcouncil\b/.test(words) && !named.includes('council')) named.push('council');
  return named.length > 0 ? named : undefined;
}
