import { isPageNumber, type SourceLine } from '../source';

/** Which column of a table holds what, found from its header row's words. */
export type ColumnMap<Name extends string> = Partial<Record<Name, number>>;

export function readHeader<Name extends string>(
  line: SourceLine,
  patterns: Record<Name, RegExp>,
  required: readonly Name[],
): ColumnMap<Name> | undefined {
  if (!line.cells || line.cells.length < 2) return undefined;
  const map: ColumnMap<Name> = {};
  line.cells.forEach((cell, index) => {
    for (const [name, pattern] of Object.entries(patterns) as [Name, RegExp][]) {
      if (map[name] === undefined && pattern.test(cell.trim())) {
        map[name] = index;
        break;
      }
    }
  });
  return required.every((name) => map[name] !== undefined) ? map : undefined;
}

export function cellOf(line: SourceLine, index: number | undefined): string {
  return index === undefined ? '' : (line.cells?.[index] ?? '').trim();
}

/** Blank lines and page numbers between two parts of a table do not end it. */
export function isFiller(line: SourceLine): boolean {
  return line.text.trim() === '' || (!line.cells && isPageNumber(line.text));
}

/** A row cut over two lines: its cells are joined, a space between the halves. */
export function appendCells(target: string[], line: SourceLine): void {
  (line.cells ?? []).forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    target[index] = target[index] ? `${target[index]} ${text}` : text;
  });
}
