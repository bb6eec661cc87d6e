import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxOf } from '../support/paper-files';
import { MIDLOTHIAN_PAPER, parseFile } from '../support/papers';

const SHARED = join(process.cwd(), '..', 'shared', 'seeds');

const GUIDANCE = `# Directions from Integration Authorities: good practice note

## 1. Introduction

1.1 This statutory guidance is issued by the Scottish Government to help integration authorities improve their practice in issuing directions.

## 2. Issuing directions

2.1 Integration Joint Boards must issue a direction to the Health Board and the local authority for every integrated function by March 2021.
2.2 Integration Joint Boards should review their directions at least once a year and before the budget is set.
2.3 The Health Board and the local authority must comply with a direction of the integration authority.
2.4 Integration authorities should issue directions on the form in the Annex to this guidance.
2.5 Directions should set out how each integrated function is to be carried out, by when, and with what budget.
2.6 Integration Joint Boards should publish their directions alongside their strategic plan.

## 3. Good practice

3.1 Integration authorities are encouraged to share good practice through the national network.
`;

const MINUTES = `# Minutes of the meeting of Midlothian Integration Joint Board, 18 August 2016

Present: Councillor A, Councillor B, Dr C

Apologies: Mr D

In attendance: Chief Officer

## Care at Home

5.1 The Board agreed that Midlothian Council must review the current design of care at home services by March 2017.
5.2 The Board noted that NHS Lothian and Midlothian Council should report progress to the next meeting.
5.3 The Board approved the proposed approach by Meldap to manage the reduction in budgets.
`;

const PLAN = `# Midlothian Integration Joint Board Strategic Plan 2025-2035

## What we will do

1.1 We will work with NHS Lothian and Midlothian Council to improve outcomes by March 2027.
1.2 We will support unpaid carers in Midlothian to have a life alongside caring.
`;

const refused = async (text: string | Uint8Array, name = 'paper.txt', ijb = 'midlothian') => {
  const paper = await parseFile(text, name, ijb, '2025-26');
  expect(paper.directions).toEqual([]);
  return paper.problems.map((problem) => problem.message);
};

describe('a document that is not an IJB\u2019s Directions', () => {
  it('is refused when it is guidance about directions, naming no IJB issuing them', async () => {
    expect(await refused(GUIDANCE)).toEqual([
      expect.stringMatching(
        /^This reads as guidance about directions: it names no Integration Joint Board issuing them/,
      ),
    ]);
  });

  it('is refused as guidance from Word too', async () => {
    expect(await refused(await docxOf(GUIDANCE), 'note.docx', 'west-lothian')).toEqual([
      expect.stringMatching(/^This reads as guidance about directions/),
    ]);
  });

  it('is refused when it is the minutes of a board meeting', async () => {
    expect(await refused(MINUTES)).toEqual([
      expect.stringMatching(/^This reads as the minutes of a meeting/),
    ]);
  });

  it('is refused when it is a strategic plan without directions', async () => {
    expect(await refused(PLAN)).toEqual([expect.stringMatching(/^This reads as a strategic plan/)]);
  });

  it.runIf(existsSync(SHARED))('is refused for the shared board report and strategic plan', async () => {
    for (const [file, genre] of [
      ['001_c7d0e7de7edc012d.txt', /a report to the board/],
      ['002_23ee8d1eecad79ba.txt', /a strategic plan/],
    ] as const)
      expect(await refused(readFileSync(join(SHARED, file)), file)).toEqual([expect.stringMatching(genre)]);
  });

  it('leaves a real Directions paper alone', async () => {
    const paper = await parseFile(MIDLOTHIAN_PAPER, 'midlothian.txt', 'midlothian', '2023-24');
    expect(paper.problems).toEqual([]);
    expect(paper.directions).toHaveLength(21);
  });
});
