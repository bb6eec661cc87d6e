import { type DirectionStatus, STATUS_LABELS } from '../../domain/direction';
import { addDays, type LocalDate } from '../../domain/local-date';
import type { DirectionView } from '../../lookup/views';
import { esc, STATUS_COLOURS } from '../layout';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One stacked bar of the year's statuses, with a text equivalent for screen readers. */
export function statusBar(counts: Map<DirectionStatus, number>, total: number): string {
  let x = 0;
  const parts = [...counts.entries()].map(([status, count]) => {
    const width = (count / Math.max(1, total)) * 600;
    const rect = `<rect x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="28" fill="${STATUS_COLOURS[status].fill}" stroke="#1b1b1b" stroke-width="0.5"><title>${esc(STATUS_LABELS[status])}: ${count}</title></rect>`;
    x += width;
    return rect;
  });
  const summary = [...counts.entries()].map(([s, c]) => `${STATUS_LABELS[s]} ${c}`).join(', ');
  return `<svg viewBox="0 0 600 28" width="600" height="28" role="img" aria-label="Statuses: ${esc(summary)}">${parts.join('')}</svg>`;
}

/**
 * Deadlines of the next 12 months as a bar per month, the festive break (25 December to
 * 2 January, Scotland's holidays) marked: many deadlines fall just after it.
 */
export function deadlineTimeline(views: DirectionView[], today: LocalDate): string {
  const start = `${today.slice(0, 7)}-01`;
  const end = addDays(start, 366);
  const months = Array.from({ length: 12 }, (_, i) => {
    const y = Number(start.slice(0, 4)) + Math.floor((Number(start.slice(5, 7)) - 1 + i) / 12);
    const m = ((Number(start.slice(5, 7)) - 1 + i) % 12) + 1;
    return { key: `${y}-${String(m).padStart(2, '0')}`, label: `${MONTHS[m - 1]} ${String(y).slice(2)}`, m };
  });
  const perMonth = new Map<string, number>();
  for (const view of views) {
    for (const deadline of view.deadlines) {
      if (!deadline.dueDate || deadline.dueDate < start || deadline.dueDate >= end) continue;
      const key = deadline.dueDate.slice(0, 7);
      perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
    }
  }
  const max = Math.max(1, ...perMonth.values());
  const w = 50;
  const bars = months.map((month, i) => {
    const count = perMonth.get(month.key) ?? 0;
    const h = (count / max) * 120;
    const festive =
      month.m === 12
        ? `<rect x="${i * w + (24 / 31) * w}" y="10" width="${(7 / 31) * w + (2 / 31) * w}" height="150" fill="#fde7b0" stroke="#4d3200" stroke-dasharray="3 2"><title>Festive break: 25 December to 2 January</title></rect><text x="${i * w + w - 2}" y="22" font-size="10" text-anchor="end" fill="#4d3200">Festive break</text>`
        : '';
    return `${festive}<rect x="${i * w + 10}" y="${160 - h}" width="${w - 20}" height="${h}" fill="#1d5a91"><title>${month.label}: ${count} due</title></rect><text x="${i * w + w / 2}" y="${155 - h}" font-size="11" text-anchor="middle" fill="#1b1b1b">${count || ''}</text><text x="${i * w + w / 2}" y="178" font-size="11" text-anchor="middle" fill="#1b1b1b">${month.label}</text>`;
  });
  const summary = months.map((m) => `${m.label}: ${perMonth.get(m.key) ?? 0}`).join(', ');
  return `<svg viewBox="0 0 600 185" width="600" height="185" role="img" aria-label="Deadlines due per month, next 12 months, festive break marked. ${esc(summary)}">${bars.join('')}<line x1="0" y1="160" x2="600" y2="160" stroke="#1b1b1b"/></svg>`;
}
