import { useContext, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { CampaignSkipReason } from '../../core/types';
import { ReachoutContext } from '../../data/internal/context';
import { campaignWizardMessages } from '../../data/strings/campaignWizard';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { ContactFieldSelect, TemplateContentFields, TemplatePicker } from '../template-steps/index';
import { timeZones } from './scheduleTime';
import type { UseCampaignWizardResult } from './useCampaignWizard';

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

/** The current step's fields (name and sender, template, content, schedule, review). */
export function Steps({ wizard, styled }: { wizard: UseCampaignWizardResult; styled: boolean }) {
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

