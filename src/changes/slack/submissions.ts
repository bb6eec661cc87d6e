import type { ViewResponseAction } from '@slack/bolt';
import { escapeMrkdwn } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import {
  type ChangeField,
  type Checked,
  checkAuthority,
  checkNewDirection,
  checkVariation,
} from '../change-input';
import type { ChangeRequest, ChangeResult, ChangeService } from '../change-service';
import { todayOf } from '../change-service';
import { changeLine } from '../views';
import {
  CHANGE_FORM,
  type ChangeMetadata,
  ChangeMetadataSchema,
  FORM_FIELDS,
  readChangeForm,
  renderDone,
} from './modals';

type Ack = (response?: ViewResponseAction) => Promise<void>;

interface SubmissionDeps {
  service: ChangeService;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
}

const TITLES: Record<ChangeMetadata['k'], string> = {
  add: 'Added',
  vary: 'Varied',
  revoke: 'Revoked',
  supersede: 'Superseded',
};

/**
 * A change form's submission: check every field (errors shown on the field, the words kept),
 * then the service checks the admin right from this request and writes; the form becomes the
 * receipt. Slack re-sending the same submission has the same view id: one change, not two.
 */
export function registerChangeSubmissions(app: SlackRouter, deps: SubmissionDeps): void {
  app.view(CHANGE_FORM, async ({ ack, body, view }) => {
    let metadata: ChangeMetadata | undefined;
    try {
      metadata = ChangeMetadataSchema.parse(JSON.parse(view.private_metadata));
    } catch {
      metadata = undefined;
    }
    const firstField = (metadata && FORM_FIELDS[metadata.k][0]) ?? 'decidedOn';
    if (!metadata)
      return errors(ack, {
        [firstField]: 'This form is from an older version of the app: close it and open it again.',
      });
    const raw = readChangeForm(view.state.values as never);
    const authority = checkAuthority(raw, todayOf(deps.clock));
    const request: ChangeRequest = {
      ijbId: metadata.i,
      planYear: metadata.y,
      userId: body.user.id,
      via: 'slack',
      requestKey: `view:${view.id}`,
    };
    const { k: kind, r: ref = '', b: by = '' } = metadata;
    let content: Checked<unknown> = { ok: true, value: undefined };
    if (kind === 'add') content = checkNewDirection(raw);
    if (kind === 'vary') content = checkVariation(raw);
    const problems = { ...(content.ok ? {} : content.errors), ...(authority.ok ? {} : authority.errors) };
    if (!content.ok || !authority.ok) return errors(ack, problems);

    let result: ChangeResult;
    try {
      result =
        kind === 'add'
          ? await deps.service.add(request, content.value as never, authority.value)
          : kind === 'vary'
            ? await deps.service.vary(request, ref, content.value as never, authority.value)
            : kind === 'revoke'
              ? await deps.service.revoke(request, ref, authority.value)
              : await deps.service.supersede(request, ref, by, authority.value);
    } catch (error) {
      deps.log(`recording /direction ${kind} ${ref} failed`, error);
      return errors(ack, {
        [firstField]: 'Not recorded: the register did not answer. Your words are still here: submit again.',
      });
    }
    if (result.kind === 'refused') {
      const field = result.field && FORM_FIELDS[kind].includes(result.field) ? result.field : firstField;
      return errors(ack, { [field]: `Not recorded. ${result.reason}` });
    }
    const line = changeLine(result.note);
    const successor = result.successor
      ? ` ${escapeMrkdwn(result.successor.ref)} now says it supersedes ${escapeMrkdwn(result.direction.ref)}.`
      : '';
    await ack({
      response_action: 'update',
      view: renderDone(
        `${TITLES[kind]} ${result.direction.ref}`,
        `:white_check_mark: *${escapeMrkdwn(result.direction.ref)}* · ${escapeMrkdwn(line.text)}.${successor}${result.duplicate ? '\nThis was recorded already: one change, not two.' : ''}\n\`/direction ${escapeMrkdwn(result.direction.ref)}\` shows the card.`,
      ),
    });
  });
}

async function errors(ack: Ack, problems: Partial<Record<ChangeField, string>>): Promise<void> {
  const plain = Object.fromEntries(
    Object.entries(problems).map(([field, message]) => [field, String(message ?? '').slice(0, 1900)]),
  );
  await ack({ response_action: 'errors', errors: plain });
}
