import type { ReportSummary } from '../board-report';
import { OUTCOME_FAMILIES, type OutcomeFamily } from '../outcome-words';

/** Colours that stay apart for the common colour-vision deficiencies, with white text on each. */
const COLOURS: Record<OutcomeFamily, string> = {
  Achieved: '#1b7837',
  'In process': '#2166ac',
  'At risk': '#b35806',
  'Off track': '#b2182b',
  'Not started or no update': '#6b6b6b',
  'Retired, replaced or no longer relevant': '#542788',
};

export const CHART_WIDTH = 960;
const LABEL_WIDTH = 330;
const BAR_HEIGHT = 26;
const ROW_GAP = 10;
const TOP = 16;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Outcome by theme as horizontal stacked bars, drawn as SVG (rasterised for Word by ./png). */
export function outcomeChartSvg(summary: ReportSummary): { svg: string; height: number } {
  const themes = summary.byTheme;
  const most = Math.max(1, ...themes.map((theme) => total(theme.counts)));
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - 40;
  const unit = plotWidth / most;
  const legendTop = TOP + themes.length * (BAR_HEIGHT + ROW_GAP) + 16;
  const legendRows = Math.ceil(OUTCOME_FAMILIES.length / 2);
  const height = legendTop + legendRows * 24 + 12;
  const parts: string[] = [`<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`];
  themes.forEach((theme, row) => {
    const y = TOP + row * (BAR_HEIGHT + ROW_GAP);
    parts.push(
      `<text x="${LABEL_WIDTH - 10}" y="${y + 18}" font-size="13" text-anchor="end">${escapeXml(clip(theme.theme, 44))}</text>`,
    );
    let x = LABEL_WIDTH;
    for (const family of OUTCOME_FAMILIES) {
      const count = theme.counts[family];
      if (count === 0) continue;
      const width = count * unit;
      parts.push(
        `<rect x="${fixed(x)}" y="${y}" width="${fixed(width)}" height="${BAR_HEIGHT}" fill="${COLOURS[family]}"/>`,
      );
      if (width >= 18)
        parts.push(
          `<text x="${fixed(x + width / 2)}" y="${y + 18}" font-size="13" fill="#ffffff" text-anchor="middle">${count}</text>`,
        );
      x += width;
    }
    parts.push(
      `<text x="${fixed(x + 6)}" y="${y + 18}" font-size="12" fill="#333333">${total(theme.counts)}</text>`,
    );
  });
  OUTCOME_FAMILIES.forEach((family, index) => {
    const x = 16 + (index % 2) * 460;
    const y = legendTop + Math.floor(index / 2) * 24;
    parts.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${COLOURS[family]}"/>`);
    parts.push(`<text x="${x + 20}" y="${y + 12}" font-size="13">${escapeXml(family)}</text>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT}" fill="#1a1a1a">${parts.join('')}</svg>`;
  return { svg, height };
}

/** What the chart shows, in words: its alt text. */
export function outcomeChartDescription(summary: ReportSummary): string {
  const lines = summary.byTheme.map((theme) => {
    const counts = OUTCOME_FAMILIES.filter((family) => theme.counts[family] > 0).map(
      (family) => `${theme.counts[family]} ${family.toLowerCase()}`,
    );
    return `${theme.theme}: ${counts.join(', ')}.`;
  });
  return `Bar chart of the outcome of each direction, by theme. ${lines.join(' ')}`;
}

function total(counts: Record<OutcomeFamily, number>): number {
  return OUTCOME_FAMILIES.reduce((sum, family) => sum + counts[family], 0);
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
