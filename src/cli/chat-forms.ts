/**
 * A Slack modal in the terminal: its input blocks asked one by one, then turned into the
 * `view.state.values` Slack would send in a view_submission.
 */

interface Text {
  text: string;
}
interface Option {
  text: Text;
  value: string;
}
interface InputBlock {
  type: 'input';
  block_id: string;
  label: Text;
  optional?: boolean;
  element: {
    type: string;
    action_id: string;
    initial_value?: string;
    initial_date?: string;
    initial_option?: Option;
    initial_options?: Option[];
    options?: Option[];
    multiline?: boolean;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Slack view JSON
export type SlackView = Record<string, any>;

export type Ask = (question: string) => Promise<string>;

export function inputsOf(view: SlackView): InputBlock[] {
  return ((view.blocks ?? []) as { type: string }[]).filter(
    (block): block is InputBlock => block.type === 'input',
  );
}

/**
 * Asks for each field (Enter keeps what is shown in [brackets]; "-" clears it); returns the
 * state values. `only` re-asks just the fields Slack sent errors for.
 */
export async function fillForm(
  view: SlackView,
  ask: Ask,
  print: (line: string) => void,
  previous: Record<string, Record<string, unknown>> = {},
  only?: readonly string[],
): Promise<Record<string, Record<string, unknown>>> {
  const values: Record<string, Record<string, unknown>> = { ...previous };
  for (const block of inputsOf(view)) {
    const { element } = block;
    if (only && !only.includes(block.block_id)) continue;
    const optional = block.optional ? ' (optional)' : '';
    if (element.type === 'static_select' || element.type === 'radio_buttons') {
      const options = element.options ?? [];
      print(`  ${block.label.text}${optional}:`);
      for (const [index, option] of options.entries()) print(`    ${index + 1}. ${option.text.text}`);
      const shown = element.initial_option?.text.text;
      const answer = (await ask(`  choose 1-${options.length}${shown ? ` [${shown}]` : ''}: `)).trim();
      const picked = answer ? options[Number(answer) - 1] : element.initial_option;
      values[block.block_id] = {
        [element.action_id]: { type: element.type, selected_option: picked ?? null },
      };
      continue;
    }
    if (element.type === 'checkboxes' || element.type === 'multi_static_select') {
      const options = element.options ?? [];
      print(`  ${block.label.text}${optional}:`);
      for (const [index, option] of options.entries()) print(`    ${index + 1}. ${option.text.text}`);
      const shown = element.initial_options ?? [];
      const kept = shown.length > 0 ? ` [${shown.map((option) => option.text.text).join(', ')}]` : '';
      const answer = (await ask(`  choose any of 1-${options.length}, comma-separated${kept}: `)).trim();
      const picked = answer
        ? answer
            .split(/[\s,]+/)
            .map((number) => options[Number(number) - 1])
            .filter(Boolean)
        : shown;
      values[block.block_id] = { [element.action_id]: { type: element.type, selected_options: picked } };
      continue;
    }
    if (element.type === 'datepicker') {
      const shown = element.initial_date;
      const answer = (
        await ask(`  ${block.label.text}${optional}, YYYY-MM-DD${shown ? ` [${shown}]` : ''}: `)
      ).trim();
      const date = answer === '-' ? null : answer || shown || null;
      values[block.block_id] = { [element.action_id]: { type: element.type, selected_date: date } };
      continue;
    }
    const shown = element.initial_value;
    const hint = shown ? ` [${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}]` : '';
    const answer = await ask(`  ${block.label.text}${optional}${hint}: `);
    const value = answer.trim() === '-' ? null : answer.trim() ? answer : (shown ?? null);
    values[block.block_id] = { [element.action_id]: { type: element.type, value } };
  }
  return values;
}
