import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followServeToken } from './api';
import { App } from './App';
import { setupI18n } from './i18n';
import './styles.css';

followServeToken();
setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
