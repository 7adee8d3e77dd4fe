import * as Dialog from '@radix-ui/react-dialog';
import { useContext, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Campaign, CampaignAudience, CampaignSkipReason } from '../../core/types';
import { ReachoutContext } from '../../data/internal/context';
import { useReachout } from '../../data/useReachout';
import { campaignWizardMessages } from '../../data/strings/campaignWizard';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { useControllableState } from '../internal/useControllableState';
import { ContactFieldSelect, TemplateContentFields, TemplatePicker } from '../template-steps/index';
import { timeZones } from './scheduleTime';
import { campaignWizardSteps, useCampaignWizard } from './useCampaignWizard';
import type { UseCampaignWizardResult } from './useCampaignWizard';

export interface CampaignWizardProps {
  /** Whether the dialog is open, when the host controls it (with `onOpenChange`). */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Who the campaign goes to, e.g. a ContactList's `onSelectionChange`. Without it the first
   * step asks: a search, or everyone.
   */
  audience?: CampaignAudience | null;
  /** Called with the campaign once created (the dialog closes). */
  onCreated?: (campaign: Campaign) => void;
  /** The clock, for refusing times in the past. @default () => new Date() */
  now?: () => Date;
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
  className?: string;
  /** Leaves out Reachout's classes. @default false */
  unstyled?: boolean;
}

const skipReasons: readonly CampaignSkipReason[] = ['active_chat', 'opted_out', 'invalid_number', 'duplicate_phone', 'missing_field'];

function Field({ id, label, error, children, className }: { id: string; label: string; error?: string | null; children: ReactNode; className?: string }) {
  return (
    <div className={className} data-slot="campaign-wizard-field" data-invalid={error ? '' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} data-slot="campaign-wizard-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The shared content fields speak of one contact ("This contact has no value for this field.");
 * in a campaign a bound variable is filled per recipient, so the hint says that instead.
 */
function CampaignContentMessages({ children }: { children: ReactNode }) {
  const context = useContext(ReachoutContext);
  const value = useMemo(
    () =>
      context && {
        ...context,
        messages: {
          ...context.messages,
          'wizard.variable.boundMissing':
            context.messages['campaignWizard.variable.bound'] ?? campaignWizardMessages['campaignWizard.variable.bound'],
        },
      },
    [context],
  );
  return value ? <ReachoutContext.Provider value={value}>{children}</ReachoutContext.Provider> : children;
}

function Steps({ wizard, styled }: { wizard: UseCampaignWizardResult; styled: boolean }) {
  const { t, formatDate } = useMessages();
  const id = useId();
  const part = (name: string) => cn(styled && `reachout-campaign-wizard__${name}`);
  const issue = (field: keyof UseCampaignWizardResult['issues']) => {
    const found = wizard.showIssues ? wizard.issues[field] : undefined;
    return found === undefined ? null : t(`campaignWizard.issue.${found}`);
  };
  const invalid = (field: keyof UseCampaignWizardResult['issues']) =>
    issue(field) === null ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` };
  const { draft } = wizard;
  const audienceText =
    'contactIds' in wizard.audience
      ? t('campaignWizard.audience.contacts', { count: wizard.audience.contactIds.length })
      : wizard.audience.search === ''
        ? t('campaignWizard.audience.everyone')
        : t('campaignWizard.audience.search', { search: wizard.audience.search });

  switch (wizard.step) {
    case 'audience':
      return (
        <>
          <Field id={`${id}-name`} label={t('campaignWizard.name')} error={issue('name')} className={part('field')}>
            <input id={`${id}-name`} value={draft.name} onChange={(event) => wizard.setName(event.target.value)} {...invalid('name')} />
          </Field>
          <Field id={`${id}-sender`} label={t('campaignWizard.sender')} error={issue('sender')} className={part('field')}>
            <select
              id={`${id}-sender`}
              value={draft.senderId ?? wizard.senders[0]?.id ?? ''}
              onChange={(event) => wizard.setSenderId(event.target.value)}
              {...invalid('sender')}
            >
              {wizard.senders.map((sender) => {
                const limit = (sender as { messagingLimit?: number | null }).messagingLimit;
                const name = `${sender.displayName} (${sender.phone})`;
                return (
                  <option key={sender.id} value={sender.id}>
                    {limit === undefined
                      ? name
                      : limit === null
                        ? t('campaignWizard.sender.unlimited', { name })
                        : t('campaignWizard.sender.limit', { name, limit })}
                  </option>
                );
              })}
            </select>
          </Field>
          {wizard.isAudienceFixed ? (
            <p data-slot="campaign-wizard-audience" className={part('summary')}>
              <strong>{t('campaignWizard.audience.label')}:</strong> {audienceText}
            </p>
          ) : (
            <Field id={`${id}-search`} label={t('contactList.search.label')} className={part('field')}>
              <input
                id={`${id}-search`}
                type="search"
                value={draft.search}
                aria-describedby={`${id}-search-hint`}
                onChange={(event) => wizard.setSearch(event.target.value)}
              />
              <p id={`${id}-search-hint`} className={part('hint')}>
                {t('campaignWizard.audience.searchHint')} {audienceText}.
              </p>
            </Field>
          )}
        </>
      );
    case 'template': {
      const senderId = draft.senderId ?? wizard.senders[0]?.id ?? null;
      return (
        <>
          <TemplatePicker senderId={senderId} value={draft.template} onValueChange={wizard.setTemplate} unstyled={!styled} />
          {issue('template') && (
            <p role="alert" className={part('error')}>
              {issue('template')}
            </p>
          )}
        </>
      );
    }
    case 'content':
      return (
        <>
          <CampaignContentMessages>
            <TemplateContentFields
              content={wizard.content}
              showAllErrors={wizard.showIssues}
              unstyled={!styled}
              renderVariableSource={(_variable, source) => <ContactFieldSelect contact={null} {...source} />}
            />
          </CampaignContentMessages>
          {issue('content') && (
            <p role="alert" className={part('error')}>
              {issue('content')}
            </p>
          )}
        </>
      );
    case 'schedule':
      return (
        <>
          <fieldset className={part('when')}>
            <legend>{t('campaignWizard.when')}</legend>
            {(['now', 'later'] as const).map((when) => (
              <label key={when}>
                <input
                  type="radio"
                  name={`${id}-when`}
                  value={when}
                  checked={draft.when === when}
                  onChange={() => wizard.setWhen(when)}
                />
                {t(when === 'now' ? 'campaignWizard.sendNow' : 'campaignWizard.schedule')}
              </label>
            ))}
          </fieldset>
          {draft.when === 'later' && (
            <div className={part('schedule')}>
              <Field id={`${id}-date`} label={t('campaignWizard.date')} error={issue('date')} className={part('field')}>
                <input id={`${id}-date`} type="date" value={draft.date} onChange={(event) => wizard.setDate(event.target.value)} {...invalid('date')} />
              </Field>
              <Field id={`${id}-time`} label={t('campaignWizard.time')} error={issue('time')} className={part('field')}>
                <input id={`${id}-time`} type="time" value={draft.time} onChange={(event) => wizard.setTime(event.target.value)} {...invalid('time')} />
              </Field>
              <Field id={`${id}-zone`} label={t('campaignWizard.timeZone')} className={part('field')}>
                <select id={`${id}-zone`} value={draft.timeZone} onChange={(event) => wizard.setTimeZone(event.target.value)}>
                  {timeZones(draft.timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          )}
        </>
      );
    case 'review': {
      const preflight = wizard.preflight;
      const reasons = preflight
        ? skipReasons
            .filter((reason) => (preflight.skipped[reason] ?? 0) > 0)
            .map((reason) => t(`campaignWizard.review.skip.${reason}`, { count: preflight.skipped[reason] ?? 0 }))
        : [];
      const skippedTotal = preflight ? preflight.total - preflight.sendable : 0;
      return (
        <div data-slot="campaign-wizard-review" className={part('review')}>
          <p>
            <strong>{draft.name}</strong>
          </p>
          <p>{audienceText}</p>
          {draft.template && <p>{t('campaignWizard.review.template', { name: draft.template.name, language: draft.template.language })}</p>}
          <p>
            {wizard.scheduledAt === null
              ? t('campaignWizard.review.when.now')
              : t('campaignWizard.review.when.later', {
                  date: formatDate(wizard.scheduledAt, { dateStyle: 'full', timeStyle: 'short', timeZone: draft.timeZone }),
                })}
          </p>
          <div role="status" data-slot="campaign-wizard-preflight" className={part('preflight')}>
            {wizard.isPreflightPending && wizard.preflightError === null && t('campaignWizard.review.loading')}
            {preflight && (
              <>
                <p data-slot="campaign-wizard-sendable">{t('campaignWizard.review.sendable', { count: preflight.sendable })}</p>
                {skippedTotal > 0 && (
                  <p data-slot="campaign-wizard-skipped">
                    {t('campaignWizard.review.skipped', { count: skippedTotal, reasons: reasons.join(', ') })}
                  </p>
                )}
              </>
            )}
          </div>
        </div>
      );
    }
    default:
      return wizard.step satisfies never;
  }
}

/**
 * "Create campaign": a dialog that sends one approved template to many contacts. Audience (the
 * host's, e.g. a ContactList selection, or a search) → template and content (the same parts as
 * SendMessageWizard; each variable a fixed value or bound to a contact field) → schedule ("Send
 * now", or "Schedule" with "Date", "Time" and "Time zone"; the past refused) → review with the
 * preflight counts → "Send now" / "Schedule campaign". One campaign per click (one idempotency
 * key per draft); the draft stays across close and reopen until a campaign is made.
 *
 * @example
 * <CampaignWizard open={open} onOpenChange={setOpen} audience={selection} onCreated={(campaign) => showProgress(campaign.id)} />
 */
export function CampaignWizard({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  audience,
  onCreated,
  now,
  container,
  className,
  unstyled = false,
}: CampaignWizardProps) {
  const { t, errorMessage } = useMessages();
  const { dataProvider } = useReachout();
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  const wizard = useCampaignWizard({
    audience,
    now,
    onCreated: (campaign) => {
      setOpen(false);
      onCreated?.(campaign);
    },
  });
  const styled = !unstyled;
  const part = (name: string) => cn(styled && `reachout-campaign-wizard__${name}`);
  const isSupported = dataProvider.createCampaign !== undefined;
  const isLast = wizard.step === 'review';
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay data-slot="campaign-wizard-overlay" className={part('overlay')} />
        <Dialog.Content data-slot="campaign-wizard" data-step={wizard.step} className={cn(styled && 'reachout-campaign-wizard', className)}>
          <div className={part('header')}>
            <div>
              <Dialog.Title className={part('title')}>{t('campaignWizard.title')}</Dialog.Title>
              <Dialog.Description className={part('description')}>{t('campaignWizard.description')}</Dialog.Description>
            </div>
            <Dialog.Close className={part('close')} aria-label={t('common.close')}>
              <span aria-hidden="true">×</span>
            </Dialog.Close>
          </div>
          {!isSupported ? (
            <p role="status">{t('campaignWizard.unsupported')}</p>
          ) : (
            <>
              <ol className={part('stepper')} data-slot="campaign-wizard-stepper">
                {campaignWizardSteps.map((step, index) => (
                  <li key={step} aria-current={step === wizard.step ? 'step' : undefined} data-done={index < wizard.stepIndex ? '' : undefined}>
                    {t(`campaignWizard.step.${step}`)}
                  </li>
                ))}
              </ol>
              <h3 className={part('step-title')} data-slot="campaign-wizard-step-title">
                {t('campaignWizard.stepOf', {
                  index: wizard.stepIndex + 1,
                  count: campaignWizardSteps.length,
                  title: t(`campaignWizard.step.${wizard.step}`),
                })}
              </h3>
              <div className={part('body')} data-slot="campaign-wizard-body">
                <Steps wizard={wizard} styled={styled} />
              </div>
              {wizard.submitError && (
                <p role="alert" className={part('error')}>
                  {errorMessage(wizard.submitError)}
                </p>
              )}
              <div className={part('footer')} data-slot="campaign-wizard-footer">
                {wizard.stepIndex > 0 && (
                  <button type="button" className={cn(styled && 'reachout-template-steps__button')} onClick={wizard.back}>
                    {t('wizard.back')}
                  </button>
                )}
                {isLast ? (
                  <button
                    type="button"
                    data-variant="primary"
                    className={cn(styled && 'reachout-template-steps__button')}
                    aria-disabled={wizard.isSubmitting || wizard.preflight === undefined ? true : undefined}
                    onClick={() => {
                      if (wizard.preflight !== undefined) wizard.submit();
                    }}
                  >
                    {t(wizard.scheduledAt === null ? 'campaignWizard.submit.now' : 'campaignWizard.submit.later')}
                  </button>
                ) : (
                  <button type="button" data-variant="primary" className={cn(styled && 'reachout-template-steps__button')} onClick={wizard.next}>
                    {t('wizard.next')}
                  </button>
                )}
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
