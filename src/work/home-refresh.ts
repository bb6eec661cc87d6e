/**
 * A direction changed (an update saved, withdrawn, decided, a lead assigned): the App Home of
 * the people it concerns is published again. Named here, in the shared work ring, so the
 * capability that changes a direction need not know the one that draws App Home.
 */
export const HOME_REFRESH_JOB = 'home.refresh';

export interface HomeRefresh {
  ijbId: string;
  planYear: string;
  ref: string;
  /** Who made the change: their Home is refreshed too. */
  by?: string | undefined;
}
