import { type DirectionLink, STATUS_LABELS } from '../../domain/direction';
import { issuedToText } from '../../domain/ijb';
import { formatDay } from '../../domain/local-date';
import type { HistoryEvent } from '../../domain/progress-update';
import type { DirectionView, Scope } from '../../lookup/views';
import { badge, esc, page } from '../layout';
import { directionHref } from './register';

const safeLink = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/** One direction at its stable URL: what is asked, of whom, by when, how it stands, its history. */
export function directionPage(input: { scope: Scope; view: DirectionView; history: HistoryEvent[] }): string {
  const { scope, view, history } = input;
  const d = view.direction;
  const { ijb, planYear } = scope;
  const links = (list: DirectionLink[] | undefined, label: string) =>
    list?.length
      ? `<li>${label}: ${list.map((l) => `<a href="${directionHref(ijb.id, l.planYear, l.ref)}">${esc(l.ref)} (${esc(l.planYear)})</a>`).join(', ')}</li>`
      : '';
  const lifecycle = `${links(d.supersedes, 'Replaces')}${links(d.supersededBy, 'Replaced by')}${
    d.lifecycle
      ? `<li>In law: ${esc(d.lifecycle.state)}${d.lifecycle.outcome ? ` — “${esc(d.lifecycle.outcome)}”` : ''}</li>`
      : ''
  }`;
  const deadlines = view.deadlines.length
    ? `<ul>${view.deadlines.map((x) => `<li>${esc(x.deadline.asWritten)}${x.dueDate ? ` <span class="muted">(${esc(formatDay(x.dueDate))})</span>` : ''}</li>`).join('')}</ul>`
    : 'None given (ongoing)';
  const events = history
    .map((event) => {
      if (event.kind === 'decision') {
        const { decision } = event;
        return `<li><strong>${esc(formatDay(decision.at.slice(0, 10)))}</strong> — ${decision.outcome === 'approved' ? 'Signed off' : 'Sent back'}: ${esc(STATUS_LABELS[decision.proposal])}${decision.reason ? ` (“${esc(decision.reason)}”)` : ''}</li>`;
      }
      const u = event.update;
      const evidence = u.evidence
        .map(safeLink)
        .filter(Boolean)
        .map((url) => `<a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>`)
        .join(', ');
      return `<li${u.withdrawn ? ' class="muted"' : ''}><strong>${esc(formatDay(u.at.slice(0, 10)))}</strong> — ${badge(u.status, STATUS_LABELS[u.status])}${u.signOff?.state === 'pending' ? ' (awaiting sign-off)' : ''}${u.withdrawn ? ' (withdrawn)' : ''}<p class="text">${esc(u.text)}</p>${evidence ? `<p>Evidence: ${evidence}</p>` : ''}</li>`;
    })
    .join('');
  return page({
    title: `Direction ${d.ref} — ${ijb.shortName} ${planYear}`,
    ijbName: ijb.name,
    body: `
<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/ijbs/${ijb.id}/years/${planYear}">${esc(ijb.shortName)} ${esc(planYear)}</a></li><li aria-current="page">Direction ${esc(d.ref)}</li></ol></nav>
<h1>Direction ${esc(d.ref)}${d.title ? `: ${esc(d.title)}` : ''}</h1>
<p>${badge(d.status, STATUS_LABELS[d.status])} <span class="muted">${esc(d.theme.name)}</span></p>
<section aria-labelledby="text-heading"><h2 id="text-heading">What is directed</h2><p class="text">${esc(d.text)}</p></section>
<section aria-labelledby="facts-heading"><h2 id="facts-heading">Facts</h2><dl class="facts">
<dt>Issued to</dt><dd>${esc(issuedToText(ijb, d.issuedTo))}</dd>
<dt>Deadline</dt><dd>${deadlines}</dd>
<dt>Status</dt><dd>${esc(STATUS_LABELS[d.status])}</dd>
${d.link && safeLink(d.link) ? `<dt>Link</dt><dd><a href="${esc(d.link)}">${esc(d.link)}</a></dd>` : ''}
</dl></section>
${lifecycle ? `<section aria-labelledby="lifecycle-heading"><h2 id="lifecycle-heading">Lifecycle</h2><ul>${lifecycle}</ul></section>` : ''}
<section aria-labelledby="history-heading"><h2 id="history-heading">History</h2>${events ? `<ol class="history">${events}</ol>` : '<p>No progress reported yet.</p>'}</section>`,
  });
}
