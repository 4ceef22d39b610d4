import { render } from 'preact';
import '../shared/ui/theme.css';
import './sidepanel.css';
import { uiLanguage } from '../shared/ui/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
