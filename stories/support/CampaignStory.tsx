import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ReachoutProvider } from '../../src/data';
import { createCampaignProvider } from './campaignProvider';
import type { CampaignProviderOptions, CampaignStoryProvider } from './campaignProvider';

/**
 * Wraps a campaign story in `<ReachoutProvider>` over its own memory provider, once its campaigns
 * are seeded (a few milliseconds; nothing shows before).
 */
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
  const [provider, setProvider] = useState<CampaignStoryProvider | null>(null);
  useEffect(() => {
    let created: CampaignStoryProvider | undefined;
    let live = true;
    void createCampaignProvider(options).then((seeded) => {
      created = seeded;
      if (!live) return seeded.control.dispose();
      setup?.(seeded);
      setProvider(seeded);
    });
    return () => {
      live = false;
      created?.control.dispose();
    };
    // The story's provider is made once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (provider === null) return null;
  return (
    <ReachoutProvider dataProvider={provider}>
      <div style={{ inlineSize: width ?? '100%', maxInlineSize: '100%' }}>{children}</div>
    </ReachoutProvider>
  );
}
