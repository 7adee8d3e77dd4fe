import { forwardRef, memo, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CampaignRecipient, CampaignRecipientStatus } from '../../core/types';
import type { WidgetMessageKey } from './messages';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { useCampaignProgress } from './useCampaignProgress';
import type { UseCampaignProgressOptions, UseCampaignProgressResult } from './useCampaignProgress';

export interface CampaignProgressRootProps extends UseCampaignProgressOptions, ComponentPropsWithoutRef<'section'> {
  /**
   * Leaves out Reachout's classes here and in every part inside (data attributes and behaviour stay).
   * @default false
   */
  unstyled?: boolean;
}

export type CampaignProgressProps = Omit<CampaignProgressRootProps, 'children'>;

export interface CampaignProgressContextValue {
  /** Everything `useCampaignProgress` returns. */
  progress: UseCampaignProgressResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

// Read through functions, never destructured at module level: bundlers would keep the widget.
const campaignProgressWidgetContext = createWidgetContext<CampaignProgressContextValue>('CampaignProgress');
const usePartClassName: WidgetContext<CampaignProgressContextValue>['usePartClassName'] = (...args) =>
  campaignProgressWidgetContext.usePartClassName(...args);

/**
 * The enclosing `CampaignProgress.Root`'s state, for the parts and a host's own.
 *
 * @example
 * function Percent() {
 *   const { progress } = useCampaignProgressContext();
 *   return <span>{progress.percent}%</span>;
 * }
 */
export function useCampaignProgressContext(part?: string): CampaignProgressContextValue {
  return campaignProgressWidgetContext.useWidgetContext(part);
}

interface PartOptions {
  /**
   * Leaves out Reachout's classes; data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** A part's state and its inner elements' classes (none when unstyled). */
function usePart(name: string, unstyled: boolean | undefined) {
  const context = useCampaignProgressContext(`CampaignProgress.${name}`);
  const styled = !(unstyled ?? context.unstyled);
  return { progress: context.progress, styled, part: (inner: string) => cn(styled && `reachout-campaign-progress__${inner}`) };
}

const recipientStatuses: readonly CampaignRecipientStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];
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

/**
 * Runs `useCampaignProgress` and shares it with the parts inside. `data-state` is the campaign's
 * status (or `loading`, `error`, `unsupported`).
 */
export const CampaignProgressRoot = forwardRef<HTMLElement, CampaignProgressRootProps>(function CampaignProgressRoot(
  { campaignId, recipientStatus, defaultRecipientStatus, onRecipientStatusChange, unstyled = false, className, ...props },
  ref,
) {
  const progress = useCampaignProgress({ campaignId, recipientStatus, defaultRecipientStatus, onRecipientStatusChange });
  const { t } = useMessages();
  const { campaign } = progress;
  const state = progress.status === 'ready' && campaign ? campaign.status : progress.status;
  return (
    <campaignProgressWidgetContext.Provider value={{ progress, unstyled }}>
      <section
        ref={ref}
        data-slot="campaign-progress"
        data-state={state}
        aria-label={campaign?.name ?? t('campaignProgress.progress')}
        aria-busy={progress.status === 'loading' ? true : undefined}
        className={cn(!unstyled && 'reachout-campaign-progress', className)}
        {...props}
      />
    </campaignProgressWidgetContext.Provider>
  );
});

export interface CampaignProgressPartProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/** Instead of the campaign: a provider without campaigns, a failure with Retry, or a placeholder while it loads. */
export const CampaignProgressNotice = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressNotice(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Notice', unstyled);
  const { t, errorMessage } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Notice', 'reachout-campaign-progress__notice', unstyled, className);
  if (progress.status === 'ready') return null;
  return (
    <div ref={ref} data-slot="campaign-progress-notice" data-state={progress.status} className={partClassName} {...props}>
      {progress.status === 'unsupported' && (
        <p role="status" data-slot="campaign-progress-unsupported" className={part('note')}>
          {t('campaignProgress.unsupported')}
        </p>
      )}
      {progress.status === 'error' && progress.error && (
        <div role="alert" data-slot="campaign-progress-error" className={part('error')}>
          <p>{t('campaignProgress.error.title')}</p>
          <p>{errorMessage(progress.error)}</p>
          <button type="button" className={part('button')} onClick={progress.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {progress.status === 'loading' && <div data-slot="campaign-progress-skeleton" className={part('skeleton')} />}
    </div>
  );
});

/** The campaign's name, its status, its template and, while scheduled, when it starts. */
export const CampaignProgressHeader = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressHeader(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Header', unstyled);
  const { t, formatDate } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Header', 'reachout-campaign-progress__header', unstyled, className);
  const { campaign } = progress;
  if (!campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-header" className={partClassName} {...props}>
      <h2 data-slot="campaign-progress-name" className={part('name')} dir="auto">
        {campaign.name}
      </h2>
      <span data-slot="campaign-progress-status" data-state={campaign.status} className={part('status')}>
        {t(`campaignProgress.status.${campaign.status}`)}
      </span>
      <p data-slot="campaign-progress-meta" className={part('meta')}>
        {t('campaignProgress.template', { name: campaign.template.name, language: campaign.template.language })}
        {campaign.status === 'scheduled' && campaign.scheduledAt !== null && (
          <>
            {' · '}
            {t('campaignProgress.scheduledFor', {
              date: formatDate(campaign.scheduledAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </>
        )}
      </p>
    </div>
  );
});

/** The progress bar (`role="progressbar"`, "Campaign progress") and "1,000 of 2,400 recipients done". */
export const CampaignProgressBar = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressBar(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Bar', unstyled);
  const { t } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Bar', 'reachout-campaign-progress__progress', unstyled, className);
  if (!progress.campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-progress" className={partClassName} {...props}>
    <div
      role="progressbar"
      aria-label={t('campaignProgress.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress.percent}
      aria-valuetext={t('campaignProgress.progress.text', { done: progress.done, total: progress.total })}
      data-slot="campaign-progress-bar"
      className={part('bar')}
    >
      <div className={part('bar-fill')} style={{ inlineSize: `${progress.percent}%` }} />
    </div>
    <p data-slot="campaign-progress-text" className={part('text')}>
      {t('campaignProgress.progress.text', { done: progress.done, total: progress.total })}
    </p>
    </div>
  );
});

/**
 * The six figures, memoised on their values: a `campaign.updated` that moves none of them (a
 * status change, receipts of another filter) does not render them again.
 */
const CountFigures = memo(function CountFigures({
  countClassName,
  ...counts
}: Record<CampaignRecipientStatus, number> & { countClassName: string | undefined }) {
  const { t, formatNumber } = useMessages();
  return recipientStatuses.map((status) => (
    <div key={status} data-count={status} className={countClassName}>
      <dt>{t(`campaignProgress.count.${status}`)}</dt>
      <dd>{formatNumber(counts[status])}</dd>
    </div>
  ));
});

/** The counts: queued, sent, delivered, read, failed, skipped. */
export const CampaignProgressCounts = forwardRef<HTMLDListElement, Omit<ComponentPropsWithoutRef<'dl'>, 'children'> & PartOptions>(
  function CampaignProgressCounts({ unstyled, className, ...props }, ref) {
    const { progress, part } = usePart('Counts', unstyled);
    const partClassName = usePartClassName('CampaignProgress.Counts', 'reachout-campaign-progress__counts', unstyled, className);
    const counts = progress.campaign?.counts;
    const figures =
      counts === undefined ? null : (
        <CountFigures
          queued={counts.queued}
          sent={counts.sent}
          delivered={counts.delivered}
          read={counts.read}
          failed={counts.failed}
          skipped={counts.skipped}
          countClassName={part('count')}
        />
      );
    if (figures === null) return null;
    return (
      <dl ref={ref} data-slot="campaign-progress-counts" className={partClassName} {...props}>
        {figures}
      </dl>
    );
  },
);

/** "Pause", "Resume", "Cancel campaign" as the status allows; cancelling asks first. */
export const CampaignProgressActions = forwardRef<HTMLDivElement, CampaignProgressPartProps>(function CampaignProgressActions(
  { unstyled, className, ...props },
  ref,
) {
  const { progress, part } = usePart('Actions', unstyled);
  const { t, errorMessage } = useMessages();
  const partClassName = usePartClassName('CampaignProgress.Actions', 'reachout-campaign-progress__controls', unstyled, className);
  const { campaign } = progress;
  if (!campaign) return null;
  return (
    <div ref={ref} data-slot="campaign-progress-controls" className={partClassName} {...props}>
      {progress.actions.length > 0 && (
        <div data-slot="campaign-progress-actions" className={part('actions')}>
          {progress.actions.map((action) => (
            <button
              key={action}
              type="button"
              data-action={action}
              className={part(action === 'cancel' ? 'button-danger' : 'button')}
              disabled={progress.isUpdating}
              onClick={() => progress.run(action)}
            >
              {t(`campaignProgress.${action}`)}
            </button>
          ))}
        </div>
      )}
      {progress.isConfirmingCancel && (
        <div
          role="alertdialog"
          aria-labelledby={`${campaign.id}-cancel-title`}
          aria-describedby={`${campaign.id}-cancel-text`}
          data-slot="campaign-progress-confirm"
          className={part('confirm')}
        >
          <p id={`${campaign.id}-cancel-title`} className={part('confirm-title')}>
            {t('campaignProgress.cancel.confirmTitle')}
          </p>
          <p id={`${campaign.id}-cancel-text`}>{t('campaignProgress.cancel.confirmText')}</p>
          <div className={part('actions')}>
            <button type="button" className={part('button')} onClick={progress.dismissCancel}>
              {t('campaignProgress.cancel.keep')}
            </button>
            <button
              type="button"
              className={part('button-danger')}
              disabled={progress.isUpdating}
              onClick={progress.confirmCancel}
            >
              {t('campaignProgress.cancel')}
            </button>
          </div>
        </div>
      )}
      {progress.updateError && (
        <p role="alert" data-slot="campaign-progress-update-error" className={part('update-error')}>
          {errorMessage(progress.updateError)}
        </p>
      )}
    </div>
  );
});

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

/**
 * One campaign as it goes out: its status, a progress bar and the counts (queued, sent,
 * delivered, read, failed, skipped) updated live from `campaign.updated`, "Pause", "Resume" and
 * "Cancel campaign" (asks first; what was sent stays sent), and the "Recipients" table
 * (virtualized, filterable by status, reasons in words). A provider without campaign methods
 * gets a clear message instead. Parts for another layout: `CampaignProgress.Root`, `.Notice`,
 * `.Header`, `.Bar`, `.Counts`, `.Actions`, `.Recipients`; `useCampaignProgress` for your own.
 *
 * @example
 * <CampaignProgress campaignId={campaign.id} />
 */
const CampaignProgressAssembly = forwardRef<HTMLElement, CampaignProgressProps>(function CampaignProgress(props, ref) {
  return (
    <CampaignProgressRoot ref={ref} {...props}>
      <CampaignProgressNotice />
      <CampaignProgressHeader />
      <CampaignProgressBar />
      <CampaignProgressCounts />
      <CampaignProgressActions />
      <CampaignProgressRecipients />
    </CampaignProgressRoot>
  );
});

export const CampaignProgress = Object.assign(CampaignProgressAssembly, {
  Root: CampaignProgressRoot,
  Notice: CampaignProgressNotice,
  Header: CampaignProgressHeader,
  Bar: CampaignProgressBar,
  Counts: CampaignProgressCounts,
  Actions: CampaignProgressActions,
  Recipients: CampaignProgressRecipients,
});
