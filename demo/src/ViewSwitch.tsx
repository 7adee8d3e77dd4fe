/** The demo's two pages: the support inbox, and the campaigns. */
export type DemoView = 'inbox' | 'campaigns';

export interface ViewSwitchProps {
  view: DemoView;
  onViewChange: (view: DemoView) => void;
}

const views: { id: DemoView; label: string }[] = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'campaigns', label: 'Campaigns' },
];

/** "Inbox" / "Campaigns" in the header: a navigation of two buttons, the current one marked `aria-current`. */
export function ViewSwitch({ view, onViewChange }: ViewSwitchProps) {
  return (
    <nav className="demo-views" aria-label="Views">
      {views.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          className="demo-button"
          data-variant="ghost"
          aria-current={view === id ? 'page' : undefined}
          onClick={() => onViewChange(id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
