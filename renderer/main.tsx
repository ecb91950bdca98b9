import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptServeToken } from './api';
import { App } from './App';
import { setupI18n } from './i18n';
import './styles.css';

adoptServeToken();
setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
