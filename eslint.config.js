import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reachout from './eslint/reachout-plugin.js';

export default tseslint.config(
  { ignores: ['dist', 'demo/dist', 'storybook-static', 'node_modules', 'coverage', 'bench/results', 'bench/.build', '**/*.d.ts', 'reports/mutation', '.stryker-tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react/*', '@tanstack/*', '@radix-ui/*'], message: 'src/core has no React: it is importable by a Node backend.' }] },
      ],
    },
  },
  {
    // Widgets, data hooks and what they import must leave nothing at module level that a host's
    // bundler cannot drop. `reachout/testing` is test-only, never in a host's production bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/testing/**'],
    plugins: { reachout },
    rules: { 'reachout/no-retained-module-work': 'error' },
  },
  {
    // No function over 80 lines (blank lines and comments aside) in what ships: a longer one
    // mixes jobs (#15); `npx eslint src` names any new one.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Files with a longer function today, each named so that no other file can join them.
    // Owned by other engineers (chat thread, campaigns, import, the testing kit, the REST
    // provider): theirs to split. The contract suites are one describe() per method family,
    // whose body is the list of its cases.
    files: [
      'src/components/campaign-progress/CampaignProgressRecipients.tsx',
      'src/components/campaign-wizard/CampaignWizard.tsx',
      'src/components/campaign-wizard/useCampaignWizard.ts',
      'src/components/campaign-wizard/CampaignWizardSteps.tsx',
      'src/components/chat-thread/ChatThreadTemplatePanel.tsx',
      'src/components/chat-thread/ChatThreadVirtualRows.tsx',
      'src/components/chat-thread/useChatThread.ts',
      'src/components/import-contacts-dialog/ImportContactsDialogSteps.tsx',
      'src/core/import/session.ts',
      'src/components/import-contacts-dialog/useImportContacts.ts',
      'src/components/template-steps/TemplateContentFields.tsx',
      'src/components/template-steps/TemplatePicker.tsx',
      'src/rest/index.ts',
      'src/rest/internal/eventStream.ts',
      'src/rest/internal/sse.ts',
      'src/testing/contract/describeCampaignsContract.ts',
      'src/testing/contract/describeContactsContract.ts',
      'src/testing/contract/describeMessagesContract.ts',
      'src/testing/contract/describeProviderContract.ts',
      'src/testing/contract/describeSendingContract.ts',
      'src/testing/contract/importContactsContract.ts',
      'src/testing/createMemoryProvider.ts',
      'src/testing/internal/campaigns.ts',
      'src/testing/internal/contacts.ts',
      'src/testing/internal/messages.ts',
      'src/testing/internal/notifications.ts',
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // Ours, still to split (the longest function's lines when the rule came in): remove a line
    // here once its file passes. The ContactListGrid and ContactDetails rows are also the UX
    // engineer's markup.
    files: [
      'src/components/contact-details/ContactDetails.tsx', // ContactDetails 146
      'src/components/contact-list/ContactListGrid.tsx', // ContactListGrid 118
      'src/components/contact-list/useContactList.ts', // useContactListState 135
      'src/components/contacts-inbox/ContactsInbox.tsx', // ContactsInbox 105
      'src/components/create-contact-dialog/useCreateContactForm.ts', // useCreateContactForm 147
      'src/components/send-message-wizard/SendMessageWizardRecipientStep.tsx', // 93
      'src/components/send-message-wizard/SendMessageWizardStatusStep.tsx', // 109
      'src/components/send-message-wizard/SendMessageWizardTicketStep.tsx', // 89
      'src/components/send-message-wizard/useSendMessageWizard.ts', // useSendMessageWizard 112
      'src/components/template-preview/TemplatePreviewHeader.tsx', // 92
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
