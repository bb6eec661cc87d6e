import * as z from 'zod';
import { DirectionRefSchema } from '../domain/direction';

/**
 * `/direction subscribe …` and `/direction unsubscribe …` as typed, before the register is
 * consulted: all | theme <name> | to <partner> | escalations | <refs>.
 */
export const SubscribeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('usage') }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('theme'), words: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('to'), words: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('escalations') }),
  z.object({ kind: z.literal('refs'), refs: z.array(DirectionRefSchema).min(1).max(50) }),
  z.object({ kind: z.literal('invalid'), problem: z.string(), example: z.string() }),
]);
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>;

export const SUBSCRIBE_EXAMPLE =
  '/direction subscribe all  ·  subscribe theme carers  ·  subscribe to NHS Lothian  ·  subscribe 5.1 5.2';

export function parseSubscribeText(raw: string, verb: 'subscribe' | 'unsubscribe'): SubscribeRequest {
  const text = raw.replace(/\s+/g, ' ').trim();
  const example =
    verb === 'subscribe' ? SUBSCRIBE_EXAMPLE : SUBSCRIBE_EXAMPLE.replace(/subscribe/g, 'unsubscribe');
  if (text.length > 300) {
    return { kind: 'invalid', problem: `That is ${text.length} characters; I read up to 300.`, example };
  }
  const [first = '', ...rest] = text.split(' ');
  const word = first.toLowerCase();
  const words = rest.join(' ');
  if (word === '' || word === 'help') return { kind: 'usage' };
  if (['all', 'everything', 'every'].includes(word) && rest.length === 0) return { kind: 'all' };
  if (['escalations', 'escalation'].includes(word) && rest.length === 0) return { kind: 'escalations' };
  if (word === 'theme' || word === 'outcome') {
    return words
      ? { kind: 'theme', words: words.slice(0, 200) }
      : {
          kind: 'invalid',
          problem: `Which theme? Name it after "${word}".`,
          example: `/direction ${verb} theme carers`,
        };
  }
  if (word === 'to') {
    return words
      ? { kind: 'to', words: words.slice(0, 200) }
      : {
          kind: 'invalid',
          problem: 'To whom? Name the Health Board or the Council after "to".',
          example: `/direction ${verb} to NHS Lothian`,
        };
  }
  const tokens = text.split(/[\s,;]+/).filter((token) => token && token.toLowerCase() !== 'and');
  const refs = z.array(DirectionRefSchema).min(1).max(50).safeParse(tokens);
  if (refs.success && tokens.every((token) => /\d/.test(token))) return { kind: 'refs', refs: refs.data };
  return { kind: 'invalid', problem: `I did not understand "${text}".`, example };
}
