import { loadavg } from 'node:os';
import { parseIntent } from '../src/understanding/parse';

/** Phrasings of every kind the parser reads, short and long, with typos and places. */
const PHRASES = [
  '5.1',
  'D10J',
  'status 5.1',
  '5.1 history',
  'east lothian 2019-20 D15c',
  'report 5.1 on track: the clinic opened on Monday and referrals are up',
  'overdue NHS Lothian',
  'due next month for the council',
  'what is due before 31 March for carers',
  'list carers at risk',
  'mine due in 60 days',
  'overdeu',
  'unpaid carers short breaks',
  'subscribe to NHS Lothian',
  'help',
];
const ROUNDS = 20_000;

/** `npm run bench -- parser`: the cost of understanding one command (target ≤ 50 µs). */
export async function benchParser(): Promise<string[]> {
  for (let i = 0; i < 2_000; i++) for (const phrase of PHRASES) parseIntent(phrase);
  const perPhrase = PHRASES.map((phrase) => {
    const started = performance.now();
    for (let i = 0; i < ROUNDS; i++) parseIntent(phrase);
    return { phrase, us: ((performance.now() - started) * 1000) / ROUNDS };
  });
  const mean = perPhrase.reduce((total, p) => total + p.us, 0) / perPhrase.length;
  const median = [...perPhrase].sort((a, b) => a.us - b.us)[Math.floor(perPhrase.length / 2)]?.us ?? 0;
  const worst = perPhrase.reduce((a, b) => (b.us > a.us ? b : a));
  return [
    `Parser: what an officer types → intent (${PHRASES.length} phrasings × ${ROUNDS})`,
    `  mean per command                             ${mean.toFixed(2)} µs   (target ≤ 50 µs)`,
    `  median phrasing                              ${median.toFixed(2)} µs`,
    `  slowest: ${JSON.stringify(worst.phrase).padEnd(35)}  ${worst.us.toFixed(2)} µs`,
    `  load average ${loadavg()[0]?.toFixed(1)} (a shared machine makes every figure larger)`,
  ];
}
