import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReachoutError } from '../../core/errors';
import type { TemplateVariablePath } from '../../core/template';
import type { MessageTemplate, Sender } from '../../core/types';
import type { Campaign, CampaignAudience, CampaignPreflight } from '../../core/types';
import { useCreateCampaign } from '../../data/useCreateCampaign';
import { usePreviewCampaign } from '../../data/usePreviewCampaign';
import { useSenders } from '../../data/useSenders';
import { emptyTemplateContentValues, useTemplateContent } from '../template-steps/index';
import type { TemplateContentValues, UseTemplateContentResult } from '../template-steps/index';
import { localTimeZone, zonedTimeToIso } from './scheduleTime';

export type CampaignWizardStep = 'audience' | 'template' | 'content' | 'schedule' | 'review';
export const campaignWizardSteps: readonly CampaignWizardStep[] = ['audience', 'template', 'content', 'schedule', 'review'];

/** Why a step cannot be left yet (a message key suffix), per field. */
export type CampaignWizardIssue = 'nameRequired' | 'senderRequired' | 'templateRequired' | 'dateRequired' | 'timeRequired' | 'past';

export interface UseCampaignWizardOptions {
  /**
   * Who the campaign goes to (a ContactList selection). Without it the audience step asks:
   * everyone, or the contacts a search matches.
   */
  audience?: CampaignAudience | null;
  /** Called with the campaign once created. */
  onCreated?: (campaign: Campaign) => void;
  /** The clock, for refusing times in the past (tests and stories). @default () => new Date() */
  now?: () => Date;
}

/** Everything the person has entered: kept across close and reopen until a campaign is made. */
export interface CampaignWizardDraft {
  step: CampaignWizardStep;
  name: string;
  senderId: string | null;
  /** The audience typed in the wizard (when the host gave none): `''` is everyone. */
  search: string;
  template: MessageTemplate | null;
  content: TemplateContentValues;
  when: 'now' | 'later';
  date: string;
  time: string;
  timeZone: string;
  /** One key per campaign: a retry or a double click reuses it. */
  idempotencyKey: string;
}

export interface UseCampaignWizardResult {
  step: CampaignWizardStep;
  stepIndex: number;
  draft: CampaignWizardDraft;
  /** The audience the campaign will have. */
  audience: CampaignAudience;
  /** Whether the host chose the audience (the audience step only shows it). */
  isAudienceFixed: boolean;
  setName: (name: string) => void;
  setSenderId: (senderId: string) => void;
  setSearch: (search: string) => void;
  setTemplate: (template: MessageTemplate) => void;
  setWhen: (when: 'now' | 'later') => void;
  setDate: (date: string) => void;
  setTime: (time: string) => void;
  setTimeZone: (timeZone: string) => void;
  senders: Sender[];
  /** The template content (variables, bindings); its errors leave out bound variables. */
  content: UseTemplateContentResult;
  /** The current step's problems, shown once the person tried to go on. */
  issues: Partial<Record<'name' | 'sender' | 'template' | 'content' | 'date' | 'time', CampaignWizardIssue | 'content'>>;
  showIssues: boolean;
  /** The ISO instant of the schedule, or `null` for now (or while incomplete). */
  scheduledAt: string | null;
  next: () => void;
  back: () => void;
  preflight: CampaignPreflight | undefined;
  preflightError: ReachoutError | null;
  isPreflightPending: boolean;
  /** Creates the campaign (once per click burst); `onCreated` follows. */
  submit: () => void;
  isSubmitting: boolean;
  submitError: ReachoutError | null;
  /** Forgets the draft (after a campaign was made, or to start over). */
  reset: () => void;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `campaign-${Date.now()}-${Math.random()}`;
}

function newDraft(): CampaignWizardDraft {
  return {
    step: 'audience',
    name: '',
    senderId: null,
    search: '',
    template: null,
    content: emptyTemplateContentValues(),
    when: 'now',
    date: '',
    time: '',
    timeZone: localTimeZone(),
    idempotencyKey: newKey(),
  };
}

/**
 * The campaign wizard without markup: audience → template → content (each variable a fixed
 * value or bound to a contact field) → schedule (now, or a date, time and time zone; the past
 * refused) → review with the preflight counts → create, once per click (one idempotency key per
 * draft). The draft lives as long as the hook's owner, so closing and reopening keeps it.
 *
 * @example
 * const wizard = useCampaignWizard({ audience: { contactIds }, onCreated: (campaign) => show(campaign.id) });
 */
export function useCampaignWizard(options: UseCampaignWizardOptions = {}): UseCampaignWizardResult {
  const { onCreated } = options;
  const now = options.now ?? (() => new Date());
  const [draft, setDraft] = useState<CampaignWizardDraft>(newDraft);
  const [showIssues, setShowIssues] = useState(false);
  const patch = useCallback((changes: Partial<CampaignWizardDraft>) => setDraft((previous) => ({ ...previous, ...changes })), []);

  const isAudienceFixed = options.audience !== undefined && options.audience !== null;
  const audience: CampaignAudience = options.audience ?? { search: draft.search.trim() };

  const sendersQuery = useSenders();
  const senders = useMemo(() => sendersQuery.data ?? [], [sendersQuery.data]);
  const senderId = draft.senderId ?? senders[0]?.id ?? null;

  const content = useTemplateContent({
    template: draft.template,
    values: draft.content,
    onValuesChange: (values) => patch({ content: values }),
  });
  // A bound variable is filled from each recipient when the message goes out, not here.
  const boundPaths = Object.keys(draft.content.bindings) as TemplateVariablePath[];
  const contentErrors = { ...content.errors };
  for (const path of boundPaths) delete contentErrors[path];
  const campaignContent: UseTemplateContentResult = { ...content, errors: contentErrors, isValid: Object.keys(contentErrors).length === 0 };

  const scheduledAt = draft.when === 'now' ? null : zonedTimeToIso(draft.date, draft.time, draft.timeZone);

  const issues: UseCampaignWizardResult['issues'] = {};
  if (draft.step === 'audience') {
    if (draft.name.trim() === '') issues.name = 'nameRequired';
    if (senderId === null) issues.sender = 'senderRequired';
  } else if (draft.step === 'template') {
    if (draft.template === null) issues.template = 'templateRequired';
  } else if (draft.step === 'content') {
    if (!campaignContent.isValid) issues.content = 'content';
  } else if (draft.step === 'schedule' && draft.when === 'later') {
    if (draft.date === '') issues.date = 'dateRequired';
    if (draft.time === '') issues.time = 'timeRequired';
    if (scheduledAt !== null && Date.parse(scheduledAt) <= now().getTime()) issues.date = 'past';
  }

  const stepIndex = campaignWizardSteps.indexOf(draft.step);
  const next = () => {
    if (Object.keys(issues).length > 0) {
      setShowIssues(true);
      return;
    }
    setShowIssues(false);
    const following = campaignWizardSteps[stepIndex + 1];
    if (following) patch({ step: following });
  };
  const back = () => {
    setShowIssues(false);
    const previous = campaignWizardSteps[stepIndex - 1];
    if (previous) patch({ step: previous });
  };

  const preview = usePreviewCampaign(draft.step === 'review' ? audience : null, senderId);
  const create = useCreateCampaign();
  // React does not re-render between clicks of one task: the guard is a ref, not state.
  const submittingRef = useRef(false);
  const reset = useCallback(() => {
    setDraft(newDraft());
    setShowIssues(false);
  }, []);
  const submit = () => {
    if (submittingRef.current || draft.template === null || senderId === null) return;
    // The schedule may have slipped into the past while the review was open.
    if (scheduledAt !== null && Date.parse(scheduledAt) <= now().getTime()) {
      patch({ step: 'schedule' });
      setShowIssues(true);
      return;
    }
    submittingRef.current = true;
    const { template } = draft;
    create.mutate(
      {
        idempotencyKey: draft.idempotencyKey,
        name: draft.name.trim(),
        senderId,
        template: { id: template.id, name: template.name, language: template.language },
        parameters: content.parameters,
        ...(boundPaths.length > 0 ? { bindings: { ...draft.content.bindings } } : {}),
        audience,
        scheduledAt,
      },
      {
        onSuccess: (campaign) => {
          reset();
          onCreated?.(campaign);
        },
        onSettled: () => {
          submittingRef.current = false;
        },
      },
    );
  };

  return {
    step: draft.step,
    stepIndex,
    draft,
    audience,
    isAudienceFixed,
    setName: (name) => patch({ name }),
    setSenderId: (id) => patch({ senderId: id, template: null, content: emptyTemplateContentValues() }),
    setSearch: (search) => patch({ search }),
    setTemplate: (template) =>
      setDraft((previous) =>
        previous.template?.id === template.id ? previous : { ...previous, template, content: emptyTemplateContentValues() },
      ),
    setWhen: (when) => patch({ when }),
    setDate: (date) => patch({ date }),
    setTime: (time) => patch({ time }),
    setTimeZone: (timeZone) => patch({ timeZone }),
    senders,
    content: campaignContent,
    issues,
    showIssues,
    scheduledAt,
    next,
    back,
    preflight: preview.data,
    preflightError: preview.error,
    isPreflightPending: preview.isPending,
    submit,
    isSubmitting: create.isPending,
    submitError: create.error,
    reset,
  };
}
