/**
 * Block Kit as terminal text, for `npm run chat`: headers, sections, fields, context and
 * buttons (numbered, so they can be pressed by typing the number).
 */

export interface PressableButton {
  number: number;
  label: string;
  actionId: string;
  blockId: string;
  value?: string;
}

interface Style {
  bold(text: string): string;
  dim(text: string): string;
  code(text: string): string;
}

const PLAIN: Style = { bold: (t) => t, dim: (t) => t, code: (t) => t };
const ANSI: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  code: (t) => `\x1b[36m${t}\x1b[39m`,
};

const EMOJI: Record<string, string> = {
  warning: '⚠',
  bell: '🔔',
  white_circle: '○',
  large_green_circle: '🟢',
  large_orange_circle: '🟠',
  red_circle: '🔴',
  white_check_mark: '✅',
  heavy_minus_sign: '➖',
  raising_hand: '🙋',
  construction: '🚧',
  hourglass_flowing_sand: '⏳',
  hourglass: '⌛',
  leftwards_arrow_with_hook: '↩',
  pencil2: '✏',
  ballot_box_with_check: '☑',
  date: '📅',
  spiral_calendar_pad: '🗓',
  christmas_tree: '🎄',
  rotating_light: '🚨',
  zzz: '💤',
};

type AnyBlock = Record<string, unknown> & { type: string };
type TextObject = { type: string; text: string };
type ButtonElement = { type: string; text?: TextObject; action_id?: string; value?: string };

export function mrkdwnToText(text: string, style: Style): string {
  return text
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)(\|([^>]+))?>/g, (_m, id, _p, name) => `#${name ?? id}`)
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/`([^`]+)`/g, (_m, code) => style.code(code))
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, (_m, lead, bold) => `${lead}${style.bold(bold)}`)
    .replace(/:([a-z0-9_+-]+):/g, (match, name) => EMOJI[name] ?? match)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function renderBlocksAsText(
  message: { text?: string; blocks?: unknown[] },
  options: { color: boolean; firstButton?: number } = { color: false },
): { text: string; buttons: PressableButton[] } {
  const style = options.color ? ANSI : PLAIN;
  const buttons: PressableButton[] = [];
  const lines: string[] = [];
  const press = (element: ButtonElement, blockId: string) => {
    const number = (options.firstButton ?? 1) + buttons.length;
    const label = element.text?.text ?? element.action_id ?? 'button';
    buttons.push({
      number,
      label,
      actionId: element.action_id ?? '',
      blockId,
      ...(element.value ? { value: element.value } : {}),
    });
    return style.bold(`[${number}] ${label}`);
  };

  const blocks = (message.blocks ?? []) as AnyBlock[];
  if (blocks.length === 0 && message.text) lines.push(mrkdwnToText(message.text, style));
  for (const [index, block] of blocks.entries()) {
    const blockId = String(block.block_id ?? `block-${index}`);
    switch (block.type) {
      case 'header': {
        const text = (block.text as TextObject).text;
        lines.push('', style.bold(text), style.dim('─'.repeat(Math.min(text.length, 72))));
        break;
      }
      case 'section': {
        const text = block.text as TextObject | undefined;
        if (text) lines.push(mrkdwnToText(text.text, style));
        const fields = (block.fields ?? []) as TextObject[];
        for (const field of fields) {
          const [label = '', ...rest] = field.text.split('\n');
          lines.push(`${mrkdwnToText(label, style)}: ${mrkdwnToText(rest.join('; '), style)}`);
        }
        const accessory = block.accessory as ButtonElement | undefined;
        if (accessory?.type === 'button') lines.push(`   ${press(accessory, blockId)}`);
        if (!text && fields.length === 0) break;
        lines.push('');
        break;
      }
      case 'context':
        lines.push(
          style.dim(
            ((block.elements ?? []) as TextObject[])
              .map((element) => mrkdwnToText(element.text ?? '', PLAIN))
              .join('  '),
          ),
        );
        break;
      case 'actions':
        lines.push(
          ((block.elements ?? []) as ButtonElement[])
            .filter((e) => e.type === 'button')
            .map((e) => press(e, blockId))
            .join('  '),
        );
        break;
      case 'divider':
        lines.push(style.dim('─'.repeat(40)));
        break;
      default:
        lines.push(style.dim(`(${block.type} block)`));
    }
  }
  return {
    text: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    buttons,
  };
}
