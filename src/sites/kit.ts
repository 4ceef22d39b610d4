// The site-reading helpers that every platform chunk shares. content-ui.js holds them once and
// publishes them as the isolated world's `tonoSiteKit` (install.ts); the build makes each chunk
// (sites/<id>.js) read these modules from there instead of bundling its own copy.
export * from './define';
export * from './dom';
export * from './rows';
export * from './time';
export * from '../shared/domain/time-ids';
