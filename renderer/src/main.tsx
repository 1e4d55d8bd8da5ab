import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient, redeemTicket } from './client/createClient';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { PhotoProvider, createPhotoStore } from './photos/PhotoContext';
import { PeopleProvider } from './people/People';
import { ArchiveGate } from './recovery/ArchiveGate';
import './styles.css';

function MissingToken() {
  const { t } = useI18n();
  return (
    <p className="pane-message error" role="alert">
      {t('token.missing')}
    </p>
  );
}

if (!window.newsroom) await redeemTicket();
const client = createClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <I18nProvider>
    {'error' in client ? (
      <MissingToken />
    ) : (
      <ArchiveGate api={client.api}>
        <PhotoProvider store={createPhotoStore(client.api, client.photoUrl)}>
          <PeopleProvider api={client.api}>
            <App api={client.api} shell={client.shell} />
          </PeopleProvider>
        </PhotoProvider>
      </ArchiveGate>
    )}
  </I18nProvider>,
);
