import { forwardRef, memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CampaignRecipient, CampaignRecipientStatus } from '../../core/types';
import type { WidgetMessageKey } from './messages';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { recipientStatuses, usePart, usePartClassName } from './CampaignProgressContext';
import type { CampaignProgressPartProps } from './CampaignProgressContext';

/** A first guess; rows are measured, as a reason may wrap to two lines. */
const recipientRowHeight = 44;

/** A recipient's reason in words: a skip reason or a WhatsApp error code we know, else as given. */
export function useRecipientReason(): (recipient: CampaignRecipient) => string {
  const { t } = useMessages();
  return (recipient) => {
    if (recipient.reason === null) return '';
    const key = `campaignProgress.reason.${recipient.reason}`;
    // A reason we have no words for is shown as the provider gave it.
    return key in knownReasons ? t(key as WidgetMessageKey) : recipient.reason;
  };
}

const knownReasons: Record<string, true> = {
  'campaignProgress.reason.active_chat': true,
  'campaignProgress.reason.opted_out': true,
  'campaignProgress.reason.invalid_number': true,
  'campaignProgress.reason.duplicate_phone': true,
  'campaignProgress.reason.missing_field': true,
  'campaignProgress.reason.131049': true,
  'campaignProgress.reason.131026': true,
  'campaignProgress.reason.130429': true,
  'campaignProgress.reason.131056': true,
  'campaignProgress.reason.messaging_limit': true,
  'campaignProgress.reason.cancelled': true,
};

interface RecipientRowProps {
  index: number;
  /** The row's offset in the virtual list, in pixels. */
  start: number;
  phone: string;
  status: CampaignRecipientStatus;
  /** The reason in words ('' without one). */
  reason: string;
  updatedAt: string;
  measureElement: (element: Element | null) => void;
  styled: boolean;
}

/**
 * One recipient's row. Memoised on its values: a `campaign.updated` re-renders the table, and a
 * refetch brings new objects for every row, but only the rows whose status moved render again.
 */
const RecipientRow = memo(function RecipientRow({ index, start, phone, status, reason, updatedAt, measureElement, styled }: RecipientRowProps) {
  const { t, formatDate } = useMessages();
  const part = (inner: string) => cn(styled && `reachout-campaign-progress__${inner}`);
  return (
    <div
      ref={measureElement}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      data-status={status}
      className={part('row')}
      style={{ position: 'absolute', insetBlockStart: 0, insetInlineStart: 0, inlineSize: '100%', transform: `translateY(${start}px)` }}
    >
      <span role="cell" data-column="phone" className={part('cell')}>
        {phone}
      </span>
      <span role="cell" data-column="status" data-status={status} className={part('cell')}>
        {t(`campaignProgress.count.${status}`)}
      </span>
      <span role="cell" data-column="reason" className={part('cell')}>
        {reason}
      </span>
      <span role="cell" data-column="updated" className={part('cell')}>
        {formatDate(updatedAt, { timeStyle: 'short' })}
      </span>
    </div>
  );
});

/** The "Recipients" table: virtualized, filterable by status ("Status"), reasons in words. */
export const CampaignProgressRecipients = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressRecipients(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part, styled } = usePart('Recipients', unstyled);
  const { t } = useMessages();
  const reasonOf = useRecipientReason();
  const partClassName = usePartClassName('CampaignProgress.Recipients', 'reachout-campaign-progress__recipients', unstyled, className);
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const rowCount = progress.recipients.length;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => recipientRowHeight,
    overscan: 8,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  const { hasMoreRecipients, loadMoreRecipients, recipientsError } = progress;
  useEffect(() => {
    if (hasMoreRecipients && recipientsError === null && lastIndex >= rowCount - 10) loadMoreRecipients();
  }, [hasMoreRecipients, recipientsError, lastIndex, rowCount, loadMoreRecipients]);
  const { campaign } = progress;
  if (!campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-recipients" className={partClassName} {...props}>
      <div className={part('recipients-toolbar')}>
        <h3 id={`${campaign.id}-recipients`} className={part('recipients-title')}>
          {t('campaignProgress.recipients')}
        </h3>
        <label className={part('filter')}>
          <span>{t('campaignProgress.recipients.filter')}</span>
          <select
            value={progress.recipientStatus ?? ''}
            onChange={(event) =>
              progress.setRecipientStatus(event.target.value === '' ? null : (event.target.value as CampaignRecipientStatus))
            }
          >
            <option value="">{t('campaignProgress.recipients.all')}</option>
            {recipientStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`campaignProgress.count.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        role="table"
        aria-labelledby={`${campaign.id}-recipients`}
        aria-rowcount={(progress.recipientsTotal ?? rowCount) + 1}
        aria-busy={progress.isRecipientsPending || progress.isRecipientsStale ? true : undefined}
        data-stale={progress.isRecipientsStale ? '' : undefined}
        data-slot="campaign-progress-table"
        className={part('table')}
      >
        <div role="rowgroup" className={part('table-head')}>
          <div role="row" aria-rowindex={1} className={part('row')}>
            {(['phone', 'status', 'reason', 'updated'] as const).map((column) => (
              <span key={column} role="columnheader" data-column={column} className={part('cell')}>
                {t(`campaignProgress.recipients.${column}`)}
              </span>
            ))}
          </div>
        </div>
        {/* The scrolling row group is focusable: its rows hold no control, and a keyboard user must still scroll it. */}
        <div
          ref={viewportRef}
          role="rowgroup"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          data-slot="campaign-progress-table-viewport"
          className={part('table-viewport')}
          style={{ overflowY: 'auto', position: 'relative' }}
        >
          <div style={{ position: 'relative', blockSize: virtualizer.getTotalSize() }}>
            {virtualRows.map((item) => {
              const recipient = progress.recipients[item.index];
              if (recipient === undefined) return null;
              return (
                <RecipientRow
                  key={recipient.contactId}
                  index={item.index}
                  start={item.start}
                  phone={recipient.phone}
                  status={recipient.status}
                  reason={reasonOf(recipient)}
                  updatedAt={recipient.updatedAt}
                  measureElement={virtualizer.measureElement}
                  styled={styled}
                />
              );
            })}
          </div>
        </div>
      </div>
      {!progress.isRecipientsPending && rowCount === 0 && progress.recipientsError === null && (
        <p data-slot="campaign-progress-recipients-empty" className={part('note')}>
          {t('campaignProgress.recipients.empty')}
        </p>
      )}
      {progress.recipientsError && (
        <div role="alert" className={part('error')}>
          <p>{t('campaignProgress.recipients.error')}</p>
          <button type="button" className={part('button')} onClick={progress.retryRecipients}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
});
