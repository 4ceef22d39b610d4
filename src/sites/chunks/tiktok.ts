// Built as sites/tiktok.js: tiktok's adapter, injected only into tiktok's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { tiktokAdapter } from '../tiktok';

installSite(tiktokAdapter);
