import type { ReportRow } from '../rows';

export interface ThemeGroup {
  theme: string;
  rows: ReportRow[];
}

/** Consecutive rows of one theme (the rows come grouped by theme, then recipient). */
export function themeGroups(rows: readonly ReportRow[]): ThemeGroup[] {
  const groups: ThemeGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.theme === row.theme) last.rows.push(row);
    else groups.push({ theme: row.theme, rows: [row] });
  }
  return groups;
}
