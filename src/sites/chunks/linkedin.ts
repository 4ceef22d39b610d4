// Built as sites/linkedin.js: linkedin's adapter, injected only into linkedin's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { linkedinAdapter } from '../linkedin';

installSite(linkedinAdapter);
