// Built as sites/bluesky.js: bluesky's adapter, injected only into bluesky's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { blueskyAdapter } from '../bluesky';

installSite(blueskyAdapter);
