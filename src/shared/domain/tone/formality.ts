/**
 * Unambiguous markers of informal (tú) and formal (usted) Spanish address. Third-person forms
 * such as "su", "le" or "tiene" are left out: they also describe other people.
 */
export const TU_MARKERS = [
  'tu', 'tú', 'te', 'ti', 'contigo', 'tienes', 'puedes', 'quieres', 'estás', 'eres', 'necesitas',
  'escríbenos', 'cuéntanos', 'dinos', 'envíanos', 'disculpa', 'perdona', 'contáctanos', 'tuyo', 'tuya',
];
export const USTED_MARKERS = [
  'usted', 'ustedes', 'escríbanos', 'cuéntenos', 'díganos', 'envíenos', 'disculpe', 'perdone',
  'contáctenos', 'permítanos', 'suyo', 'suya',
];
