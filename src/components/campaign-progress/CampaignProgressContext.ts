import type { ComponentPropsWithoutRef } from 'react';
import type { CampaignRecipientStatus } from '../../core/types';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import type { UseCampaignProgressResult } from './useCampaignProgress';

export interface CampaignProgressContextValue {
  /** Everything `useCampaignProgress` returns. */
  progress: UseCampaignProgressResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

// Read through functions, never destructured at module level: bundlers would keep the widget.
export const campaignProgressWidgetContext = createWidgetContext<CampaignProgressContextValue>('CampaignProgress');
export const usePartClassName: WidgetContext<CampaignProgressContextValue>['usePartClassName'] = (...args) =>
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

export interface PartOptions {
  /**
   * Leaves out Reachout's classes; data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** A part's state and its inner elements' classes (none when unstyled). */
export function usePart(name: string, unstyled: boolean | undefined) {
  const context = useCampaignProgressContext(`CampaignProgress.${name}`);
  const styled = !(unstyled ?? context.unstyled);
  return { progress: context.progress, styled, part: (inner: string) => cn(styled && `reachout-campaign-progress__${inner}`) };
}

export interface CampaignProgressPartProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

export const recipientStatuses: readonly CampaignRecipientStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];
