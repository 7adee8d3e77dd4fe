// reachout: widgets, the React data layer, and the whole of reachout/core.
// Each index below is an explicit, curated list of public names; re-exporting them whole keeps
// one source of truth per layer without leaking internals.
export * from './core/index';
export * from './data/index';
export * from './components/template-preview/index';
export * from './components/create-contact-dialog/index';
export * from './components/contact-list/index';
export * from './components/send-message-wizard/index';
export * from './components/template-steps/index';
export * from './components/tickets-tab/index';
export * from './components/contact-timeline/index';
export * from './components/chats-tab/index';
export * from './components/chat-thread/index';
export * from './components/contact-details/index';
export * from './components/contacts-inbox/index';
export * from './components/import-contacts-dialog/index';
export * from './components/campaign-progress/index';
export * from './components/campaigns-list/index';
export * from './components/campaign-wizard/index';
