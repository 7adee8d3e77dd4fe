import 'reachout/styles.css';
import './demo.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRestProvider } from 'reachout/rest';
import { DemoApp, MissingServerPage } from './DemoApp';
import { readServerConfig } from './serverConfig';
import { applyTheme, initialTheme } from './useTheme';

// Before the first render, so the page never flashes the other theme.
applyTheme(initialTheme());

const container = document.getElementById('root');
if (container === null) throw new Error('The demo page has no #root element to render into.');

const config = readServerConfig(document);
const dataProvider =
  config === null ? null : createRestProvider({ baseUrl: config.baseUrl, headers: { Authorization: `Bearer ${config.token}` } });

createRoot(container).render(
  <StrictMode>
    {config !== null && dataProvider !== null ? <DemoApp config={config} dataProvider={dataProvider} /> : <MissingServerPage />}
  </StrictMode>,
);
