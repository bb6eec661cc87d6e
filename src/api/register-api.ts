import { compareRefs } from '../domain/direction';
import { londonDay } from '../domain/local-date';
import { calendarFor } from '../register/calendars';
import type { RegisterStore } from '../store/register-store';
import { type ApiRequest, ApiRequestError, routeOf } from './api-request';
import { publicDirection } from './public-direction';

export interface ApiResponse {
  status: number;
  body: unknown;
}

/**
 * The register, read-only, for people outside Slack: IJBs, their plan years, the directions of
 * a year with each deadline's due day and working days left as of today (London). Slack user
 * ids (leads, who wrote an update) and channels are left out: they mean nothing outside the
 * workspace and are personal data the reader does not need.
 */
export function createRegisterApi(deps: { store: RegisterStore; clock: () => Date }) {
  const { store, clock } = deps;

  return async function handle(request: ApiRequest): Promise<ApiResponse> {
    try {
      return { status: 200, body: await answer(request) };
    } catch (error) {
      if (error instanceof ApiRequestError) return { status: error.status, body: { error: error.message } };
      throw error;
    }
  };

  async function answer(request: ApiRequest): Promise<unknown> {
    const route = routeOf(request);
    if (route.kind === 'ijbs') {
      const ijbs = await store.listIjbs();
      return {
        ijbs: ijbs.map(({ id, name, shortName, latestPlanYear }) => ({
          id,
          name,
          shortName,
          latestPlanYear,
        })),
      };
    }
    const ijb = await store.getIjb(route.ijb);
    if (!ijb) throw new ApiRequestError(404, `No IJB ${route.ijb}. GET /ijbs lists them.`);
    if (route.kind === 'years') {
      const years = await store.listPlanYears(ijb.id);
      return {
        ijb: ijb.id,
        years: years.map(({ planYear, title, source, loadedAt, directionCount }) => ({
          planYear,
          title,
          source,
          loadedAt,
          directionCount,
        })),
      };
    }
    const loaded = (await store.listPlanYears(ijb.id)).some((record) => record.planYear === route.year);
    if (!loaded)
      throw new ApiRequestError(
        404,
        `${ijb.shortName} has no ${route.year} directions. GET /ijbs/${ijb.id}/years lists them.`,
      );
    // Being imported (or stopped part-way): not live, so not served half-written.
    if (ijb.importingYears?.includes(route.year))
      throw new ApiRequestError(
        503,
        `${ijb.shortName}'s ${route.year} directions are being imported; try again in a minute.`,
      );
    const today = londonDay(clock());
    const scope = { ijb, planYear: route.year, calendar: calendarFor(ijb), today };
    if (route.kind === 'direction') {
      const direction = await store.getDirection(ijb.id, route.year, route.ref);
      if (!direction) throw new ApiRequestError(404, `No ${route.ref} in ${ijb.shortName} ${route.year}.`);
      return { today, direction: publicDirection(direction, scope) };
    }
    const directions = (await store.listDirections(ijb.id, route.year))
      .filter((direction) => !route.status || direction.status === route.status)
      .sort((a, b) => compareRefs(a.ref, b.ref));
    return {
      today,
      ijb: ijb.id,
      planYear: route.year,
      directions: directions.map((d) => publicDirection(d, scope)),
    };
  }
}
