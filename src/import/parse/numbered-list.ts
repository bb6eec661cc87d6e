import type { SourceLine } from '../source';
import { findDeadlines } from './deadline-phrases';
import { subjectRecipients } from './recipients';
import { isNotATheme, type Section, sectionsOf, soundsDirective, themeName } from './sections';
import type { ParseContext, ParsedDirection } from './types';

const NUMBERED = /^(?:Direction\s+)?(\d{1,2})\.(\d{1,2})([a-z])?[.):]?\s+(\S.*)$/i;

interface Item {
  ref?: { major: number; minor: number; text: string };
  /** The numbered line alone, before any continuation. */
  head: string;
  text: string;
  points: string[];
  indent: number;
  at: SourceLine['at'];
}

/**
 * Family 1: directions numbered under theme headings (Midlothian: "5.1 NHS Lothian and
 * Midlothian Council must …" under "Health Inequalities"). Sub-bullets belong to the direction
 * above them; an item that lost its number is numbered by its place when the numbering leaves
 * exactly its gap; numbered paragraphs of the report itself (Purpose, Background …) and
 * lists of delegated functions are not directions.
 */
export function parseNumberedList(context: ParseContext): ParsedDirection[] {
  const directions: ParsedDirection[] = [];
  for (const section of sectionsOf(context.lines)) {
    const { outcome, items } = itemsOf(section);
    const numbered = items.filter((item) => item.ref);
    if (!section.heading || numbered.length === 0 || isNotATheme(section.heading.text)) continue;
    // A direction says what it directs in its first sentence; a report's numbered paragraph
    // may say "should" somewhere in its narrative.
    const directive = numbered.filter((item) => {
      const first = firstSentence(item.head);
      return soundsDirective(first, findDeadlines(first).found.length > 0);
    });
    if (directive.length < numbered.length / 2) continue;

    const theme = themeName(section.heading.text);
    if (theme.strayFrom)
      context.warnings.push({
        at: section.heading.at,
        message: `Heading "${theme.strayFrom}" read as "${theme.name}" (a stray character from conversion).`,
      });
    const major = mode(directive.map((item) => item.ref?.major ?? 0));
    // An item numbered outside the heading's series and not worded as a direction is the
    // report's own paragraph: left out, and said.
    for (const item of numbered)
      if (item.ref && item.ref.major !== major && !directive.includes(item)) {
        context.warnings.push({
          at: item.at,
          message: `"${item.ref.text} ${item.head.slice(0, 50)}…" under "${theme.name}" is numbered outside its series and does not read as a direction: left out.`,
        });
        items.splice(items.indexOf(item), 1);
      }
    resolveUnnumbered(items, major, context);
    for (const item of items) {
      if (!item.ref) continue;
      const text = [item.text, ...item.points.map((point) => `• ${point}`)].join('\n');
      const { found, yearsOnly } = findDeadlines(text);
      const ref = item.ref.text;
      for (const phrase of yearsOnly)
        context.warnings.push({
          at: item.at,
          ref,
          message: `"${phrase}" names a year but no month: no deadline set from it.`,
        });
      const named = subjectRecipients(item.text, context.ijb);
      directions.push({
        ref,
        theme: { name: theme.name, ...(outcome ? { outcome } : {}) },
        text,
        issuedTo: named.length > 0 ? named : ['health-board', 'council'],
        deadlines: found.map((entry) => entry.deadline),
        at: item.at,
      });
    }
  }
  return directions;
}

function itemsOf(section: Section): { outcome?: string; items: Item[] } {
  const items: Item[] = [];
  const outcome: string[] = [];
  for (const line of section.lines) {
    if (line.cells) continue;
    const numbered = NUMBERED.exec(line.text);
    const current = items.at(-1);
    if (numbered?.[1] && numbered[2] && numbered[4] && line.indent <= 1) {
      const text = `${numbered[1]}.${numbered[2]}${numbered[3] ?? ''}`;
      items.push({
        ref: { major: Number(numbered[1]), minor: Number(numbered[2]), text },
        head: numbered[4],
        text: numbered[4],
        points: [],
        indent: line.indent,
        at: line.at,
      });
    } else if (current && line.bullet && line.indent > current.indent) {
      current.points.push(line.text);
    } else if (line.bullet && line.indent === 0) {
      items.push({ head: line.text, text: line.text, points: [], indent: 0, at: line.at });
    } else if (current) {
      if (current.points.length > 0) current.points[current.points.length - 1] += ` ${line.text}`;
      else current.text += ` ${line.text}`;
    } else outcome.push(line.text);
  }
  return { ...(outcome.length > 0 ? { outcome: outcome.join(' ') } : {}), items };
}

/**
 * An item without a number is a direction whose number conversion lost when the numbering
 * around it leaves exactly one gap for it (before 6.2 with no 6.1); otherwise it is a further
 * point of the direction above it.
 */
function resolveUnnumbered(items: Item[], major: number, context: ParseContext): void {
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Item;
    if (item.ref) continue;
    const before = items
      .slice(0, index)
      .reverse()
      .find((other) => other.ref);
    const after = items.slice(index + 1).find((other) => other.ref);
    const expected = before?.ref ? before.ref.minor + 1 : 1;
    const taken = items.some((other) => other.ref?.major === major && other.ref.minor === expected);
    if (after?.ref?.major === major && after.ref.minor === expected + 1 && !taken) {
      item.ref = { major, minor: expected, text: `${major}.${expected}` };
      context.warnings.push({
        at: item.at,
        ref: item.ref.text,
        message: `This direction has no number in the paper; numbered ${item.ref.text} by its place (between ${before?.ref?.text ?? 'the heading'} and ${after.ref.text}).`,
      });
    } else if (before) {
      before.points.push(item.text, ...item.points);
      items.splice(index, 1);
      index--;
    }
  }
}

function firstSentence(text: string): string {
  return /^.*?[.;:](?=\s+[A-Z]|$)/.exec(text)?.[0] ?? text;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
