import { calendarFor } from '../src/register/calendars';
import { composeBoardReport } from '../src/report/board-report';
import { renderBoardReport } from '../src/report/report-service';
import { REPORT_COLUMNS } from '../src/report/rows';
import { MIDLOTHIAN, reportRegister } from '../test/support/report-register';
import { row, summarise } from './stats';

const SIZES = [40, 400];
const ROUNDS = { docx: 15, csv: 200, floor: 200 };

/**
 * The board paper for 40 and 400 directions: the whole .docx (rows, summary, chart drawn and
 * rasterised, Word packed and zipped) and the CSV (rows, RFC 4180 quoting), beside the floor of
 * writing the same rows as plain comma-joined text. The register is in memory: reading it is
 * one query the import benchmark already measures.
 */
export async function benchReport(): Promise<string[]> {
  const lines = ['Board report (in memory, from the view to the file bytes)'];
  for (const size of SIZES) {
    const directions = reportRegister(size);
    const compose = () =>
      composeBoardReport({
        ijb: MIDLOTHIAN,
        planYear: '2023-24',
        basis: { kind: 'register', asOf: '2024-06-14' },
        generatedOn: '2024-06-14',
        directions,
        outcomes: [],
        calendar: calendarFor(MIDLOTHIAN),
      });
    const view = compose();
    const floor = () =>
      new TextEncoder().encode(
        view.rows.map((line) => REPORT_COLUMNS.map(([key]) => line[key]).join(',')).join('\n'),
      );
    await renderBoardReport(view, 'docx'); // warm: loads docx and resvg once
    const docx = await sample(ROUNDS.docx, () => renderBoardReport(compose(), 'docx'));
    const csv = await sample(ROUNDS.csv, () => renderBoardReport(compose(), 'csv'));
    const plain = await sample(ROUNDS.floor, async () => floor());
    const bytes = (await renderBoardReport(view, 'docx')).bytes.length;
    lines.push(
      row(`${size} directions: .docx (${Math.round(bytes / 1024)} kB)`, docx),
      row(`${size} directions: .csv`, csv),
      row(`${size} directions: floor, rows joined as plain CSV`, plain),
    );
  }
  return lines;
}

async function sample(rounds: number, run: () => Promise<unknown>): Promise<ReturnType<typeof summarise>> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
