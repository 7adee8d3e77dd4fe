import type { ReachoutDataProvider } from '../../core/provider';
import type { SendMessageWizardDraft } from './sendMessageWizardTypes';

/**
 * Unsent drafts, one per contact, for each data provider. Keyed by the provider object rather
 * than held in one module-level map so two `<ReachoutProvider>`s on a page (or two requests on
 * an SSR server, each with its own provider) never see each other's drafts; the WeakMap lets a
 * provider's drafts go with it. Drafts are written only from effects and event handlers, so
 * server rendering never writes here.
 */
const draftsByProvider = new WeakMap<ReachoutDataProvider, Map<string, SendMessageWizardDraft>>();

function draftsOf(provider: ReachoutDataProvider): Map<string, SendMessageWizardDraft> {
  let drafts = draftsByProvider.get(provider);
  if (drafts === undefined) {
    drafts = new Map();
    draftsByProvider.set(provider, drafts);
  }
  return drafts;
}

export function readDraft(provider: ReachoutDataProvider, contactId: string): SendMessageWizardDraft | undefined {
  return draftsByProvider.get(provider)?.get(contactId);
}

export function writeDraft(provider: ReachoutDataProvider, contactId: string, draft: SendMessageWizardDraft): void {
  draftsOf(provider).set(contactId, draft);
}

export function deleteDraft(provider: ReachoutDataProvider, contactId: string): void {
  draftsByProvider.get(provider)?.delete(contactId);
}

/** A new idempotency key; `crypto.randomUUID` is missing outside secure contexts (plain http). */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
