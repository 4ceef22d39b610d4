// Built as sites/youtube.js: youtube's adapter, injected only into youtube's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { youtubeAdapter } from '../youtube';

installSite(youtubeAdapter);
