// The campaign part of the provider contract (DESIGN.md, "Beyond one contact"), as the widgets
// read it. Declared here only until core's campaign types land (the "campserver" branch): then
// this file re-exports core's names and the casts below go.
import type { ReachoutDataProvider, CallContext } from '../core/provider';
import type { IsoDateTime, Page, ReachoutEvent, TemplateParameters } from '../core/types';

/** Who a campaign goes to: contacts picked, or every contact a search matches. */
export type CampaignAudience = { contactIds: string[] } | { search: string };
export type CampaignStatus = 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export type CampaignRecipientStatus = 'queued' | 'skipped' | 'sent' | 'delivered' | 'read' | 'failed';
export type CampaignSkipReason = 'active_chat' | 'opted_out' | 'invalid_number' | 'duplicate_phone' | 'missing_field';
export type CampaignAction = 'pause' | 'resume' | 'cancel';

export interface CampaignCounts {
  total: number;
  skipped: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  senderId: string;
  template: { id: string; name: string; language: string };
  scheduledAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  counts: CampaignCounts;
}

export interface CampaignRecipient {
  contactId: string;
  phone: string;
  status: CampaignRecipientStatus;
  reason: string | null;
  messageId: string | null;
  updatedAt: IsoDateTime;
}

export interface CampaignPreflight {
  total: number;
  sendable: number;
  skipped: Partial<Record<CampaignSkipReason, number>>;
}

export interface CampaignInput {
  idempotencyKey: string;
  name: string;
  senderId: string;
  template: { id: string; name: string; language: string };
  parameters: TemplateParameters;
  bindings?: Partial<Record<string, string>>;
  audience: CampaignAudience;
  scheduledAt: IsoDateTime | null;
}

/** The optional campaign methods of a data provider. */
export interface CampaignMethods {
  previewCampaign?(params: { audience: CampaignAudience; senderId: string }, context?: CallContext): Promise<CampaignPreflight>;
  createCampaign?(params: { input: CampaignInput }, context?: CallContext): Promise<Campaign>;
  getCampaign?(params: { id: string }, context?: CallContext): Promise<Campaign>;
  listCampaigns?(params: { cursor?: string | null; limit?: number }, context?: CallContext): Promise<Page<Campaign>>;
  listCampaignRecipients?(
    params: { campaignId: string; status?: CampaignRecipientStatus; cursor?: string | null; limit?: number },
    context?: CallContext,
  ): Promise<Page<CampaignRecipient>>;
  updateCampaign?(params: { id: string; action: CampaignAction }, context?: CallContext): Promise<Campaign>;
}

export type CampaignEvent = { type: 'campaign.updated'; campaign: Campaign };

/** The provider with its campaign methods, typed. */
export function campaignMethodsOf(provider: ReachoutDataProvider): CampaignMethods {
  return provider as ReachoutDataProvider & CampaignMethods;
}

/** Whether a live event is a campaign's (not yet in core's `ReachoutEvent`). */
export function isCampaignEvent(event: ReachoutEvent | CampaignEvent): event is CampaignEvent {
  return event.type === 'campaign.updated';
}
