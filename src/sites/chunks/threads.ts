// Built as sites/threads.js: threads's adapter, injected only into threads's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { threadsAdapter } from '../threads';

installSite(threadsAdapter);
