import { compareRefs, refKey, STATUS_LABELS } from '../../domain/direction';
import { formatDay, londonDay } from '../../domain/local-date';
import type { DirectionView, Scope } from '../../lookup/views';
import { badge, esc, page } from '../layout';
import type { RoundReturns } from '../review-returns';
import { directionHref, reportLinks } from './register';

/** The review round's returns, read-only: per direction, returned or still outstanding. */
export function reviewPage(input: { scope: Scope; views: DirectionView[]; returns?: RoundReturns }): string {
  const { scope, views, returns } = input;
  const { ijb, planYear } = scope;
  const crumbs = `<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/ijbs/${ijb.id}/years/${planYear}">${esc(ijb.shortName)} ${esc(planYear)}</a></li><li aria-current="page">Review round</li></ol></nav>`;
  if (!returns)
    return page({
      title: `Review round — ${ijb.shortName} ${planYear}`,
      ijbName: ijb.name,
      body: `${crumbs}<h1>Review round ${esc(planYear)}</h1><p>No review round has been opened for ${esc(planYear)} yet. IJB admins open one in Slack with <code>/direction review open</code>.</p>`,
    });
  const { round, lines } = returns;
  const byRef = new Map(views.map((view) => [refKey(view.direction.ref), view]));
  const state =
    round.state === 'closed'
      ? `Closed on ${formatDay(londonDay(new Date(round.closedAt ?? round.openedAt)))}: the returns as they stood then.`
      : `Open until ${formatDay(round.closes)}: the returns so far.`;
  const rows = [...lines]
    .sort((a, b) => compareRefs(a.ref, b.ref))
    .map((line) => {
      const view = byRef.get(refKey(line.ref));
      const d = view?.direction;
      const title = d ? esc(d.title ?? d.text.split('\n')[0]?.slice(0, 120) ?? '') : '';
      return `<tr><th scope="row"><a href="${directionHref(ijb.id, planYear, line.ref)}">${esc(line.ref)}</a></th><td>${line.returned ? '<strong>Returned</strong>' : 'Outstanding'}</td><td>${d ? badge(d.status, STATUS_LABELS[d.status]) : ''}</td><td>${title}</td></tr>`;
    })
    .join('');
  return page({
    title: `Review round ${round.name} — ${ijb.shortName} ${planYear}`,
    ijbName: ijb.name,
    body: `${crumbs}
<h1>Review round: ${esc(round.name)}</h1>
<p>${esc(state)}</p>
<p role="status"><strong>${returns.returned} of ${lines.length} returned</strong>, ${returns.outstanding} outstanding.</p>
<meter min="0" max="${lines.length}" value="${returns.returned}" aria-label="Returns received">${returns.returned} of ${lines.length}</meter>
${reportLinks(ijb.id, planYear, round.name)}
<section aria-labelledby="returns-heading"><h2 id="returns-heading">Returns by direction</h2>
<p class="muted">A return is a progress update made while the round was open.</p>
<div class="scroll" tabindex="0"><table class="returns" aria-labelledby="returns-heading">
<thead><tr><th scope="col">Ref</th><th scope="col">Return</th><th scope="col">Status now</th><th scope="col">Direction</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`,
  });
}
