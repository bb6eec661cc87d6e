import {
  compareRefs,
  type DirectionStatus,
  DirectionStatusSchema,
  STATUS_LABELS,
} from '../../domain/direction';
import { formatDay } from '../../domain/local-date';
import type { DirectionView, Scope } from '../../lookup/views';
import { badge, esc, page } from '../layout';
import { deadlineTimeline, statusBar } from './charts';

export function directionHref(ijbId: string, planYear: string, ref: string): string {
  return `/ijbs/${ijbId}/years/${planYear}/directions/${encodeURIComponent(ref)}`;
}

/** Download links for the board report of a year (or of a review round), as Word and CSV. */
export function reportLinks(ijbId: string, planYear: string, round?: string): string {
  const href = (format: string) =>
    `/ijbs/${ijbId}/years/${planYear}/report?format=${format}${round ? `&amp;round=${encodeURIComponent(round)}` : ''}`;
  const of = round ? `the “${esc(round)}” round` : planYear;
  return `<section aria-labelledby="report-heading${round ? '-round' : ''}"><h2 id="report-heading${round ? '-round' : ''}">Board report</h2><ul class="downloads"><li><a href="${href('docx')}" download>Board report for ${of} (Word)</a></li><li><a href="${href('csv')}" download>The same table as a spreadsheet (CSV)</a></li></ul></section>`;
}

/** The register of a year: counts, the deadline timeline, search, the directions by theme. */
export function registerPage(input: {
  scope: Scope;
  views: DirectionView[];
  query?: string;
  matches?: DirectionView[];
}): string {
  const { scope, views } = input;
  const { ijb, planYear, today } = scope;
  const counts = new Map<DirectionStatus, number>();
  for (const status of DirectionStatusSchema.options) {
    const n = views.filter((v) => v.direction.status === status).length;
    if (n > 0) counts.set(status, n);
  }
  const shown = input.matches ?? views;
  const themes = new Map<string, DirectionView[]>();
  for (const view of shown) {
    const list = themes.get(view.direction.theme.name) ?? [];
    list.push(view);
    themes.set(view.direction.theme.name, list);
  }
  const item = (view: DirectionView) => {
    const d = view.direction;
    const due = view.deadlines.map((x) => x.deadline.asWritten).join('; ');
    return `<li><a href="${directionHref(ijb.id, planYear, d.ref)}"><strong>${esc(d.ref)}</strong> ${esc(d.title ?? firstWords(d.text))}</a><br>${badge(d.status, STATUS_LABELS[d.status])}${due ? ` <span class="muted">${esc(due)}</span>` : ''}</li>`;
  };
  const themeSections = [...themes.entries()]
    .map(([name, list], i) => {
      const byStatus = DirectionStatusSchema.options
        .map((s) => [s, list.filter((v) => v.direction.status === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${STATUS_LABELS[s]} ${n}`)
        .join(', ');
      return `<section aria-labelledby="theme-${i}"><h3 id="theme-${i}">${esc(name)} <span class="muted">(${list.length}: ${esc(byStatus)})</span></h3><ul class="directions">${list
        .sort((a, b) => compareRefs(a.direction.ref, b.direction.ref))
        .map(item)
        .join('')}</ul></section>`;
    })
    .join('');
  const searched =
    input.query !== undefined
      ? `<p role="status">${shown.length} direction${shown.length === 1 ? '' : 's'} match “${esc(input.query)}”. <a href="/ijbs/${ijb.id}/years/${planYear}">Show all</a></p>`
      : '';
  return page({
    title: `${ijb.shortName} directions ${planYear}`,
    ijbName: ijb.name,
    body: `
<h1>${esc(ijb.shortName)} Directions ${esc(planYear)}</h1>
<p class="muted">As of ${esc(formatDay(today))}. ${views.length} directions.</p>
<form class="search" role="search" action="/ijbs/${ijb.id}/years/${planYear}" method="get">
  <div><label for="q">Search directions</label><br><input id="q" name="q" type="search" value="${esc(input.query ?? '')}" autocomplete="off"></div>
  <button type="submit">Search</button>
</form>
${searched}
<section aria-labelledby="status-heading"><h2 id="status-heading">Status</h2>
${statusBar(counts, views.length)}
<ul class="counts">${[...counts.entries()].map(([s, n]) => `<li>${badge(s, `${STATUS_LABELS[s]}: ${n}`)}</li>`).join('')}</ul></section>
<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">Deadlines in the next 12 months</h2>
${deadlineTimeline(views, today)}</section>
<section aria-labelledby="themes-heading"><h2 id="themes-heading">Directions by theme</h2>${themeSections || '<p>No directions match.</p>'}</section>
<section aria-labelledby="review-heading"><h2 id="review-heading">Review round</h2><p><a href="/ijbs/${ijb.id}/years/${planYear}/review">The review round’s returns</a>: which directions have reported progress in the round, and which are outstanding.</p></section>
${reportLinks(ijb.id, planYear)}`,
  });
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 14).join(' ');
  return words.length < text.length ? `${words}…` : words;
}
