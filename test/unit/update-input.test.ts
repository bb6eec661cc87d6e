import { describe, expect, it } from 'vitest';
import { mentionedChannels, mentionedUsers, plainText, unresolvedNames } from '../../src/updates/slack-text';
import { validateUpdate } from '../../src/updates/update-input';

const TODAY = '2024-12-20';

describe('validating an update', () => {
  it('accepts a full update and tidies it', () => {
    const result = validateUpdate(
      {
        status: 'at-risk',
        text: '  DSA &amp; MoU not signed ',
        evidence: '<https://a.example/x|minutes>\nhttps://b.example/y, https://c.example/z',
        expectedDate: '2025-03-31',
        nextSteps: ' ',
      },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      content: {
        status: 'at-risk',
        text: 'DSA & MoU not signed',
        evidence: ['https://a.example/x', 'https://b.example/y', 'https://c.example/z'],
        expectedDate: '2025-03-31',
      },
    });
  });

  it('names each field’s problem precisely', () => {
    const result = validateUpdate(
      {
        status: 'sideways',
        text: '',
        evidence: 'see the minutes',
        expectedDate: '2024-12-19',
        nextSteps: 'n'.repeat(1501),
      },
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        status: 'Pick a status',
        text: 'Say what has happened since the last update',
        evidence: '“see the minutes” is not a link: links start https://',
        expectedDate: 'The revised date Thu 19 Dec 2024 is in the past: pick today or later',
        nextSteps: 'Next steps is 1,501 characters; keep it to 1,500 (link a longer report as evidence)',
      },
    });
  });

  it('accepts today as a revised date, and refuses one that is not a real day', () => {
    expect(validateUpdate({ status: 'on-track', text: 'ok', expectedDate: TODAY }, TODAY).ok).toBe(true);
    expect(
      validateUpdate({ status: 'on-track', text: 'ok', expectedDate: '2025-02-30' }, TODAY),
    ).toMatchObject({ ok: false, problems: { expectedDate: 'Not a real calendar date' } });
  });

  it('names the bad word when a line mixes links and words', () => {
    expect(
      validateUpdate({ status: 'on-track', text: 'ok', evidence: 'https://a.example/x and' }, TODAY),
    ).toMatchObject({ problems: { evidence: '“and” is not a link: links start https://' } });
    expect(validateUpdate({ status: 'on-track', text: 'ok', evidence: 'ftp://a.example/x' }, TODAY).ok).toBe(
      false,
    );
  });

  it('takes only well-formed http(s) links, never Slack markup hidden in one', () => {
    for (const evidence of [
      'https://evil.example/a<!here',
      'https://evil.example/a>b',
      'https://evil.example/a|label',
      'https://evil.example/<!channel>',
      'https://localhost/x',
      'javascript://a.example/%0aalert(1)',
    ]) {
      expect(validateUpdate({ status: 'on-track', text: 'ok', evidence }, TODAY).ok, evidence).toBe(false);
    }
    expect(
      validateUpdate({ status: 'on-track', text: 'ok', evidence: 'https://evil.example/a<!here' }, TODAY),
    ).toMatchObject({
      problems: {
        evidence: '“https://evil.example/a<!here” is not a well-formed link: a link has no spaces, <, > or |',
      },
    });
    expect(
      validateUpdate(
        { status: 'on-track', text: 'ok', evidence: 'https://a.example/report?x=1&y=2#p3' },
        TODAY,
      ).ok,
    ).toBe(true);
  });

  it('needs evidence for Achieved and Retire, with the reason', () => {
    expect(validateUpdate({ status: 'achieved', text: 'done' }, TODAY)).toMatchObject({
      problems: { evidence: expect.stringContaining('Achieved needs evidence for sign-off') },
    });
    expect(validateUpdate({ status: 'retired', text: 'replaced' }, TODAY)).toMatchObject({
      problems: { evidence: expect.stringContaining('Retiring a direction needs evidence') },
    });
    expect(
      validateUpdate({ status: 'achieved', text: 'done', evidence: 'https://a.example/report' }, TODAY).ok,
    ).toBe(true);
  });
});

describe('Slack’s markup', () => {
  it('reads mentions, channels and links back from what Slack sends', () => {
    const text =
      'assign 5.1 <@U012AB3CD|jane> <@W0ABCDEFG> <#C0123ABCD|data-team> see <https://x.example/a|the paper> &amp; more';
    expect(mentionedUsers(text)).toEqual(['U012AB3CD', 'W0ABCDEFG']);
    expect(mentionedChannels(text)).toEqual(['C0123ABCD']);
    expect(plainText(text)).toBe(
      'assign 5.1 @U012AB3CD @W0ABCDEFG #data-team see https://x.example/a & more',
    );
    expect(unresolvedNames('5.1 @jane <@U012AB3CD> #team')).toEqual(['@jane', '#team']);
  });
});
