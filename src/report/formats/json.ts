import type { BoardReport } from '../board-report';

/** The whole report as JSON, keys in a fixed order, so the same register gives the same bytes. */
export function reportJson(report: BoardReport): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
}
