// Built as sites/reddit.js: reddit's adapter, injected only into reddit's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { redditAdapter } from '../reddit';

installSite(redditAdapter);
