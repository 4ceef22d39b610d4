// Built as sites/facebook.js: facebook's adapter, injected only into facebook's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { facebookAdapter } from '../facebook';

installSite(facebookAdapter);
