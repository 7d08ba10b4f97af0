// Must stay the first import: it configures zod before any contract schema is built.
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/forms.css';
import './styles/keypad.css';
import './styles/screens.css';
import './styles/home.css';
import './styles/status.css';
import './styles/customers.css';
import './styles/customers-profile.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
