import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ApiKeys } from '../api/api-keys';
import { DirectionRefSchema, IjbIdSchema } from '../domain/direction';
import { PlanYearSchema } from '../domain/plan-year';
import type { LookupService } from '../lookup/lookup-service';
import { searchDirections } from '../lookup/search';
import { buildBoardReport, type ReportDeps, ReportError, ReportFormatSchema } from '../report';
import type { UpdateStore } from '../store/update-store';
import { keyOf } from '../updates/update-service';
import { esc, page } from './layout';
import { directionPage } from './pages/direction';
import { registerPage } from './pages/register';
import { reviewPage } from './pages/review';
import type { RoundReturnsOf } from './review-returns';
import type { ShareLinks } from './share-links';

export const SHARE_COOKIE = 'ijb_share';

export interface WebDeps {
  lookup: LookupService;
  updates: UpdateStore;
  shareLinks: ShareLinks;
  keys: ApiKeys;
  /** The board report's readers (src/report): the download of the register and review pages. */
  report?: ReportDeps;
  /** The review round's returns of a year. */
  returns?: RoundReturnsOf;
}

type WebEnv = { Variables: { ijb: string } };

/**
 * The web register, read-only, server-rendered: no client script. Signed in by a share link
 * (a cookie holding the signed token, checked on every page) or an API key's Bearer header.
 */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  const problem = (status: 400 | 401 | 403 | 404, title: string, detail: string) =>
    new Response(page({ title, body: `<h1>${esc(title)}</h1><p>${esc(detail)}</p>` }), {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });

  web.use('*', async (c, next) => {
    await next();
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
  });

  web.get('/share/:token', async (c) => {
    const checked = await deps.shareLinks.check(c.req.param('token'));
    if (!checked.ok) return problem(401, 'This link does not open the register', checked.reason);
    setCookie(c, SHARE_COOKIE, c.req.param('token'), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      expires: checked.grant.expiresAt,
    });
    return c.redirect(`/ijbs/${checked.grant.ijb}`, 303);
  });

  /** Which IJB this visitor may read: from the share cookie, or a read key. */
  // biome-ignore lint/suspicious/noExplicitAny: any route's context
  const signedIn = async (c: Context<WebEnv, any>): Promise<string | Response> => {
    const authorization = c.req.header('authorization');
    if (authorization) {
      const auth = await deps.keys.authenticate(authorization);
      return auth.ok ? auth.grant.ijb : problem(401, 'Not signed in', auth.detail);
    }
    const checked = await deps.shareLinks.check(getCookie(c, SHARE_COOKIE));
    if (checked.ok) return checked.grant.ijb;
    return problem(
      401,
      'Not signed in',
      getCookie(c, SHARE_COOKIE)
        ? checked.reason
        : 'Open the register from the link your IJB admin shared with you (made in Slack with /direction share web).',
    );
  };

  web.get('/', async (c) => {
    const who = await signedIn(c);
    if (typeof who === 'string' && who !== '*') return c.redirect(`/ijbs/${who}`, 303);
    return c.html(
      page({
        title: 'Sign in',
        body: '<h1>The register of Directions</h1><p>Open the register from the link your IJB admin shared with you. Admins make one in Slack with <code>/direction share web 30 days</code>.</p>',
      }),
      typeof who === 'string' ? 200 : 401,
    );
  });

  web.use('/ijbs/:ijb/*', async (c, next) => {
    const who = await signedIn(c);
    if (typeof who !== 'string') return who;
    const ijb = c.req.param('ijb');
    if (who !== '*' && who !== ijb)
      return problem(403, 'Not this IJB', `Your link opens the ${who} register, not ${ijb}'s.`);
    c.set('ijb', ijb);
    return next();
  });
  web.use('/ijbs/:ijb', async (c, next) => {
    const who = await signedIn(c);
    if (typeof who !== 'string') return who;
    if (who !== '*' && who !== c.req.param('ijb'))
      return problem(403, 'Not this IJB', `Your link opens the ${who} register.`);
    return next();
  });

  const scopeOf = async (ijb: string, year?: string) => {
    if (!IjbIdSchema.safeParse(ijb).success || (year && !PlanYearSchema.safeParse(year).success))
      return undefined;
    const result = await deps.lookup.scope({ ijbId: ijb, ...(year ? { planYear: year } : {}) });
    return result.ok ? result.scope : undefined;
  };

  web.get('/ijbs/:ijb', async (c) => {
    const scope = await scopeOf(c.req.param('ijb'));
    if (!scope) return problem(404, 'Not found', `No directions are loaded for ${c.req.param('ijb')}.`);
    return c.redirect(`/ijbs/${scope.ijb.id}/years/${scope.planYear}`, 303);
  });

  web.get('/ijbs/:ijb/years/:year', async (c) => {
    const scope = await scopeOf(c.req.param('ijb'), c.req.param('year'));
    if (!scope)
      return problem(404, 'Not found', `No ${c.req.param('year')} directions for ${c.req.param('ijb')}.`);
    const views = await deps.lookup.list(scope);
    const q = c.req.query('q')?.trim().slice(0, 200);
    if (!q) return c.html(registerPage({ scope, views }));
    const byRef = new Map(views.map((v) => [v.direction.ref, v]));
    const matches = searchDirections(
      views.map((v) => v.direction),
      q,
      views.length,
    ).flatMap((hit) => byRef.get(hit.direction.ref) ?? []);
    return c.html(registerPage({ scope, views, query: q, matches }));
  });

  web.get('/ijbs/:ijb/years/:year/directions/:ref', async (c) => {
    const scope = await scopeOf(c.req.param('ijb'), c.req.param('year'));
    const ref = DirectionRefSchema.safeParse(c.req.param('ref'));
    if (!scope || !ref.success) return problem(404, 'Not found', 'No such direction.');
    const shown = await deps.lookup.show(scope, ref.data);
    if (shown.kind === 'missing') {
      return problem(
        404,
        'Not found',
        `No direction ${ref.data} in ${scope.ijb.shortName} ${scope.planYear}.`,
      );
    }
    const history = await deps.updates.history(keyOf(shown.view.direction), { limit: 50 });
    return c.html(directionPage({ scope, view: shown.view, history: history.events }));
  });

  web.get('/ijbs/:ijb/years/:year/review', async (c) => {
    const scope = await scopeOf(c.req.param('ijb'), c.req.param('year'));
    if (!scope || !deps.returns)
      return problem(404, 'Not found', `No ${c.req.param('year')} directions for ${c.req.param('ijb')}.`);
    const [views, returns] = await Promise.all([
      deps.lookup.list(scope),
      deps.returns(scope.ijb.id, scope.planYear),
    ]);
    return c.html(reviewPage({ scope, views, ...(returns ? { returns } : {}) }));
  });

  // The board paper as /direction report and the API build it, downloaded as a file.
  web.get('/ijbs/:ijb/years/:year/report', async (c) => {
    const scope = await scopeOf(c.req.param('ijb'), c.req.param('year'));
    const format = ReportFormatSchema.safeParse(c.req.query('format') ?? 'docx');
    const round = c.req.query('round')?.trim().slice(0, 100);
    if (!format.success)
      return problem(400, 'Not a report format', 'The report is made as docx, csv, md or json.');
    if (!scope || !deps.report)
      return problem(404, 'Not found', `No ${c.req.param('year')} directions for ${c.req.param('ijb')}.`);
    try {
      const file = await buildBoardReport(deps.report, {
        ijb: scope.ijb.id,
        year: scope.planYear,
        format: format.data,
        ...(round ? { round } : {}),
      });
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      });
    } catch (error) {
      if (error instanceof ReportError) return problem(404, 'No such report', error.message);
      throw error;
    }
  });

  return web;
}
