import { scottishCalendar, type WorkingCalendar } from '../domain/calendar';
import type { Ijb } from '../domain/ijb';

const calendars = new Map<string, WorkingCalendar>();

/** The working calendar an IJB keeps: Scotland's bank holidays plus its own closure days. */
export function calendarFor(ijb: Pick<Ijb, 'settings'>): WorkingCalendar {
  const key = ijb.settings.closures.join(',');
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = scottishCalendar(ijb.settings.closures);
    calendars.set(key, calendar);
  }
  return calendar;
}
