import { type Direction, RecipientSchema } from '../domain/direction';
import { type Ijb, recipientName } from '../domain/ijb';
import type { PlanYear } from '../domain/plan-year';
import { proposalOf } from '../domain/progress-update';
import { parseUpdateRequest } from '../updates/one-line';
import { type RawUpdate, validateUpdate } from '../updates/update-input';
import type { AdaptiveCard, CardData } from './cards/adaptive';
import { problemCard } from './cards/messages';
import {
  doneCard,
  historyCard,
  notSavedCard,
  receiptCard,
  signOffRequestCard,
  updateFormCard,
} from './cards/updates';
import type { TeamsServices } from './services';

export interface Asker {
  userId: string;
  /** The activity's id: a retried activity saves nothing twice. */
  requestId: string;
}

type Found = { ok: true; direction: Direction; today: string; ijb: Ijb } | { ok: false; card: AdaptiveCard };

async function find(
  services: TeamsServices,
  key: { ijbId?: string; planYear?: string; ref: string },
): Promise<Found> {
  const scoped = await services.lookup.scope({
    ...(key.ijbId ? { ijbId: key.ijbId } : {}),
    ...(key.planYear ? { planYear: key.planYear as PlanYear } : {}),
  });
  if (!scoped.ok) return { ok: false, card: problemCard(scoped.problem) };
  const found = await services.lookup.show(scoped.scope, key.ref);
  if (found.kind === 'missing') {
    const near = found.suggestions.length > 0 ? ` Did you mean ${found.suggestions.join(', ')}?` : '';
    return { ok: false, card: problemCard(`I could not find ${key.ref}.${near}`) };
  }
  return { ok: true, direction: found.view.direction, today: scoped.scope.today, ijb: scoped.scope.ijb };
}

const keyOf = (d: Direction) => ({ ijbId: d.ijbId, planYear: d.planYear, ref: d.ref });

async function save(
  services: TeamsServices,
  direction: Direction,
  raw: RawUpdate,
  today: string,
  asker: Asker,
  via: 'line' | 'form',
): Promise<AdaptiveCard[]> {
  const checked = validateUpdate(raw, today as never);
  if (!checked.ok) return [updateFormCard(keyOf(direction), raw, checked.problems)];
  const body = RecipientSchema.safeParse(raw.body);
  const result = await services.service.save({
    direction,
    userId: asker.userId,
    content: checked.content,
    via,
    idempotencyKey: `teams:${asker.userId}:${asker.requestId}`,
    ...(body.success ? { body: body.data } : {}),
  });
  if (result.kind !== 'saved') return [notSavedCard(direction.ref, result.reason)];
  const proposal = proposalOf(result.update.status);
  return proposal
    ? [
        receiptCard(result.update, result.duplicate, 'An IJB admin other than you signs this off.'),
        signOffRequestCard(result.update),
      ]
    : [receiptCard(result.update, result.duplicate)];
}

/** `update 5.1 …` typed: the form, or a whole update in one line. */
export async function typedUpdate(
  services: TeamsServices,
  text: string,
  planYear: PlanYear | undefined,
  asker: Asker,
) {
  const parsed = parseUpdateRequest(text);
  if (parsed.kind === 'invalid') return [problemCard(parsed.problem, parsed.example)];
  const found = await find(services, { ref: parsed.ref, ...(planYear ? { planYear } : {}) });
  if (!found.ok) return [found.card];
  if (parsed.kind === 'form') return [formFor(found.direction, found.ijb)];
  return save(services, found.direction, parsed.raw, found.today, asker, 'line');
}

function formFor(direction: Direction, ijb: Ijb): AdaptiveCard {
  const latest = direction.latestUpdate;
  // A Teams user leads no body (leads are Slack people): a direction issued to both asks on whose behalf.
  const onBehalfOf =
    direction.issuedTo.length > 1
      ? direction.issuedTo.map((body) => ({ body, name: recipientName(ijb, body) }))
      : undefined;
  return updateFormCard(
    keyOf(direction),
    {
      ...(latest?.status && latest.status !== 'not-reported' ? { status: latest.status } : {}),
      ...(latest?.nextSteps ? { nextSteps: latest.nextSteps } : {}),
      ...(latest?.expectedDate ? { expectedDate: latest.expectedDate } : {}),
    },
    {},
    undefined,
    onBehalfOf,
  );
}

export async function history(
  services: TeamsServices,
  key: { ijbId?: string; planYear?: string; ref: string },
  cursor?: string,
) {
  if (!key.ref) return [problemCard('Whose history? Give the direction’s ref.', 'history 5.1')];
  const found = await find(services, key);
  if (!found.ok) return [found.card];
  const page = await services.updates.history(keyOf(found.direction), {
    limit: 10,
    ...(cursor ? { cursor } : {}),
  });
  return [historyCard(keyOf(found.direction), page.events, page.next)];
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A button on one of our cards was pressed (Action.Submit's data, with the form's inputs). */
export async function cardAction(
  services: TeamsServices,
  data: CardData,
  asker: Asker,
): Promise<AdaptiveCard[]> {
  const ref = data.ref ?? '';
  const key = {
    ref,
    ...(data.ijbId ? { ijbId: data.ijbId } : {}),
    ...(data.planYear ? { planYear: data.planYear } : {}),
  };
  if (data.action === 'history') return history(services, key, text(data.cursor));
  const found = await find(services, key);
  if (!found.ok) return [found.card];
  const direction = found.direction;
  const id = data.updateId ?? '';
  switch (data.action) {
    case 'update':
      return [formFor(direction, found.ijb)];
    case 'save-update': {
      const raw: RawUpdate = {
        status: text(data.status),
        text: text(data.text),
        evidence: text(data.evidence),
        expectedDate: text(data.expectedDate),
        nextSteps: text(data.nextSteps),
        ...(text(data.body) ? { body: text(data.body) } : {}),
      };
      if (!id) return save(services, direction, raw, found.today, asker, 'form');
      const checked = validateUpdate(raw, found.today as never);
      if (!checked.ok) return [updateFormCard(keyOf(direction), raw, checked.problems, id)];
      const edited = await services.corrections.edit(
        keyOf(direction),
        id,
        asker.userId,
        checked.content,
        `teams:${asker.requestId}`,
      );
      return edited.ok ? [receiptCard(edited.update, false)] : [notSavedCard(ref, edited.reason)];
    }
    case 'edit': {
      const editable = await services.corrections.editable(keyOf(direction), id, asker.userId);
      if (!editable.ok) return [notSavedCard(ref, editable.reason)];
      const u = editable.update;
      return [
        updateFormCard(
          keyOf(direction),
          {
            status: u.status,
            text: u.text,
            evidence: u.evidence.join('\n'),
            expectedDate: u.expectedDate,
            nextSteps: u.nextSteps,
          },
          {},
          id,
        ),
      ];
    }
    case 'undo': {
      const undone = await services.corrections.undo(keyOf(direction), id, asker.userId);
      return [undone.ok ? doneCard(`Withdrew your update to ${ref}.`) : notSavedCard(ref, undone.reason)];
    }
    case 'approve':
    case 'send-back': {
      const outcome = data.action === 'approve' ? 'approved' : 'sent-back';
      const decided = await services.signOff.decide(
        keyOf(direction),
        id,
        asker.userId,
        outcome,
        text(data.reason),
      );
      return [
        decided.ok
          ? doneCard(`${outcome === 'approved' ? 'Approved' : 'Sent back'} the proposal for ${ref}.`)
          : notSavedCard(ref, decided.reason),
      ];
    }
  }
  return [problemCard('That button is from an older card; type "help" to start again.')];
}

/** `undo 5.1` / `edit 5.1` typed: the same as the latest receipt's buttons, for your latest update. */
export async function latestCorrection(
  services: TeamsServices,
  kind: 'undo' | 'edit',
  key: { planYear?: string; ref: string },
  asker: Asker,
): Promise<AdaptiveCard[]> {
  const found = await find(services, key);
  if (!found.ok) return [found.card];
  const latest = found.direction.latestUpdate;
  if (!latest?.id || latest.by !== asker.userId) {
    return [
      notSavedCard(
        key.ref,
        `Your latest update to ${key.ref} is not its latest one, so there is nothing of yours to ${kind} here.`,
      ),
    ];
  }
  return cardAction(services, { action: kind, ...keyOf(found.direction), updateId: latest.id }, asker);
}
