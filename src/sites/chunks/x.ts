// Built as sites/x.js: x's adapter, injected only into x's pages (see ../site-slot.ts).
import { installSite } from '../site-slot';
import { xAdapter } from '../x';

installSite(xAdapter);
