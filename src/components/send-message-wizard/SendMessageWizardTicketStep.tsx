import { forwardRef, useId, useRef, useState } from 'react';
import { countCharacters } from '../../core/characters';
import type { Agent, TicketPriority } from '../../core/types';
import { useAgents } from '../../data';
import { useMessages } from './messages';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardPanel';
import type { SendMessageWizardStepProps } from './SendMessageWizardPanel';
import { useDebouncedValue } from '../internal/useDebouncedValue';
import { ticketLimits } from '../../core/schemas';

const priorities = ['low', 'medium', 'high', 'urgent'] as const satisfies readonly TicketPriority[];

/** Step 4: Priority, Assignee (searchable on the provider) and Description of the ticket the send creates. */
export const SendMessageWizardTicketStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(function SendMessageWizardTicketStep(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard } = useSendMessageWizardContext('SendMessageWizard.TicketStep');
  const { t, errorMessage } = useMessages();
  const part = (name: string) => `reachout-send-message-wizard__${name}`;
  const partClass = usePartClassName('SendMessageWizard.TicketStep', part('ticket-step'), unstyled, className);
  const fieldClass = usePartClassName('SendMessageWizard.TicketStep', part('field'), unstyled, undefined);
  const hintClass = usePartClassName('SendMessageWizard.TicketStep', part('hint'), unstyled, undefined);
  const errorClass = usePartClassName('SendMessageWizard.TicketStep', part('error'), unstyled, undefined);
  const idPrefix = useId();
  const [search, setSearch] = useState('');
  const agents = useAgents({ search: useDebouncedValue(search.trim(), 250) });
  // The chosen agent stays listed when a later search no longer matches them.
  const seenAgents = useRef(new Map<string, Agent>());
  for (const agent of agents.data ?? []) seenAgents.current.set(agent.id, agent);
  const { values, errors } = wizard;
  const chosenAgent = values.assigneeId === null ? undefined : seenAgents.current.get(values.assigneeId);
  const listed = agents.data ?? [];
  const options = chosenAgent && !listed.some((agent) => agent.id === chosenAgent.id) ? [chosenAgent, ...listed] : listed;
  const descriptionLength = countCharacters(values.description);
  const descriptionError = errors.description;

  return (
    <SendMessageWizardStepBody ref={ref} step="ticket" unstyled={unstyled} className={partClass} {...props}>
      <div className={fieldClass}>
        <label htmlFor={`${idPrefix}-priority`}>{t('wizard.field.priority')}</label>
        <select
          id={`${idPrefix}-priority`}
          value={values.priority}
          onChange={(event) => wizard.setValues({ priority: event.target.value as TicketPriority })}
        >
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {t(`ticket.priority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldClass} data-slot="send-message-wizard-assignee">
        <label htmlFor={`${idPrefix}-agent-search`}>{t('wizard.assignee.search')}</label>
        <input id={`${idPrefix}-agent-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        <label htmlFor={`${idPrefix}-assignee`}>{t('wizard.field.assignee')}</label>
        <select
          id={`${idPrefix}-assignee`}
          value={values.assigneeId ?? ''}
          aria-busy={agents.isFetching || undefined}
          aria-describedby={agents.error ? `${idPrefix}-agents-error` : undefined}
          onChange={(event) => wizard.setValues({ assigneeId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('wizard.assignee.none')}</option>
          {options.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        {agents.error && (
          <p id={`${idPrefix}-agents-error`} className={errorClass}>
            {errorMessage(agents.error)}{' '}
            <button type="button" onClick={() => void agents.refetch()}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </div>
      <div className={fieldClass}>
        <label htmlFor={`${idPrefix}-description`}>{t('wizard.field.description')}</label>
        <textarea
          id={`${idPrefix}-description`}
          rows={4}
          value={values.description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={[`${idPrefix}-description-hint`, descriptionError ? `${idPrefix}-description-error` : null].filter(Boolean).join(' ')}
          onChange={(event) => wizard.setValues({ description: event.target.value })}
        />
        <p id={`${idPrefix}-description-hint`} className={hintClass}>
          {t('wizard.description.hint')} {t('wizard.variable.countOfLimit', { count: descriptionLength, limit: ticketLimits.descriptionMaxLength })}
        </p>
        {descriptionError && (
          <p id={`${idPrefix}-description-error`} className={errorClass}>
            {descriptionError.code === 'provider'
              ? descriptionError.message
              : t('wizard.issue.too_long', { length: descriptionError.length ?? 0, limit: descriptionError.limit ?? 0 })}
          </p>
        )}
      </div>
    </SendMessageWizardStepBody>
  );
});
