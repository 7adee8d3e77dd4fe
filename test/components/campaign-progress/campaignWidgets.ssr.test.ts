import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CampaignProgress } from '../../../src/components/campaign-progress';
import { CampaignsList } from '../../../src/components/campaigns-list';
import { CampaignWizard } from '../../../src/components/campaign-wizard';
import { ContactList } from '../../../src/components/contact-list';
import { ReachoutProvider } from '../../../src/data';
import { createCampaignProvider } from '../../../stories/support/campaignProvider';

describe('the campaign widgets on the server', () => {
  it('render with renderToString, loading, without calling the provider', async () => {
    expect(typeof document).toBe('undefined');
    const provider = await createCampaignProvider();
    const html = renderToString(
      createElement(
        ReachoutProvider,
        { dataProvider: provider },
        createElement(ContactList, { selectionMode: 'multiple' }),
        createElement(CampaignProgress, { campaignId: 'campaign-running' }),
        createElement(CampaignsList),
        createElement(CampaignWizard, { audience: { search: '' } }),
      ),
    );
    expect(html).toContain('aria-multiselectable="true"');
    expect(html).toContain('No contacts selected');
    expect(html).toContain('data-slot="campaign-progress"');
    expect(html).toContain('aria-label="Campaigns"');
    expect(provider.control.calls).toEqual([]);
    expect(provider.control.calls).toEqual([]);
  });
});
