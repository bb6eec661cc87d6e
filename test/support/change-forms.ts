import type { RawChange } from '../../src/changes/change-input';

let n = 0;

/** A signed-payload body: the person submits a change form with what they typed in each field. */
export function submitChange(
  opened: { id?: string; privateMetadata: string },
  fields: RawChange,
  userId: string,
) {
  const text = (value: string | null | undefined) => ({
    value: { type: 'plain_text_input', value: value ?? null },
  });
  n++;
  return {
    type: 'view_submission',
    user: { id: userId, name: 'admin', team_id: 'T0LOCAL' },
    team: { id: 'T0LOCAL', domain: 'local' },
    api_app_id: 'A0LOCAL',
    trigger_id: `${n}.change-trigger`,
    view: {
      id: opened.id ?? `VCHANGE${n}`,
      callback_id: 'changes.form',
      team_id: 'T0LOCAL',
      type: 'modal',
      hash: 'hash',
      private_metadata: opened.privateMetadata,
      blocks: [],
      state: {
        values: {
          ref: text(fields.ref),
          theme: text(fields.theme),
          text: text(fields.text),
          recipients: {
            value: {
              type: 'checkboxes',
              selected_options: (fields.recipients ?? []).map((value) => ({
                value,
                text: { type: 'plain_text', text: value },
              })),
            },
          },
          deadline: text(fields.deadline),
          budget: text(fields.budget),
          functions: text(fields.functions),
          decidedOn: { value: { type: 'datepicker', selected_date: fields.decidedOn ?? null } },
          reference: text(fields.reference),
          link: text(fields.link),
        },
      },
    },
  };
}
