// Built as sites/instagram.js: instagram's adapter, injected only into instagram's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { instagramAdapter } from '../instagram';

installSite(instagramAdapter);
