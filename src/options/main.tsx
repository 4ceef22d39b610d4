import { render } from 'preact';
import '../shared/ui/theme.css';
import './options.css';
import { uiLanguage } from '../shared/ui/i18n';
import { OptionsApp } from './OptionsApp';

document.documentElement.lang = uiLanguage();
render(<OptionsApp />, document.getElementById('app')!);
