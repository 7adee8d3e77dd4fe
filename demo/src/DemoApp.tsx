import { useCallback, useState } from 'react';
import { ContactsInbox, ImportContactsDialog, ReachoutProvider } from 'reachout';
import type { ReachoutDataProvider } from 'reachout';
import { CampaignsView } from './CampaignsView';
import type { DemoNotice } from './notice';
import { SimulateReplyButton } from './SimulateReplyButton';
import type { ServerConfig } from './serverConfig';
import { ThemeToggle } from './ThemeToggle';
import { useContactInUrl } from './useContactInUrl';
import { useTheme } from './useTheme';
import { ViewSwitch } from './ViewSwitch';
import type { DemoView } from './ViewSwitch';

export interface DemoAppProps {
  config: ServerConfig;
  /** Created once for the page: a new provider would refetch everything. */
  dataProvider: ReachoutDataProvider;
}

function BrandMark() {
  return (
    <svg className="demo-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" />
      <path d="M9 10h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7l-5 4v-4H9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z" />
    </svg>
  );
}

/**
 * The demo page: a header (product name, the "Inbox" / "Campaigns" switch, "Simulate customer
 * reply" for the selected contact, the theme) above the whole Reachout inbox or the campaigns,
 * talking to the reference server over HTTP.
 */
export function DemoApp({ config, dataProvider }: DemoAppProps) {
  const [theme, setTheme] = useTheme();
  const [contactId, setContactInUrl] = useContactInUrl();
  const [notice, setNotice] = useState<DemoNotice | null>(null);
  const [importing, setImporting] = useState(false);
  const [view, setView] = useState<DemoView>('inbox');

  const selectContact = useCallback(
    (next: string | null) => {
      setNotice(null);
      setContactInUrl(next);
    },
    [setContactInUrl],
  );

  return (
    <ReachoutProvider dataProvider={dataProvider}>
      <div className="demo">
        <header className="demo-header">
          <div className="demo-brand">
            <BrandMark />
            <h1 className="demo-brand__name">Reachout</h1>
            <span className="demo-brand__tag">Demo</span>
          </div>
          <ViewSwitch view={view} onViewChange={setView} />
          <p className="demo-header__status" role="status" data-tone={notice?.tone} title={notice?.text}>
            {notice?.text}
          </p>
          {view === 'inbox' && contactId !== null && <SimulateReplyButton key={contactId} config={config} contactId={contactId} onNotice={setNotice} />}
          <ThemeToggle theme={theme} onThemeChange={setTheme} />
        </header>
        <main className="demo-main">
          {view === 'campaigns' ? (
            <CampaignsView />
          ) : (
            <ContactsInbox
              className="demo-inbox"
              selectedContactId={contactId}
              onSelectedContactIdChange={selectContact}
              onImportContacts={() => setImporting(true)}
              onOpenChat={(chat) =>
                setNotice({
                  tone: 'info',
                  text: `Your inbox would open chat ${chat.id} here${chat.assignee ? `, assigned to ${chat.assignee.name}` : ''}.`,
                })
              }
              onOpenTicket={(ticket) => setNotice({ tone: 'info', text: `Your inbox would open ticket ${ticket.id} here.` })}
            />
          )}
        </main>
        <ImportContactsDialog
          open={importing}
          onOpenChange={setImporting}
          onImported={(result) =>
            setNotice({ tone: 'success', text: `Imported: ${result.created} created, ${result.updated} updated, ${result.skipped.length} skipped.` })
          }
        />
      </div>
    </ReachoutProvider>
  );
}

/** Shown when the page was not served by the reference server, so it has no API to talk to. */
export function MissingServerPage() {
  return (
    <main className="demo-missing">
      <h1>Reachout demo</h1>
      <p>
        This page talks to the Reachout reference server, which tells it where its API is. Start it with{' '}
        <code>npm run demo</code> and open the address it prints.
      </p>
    </main>
  );
}
