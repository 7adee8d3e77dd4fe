import { useState } from 'react';
import type { ReactNode } from 'react';
import { ReachoutProvider } from '../../src/data';
import { createCampaignProvider } from './campaignProvider';
import type { CampaignProviderOptions, CampaignStoryProvider } from './campaignProvider';

/** Wraps a campaign story in `<ReachoutProvider>` over its own campaign provider. */
export function CampaignStory({
  options,
  setup,
  width,
  children,
}: {
  options?: CampaignProviderOptions;
  setup?: (provider: CampaignStoryProvider) => void;
  width?: number | string;
  children: ReactNode;
}) {
  const [provider] = useState(() => {
    const created = createCampaignProvider(options);
    setup?.(created);
    return created;
  });
  return (
    <ReachoutProvider dataProvider={provider}>
      <div style={{ inlineSize: width ?? '100%', maxInlineSize: '100%' }}>{children}</div>
    </ReachoutProvider>
  );
}
