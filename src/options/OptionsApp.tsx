import { useEffect, useState } from 'preact/hooks';
import { getDatabase } from '../shared/db/database';
import { SettingsRepo } from '../shared/db/repos/settings';
import type { ExportRequest } from './packs/PackExport';
import { t } from '../shared/ui/i18n';
import { KeysSection } from './KeysSection';
import { LibrarySection } from './library/LibrarySection';
import { GuideSection } from './guide/GuideSection';
import { PacksSection } from './packs/PacksSection';
import { SitesSection } from './SitesSection';
import { StatsSettings } from './stats/StatsSettings';

const settings = new SettingsRepo(getDatabase());

export function OptionsApp() {
  const [agent, setAgent] = useState('');
  const [saved, setSaved] = useState(false);
  // Replies ticked in the library and sent to the team-pack export below it.
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);

  useEffect(() => {
    void settings.get('agentName').then((value) => setAgent(value ?? ''));
  }, []);

  async function saveAgent(event: Event) {
    event.preventDefault();
    await settings.set('agentName', agent.trim().slice(0, 80));
    setSaved(true);
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section>
        <h2>{t('optionsAgentHeading')}</h2>
        <form onSubmit={saveAgent} class="row">
          <label for="agent">{t('optionsAgentLabel')}</label>
          <input id="agent" value={agent} maxLength={80} onInput={(e) => { setAgent(e.currentTarget.value); setSaved(false); }} />
          <button type="submit">{t('optionsSave')}</button>
          <span role="status">{saved ? t('optionsSaved') : ''}</span>
        </form>
        <p class="hint">{t('optionsAgentHint')}</p>
      </section>
      <LibrarySection onExportSelection={(ids) => setExportRequest({ ids })} />
      <KeysSection />
      <GuideSection />
      <PacksSection exportRequest={exportRequest} />
      <StatsSettings />
      <SitesSection />
    </main>
  );
}
