import { useState } from 'react';
import { CampaignProgress, CampaignWizard, CampaignsList, ContactList } from 'reachout';
import type { ContactListSelection } from 'reachout';

/**
 * The demo's "Campaigns" view: pick contacts (checkboxes) and "Create campaign" for them on the
 * left; the campaigns, newest first, and the chosen one's live progress on the right. A campaign
 * just created is shown at once.
 */
export function CampaignsView() {
  const [selection, setSelection] = useState<ContactListSelection | null>(null);
  const [creating, setCreating] = useState(false);
  const [campaignId, setCampaignId] = useState<string | null>(null);

  return (
    <div className="demo-campaigns">
      <section className="demo-campaigns__audience" aria-labelledby="demo-campaigns-audience-title">
        <h2 id="demo-campaigns-audience-title" className="demo-campaigns__title">
          Choose an audience
        </h2>
        <ContactList
          className="demo-campaigns__contacts"
          selectionMode="multiple"
          selection={selection}
          onSelectionChange={setSelection}
          selectionActions={
            // The list's own button style, as its "Clear selection" beside it.
            <button type="button" className="reachout-contact-list__button" onClick={() => setCreating(true)}>
              Create campaign
            </button>
          }
        />
      </section>
      <div className="demo-campaigns__side">
        <CampaignsList
          className="demo-campaigns__list"
          selectedCampaignId={campaignId}
          onSelect={(campaign) => setCampaignId(campaign.id)}
        />
        {campaignId === null ? (
          <p className="demo-campaigns__hint">Select contacts and “Create campaign”, or open a campaign to follow its progress.</p>
        ) : (
          <CampaignProgress key={campaignId} className="demo-campaigns__progress" campaignId={campaignId} />
        )}
      </div>
      <CampaignWizard
        open={creating}
        onOpenChange={setCreating}
        audience={selection}
        onCreated={(campaign) => {
          setSelection(null);
          setCampaignId(campaign.id);
        }}
      />
    </div>
  );
}
