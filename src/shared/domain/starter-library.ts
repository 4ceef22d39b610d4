import type { Lang } from '../db/types';

export interface StarterTemplate {
  id: string;
  title: string;
  body: string;
  shortcut: string;
  tags: string[];
  lang: Lang;
}

/**
 * Seeded on first install. Written to good community practice: thank, acknowledge, move personal
 * data to a private channel, apologise without excuses, hold the line in a crisis. Always a Spanish
 * and an English version.
 */
export const STARTER_LIBRARY: readonly StarterTemplate[] = [
  {
    id: 'starter-thanks-es',
    title: 'Agradecer el comentario',
    body: '¡Gracias por escribirnos, {{firstName|}}! Nos alegra mucho leerte. Cualquier cosa que necesites, aquí estamos.',
    shortcut: 'gracias',
    tags: ['general'],
    lang: 'es',
  },
  {
    id: 'starter-thanks-en',
    title: 'Thank the commenter',
    body: 'Thanks for reaching out, {{firstName|there}}! We love hearing from you. Anything you need, we are here.',
    shortcut: 'thanks',
    tags: ['general'],
    lang: 'en',
  },
  {
    id: 'starter-ack-es',
    title: 'Acusar recibo y dar plazo',
    body: 'Hola {{firstName|}}, hemos recibido tu mensaje y ya lo estamos revisando.\nTe respondemos en menos de 24 horas. Gracias por tu paciencia.',
    shortcut: 'recibido',
    tags: ['soporte'],
    lang: 'es',
  },
  {
    id: 'starter-ack-en',
    title: 'Acknowledge and set a time',
    body: 'Hi {{firstName|there}}, we have your message and are looking into it now.\nWe will get back to you within 24 hours. Thank you for your patience.',
    shortcut: 'ack',
    tags: ['support'],
    lang: 'en',
  },
  {
    id: 'starter-private-es',
    title: 'Pasar a mensaje privado (datos personales)',
    body: 'Hola {{firstName|}}, para proteger tus datos, escríbenos por mensaje privado con tu número de pedido (sin compartirlo aquí) y lo resolvemos enseguida.\n{{agent|El equipo}}',
    shortcut: 'privado',
    tags: ['soporte', 'privacidad'],
    lang: 'es',
  },
  {
    id: 'starter-private-en',
    title: 'Move to a private message (personal data)',
    body: 'Hi {{firstName|there}}, to keep your details safe, please send us a private message with your order number (please do not post it here) and we will sort it out right away.\n{{agent|The team}}',
    shortcut: 'dm',
    tags: ['support', 'privacy'],
    lang: 'en',
  },
  {
    id: 'starter-apology-es',
    title: 'Disculpa sin excusas',
    body: 'Lo sentimos, {{firstName|}}. No es la experiencia que mereces y nos hacemos cargo.\nYa estamos trabajando para solucionarlo y te contamos en cuanto lo tengamos.',
    shortcut: 'perdon',
    tags: ['soporte', 'queja'],
    lang: 'es',
  },
  {
    id: 'starter-apology-en',
    title: 'Apologise without excuses',
    body: 'We are sorry, {{firstName|}}. This is not the experience you deserve and we own it.\nWe are already working on a fix and will update you as soon as we have it.',
    shortcut: 'sorry',
    tags: ['support', 'complaint'],
    lang: 'en',
  },
  {
    id: 'starter-crisis-es',
    title: 'Crisis: mensaje de espera',
    body: 'Sabemos lo que está pasando y lo estamos investigando con la máxima prioridad.\nCompartiremos información verificada en este canal en cuanto la tengamos. Gracias por tu comprensión.',
    shortcut: 'crisis',
    tags: ['crisis'],
    lang: 'es',
  },
  {
    id: 'starter-crisis-en',
    title: 'Crisis: holding statement',
    body: 'We are aware of the situation and are investigating it as our top priority.\nWe will share verified updates on this channel as soon as we have them. Thank you for your understanding.',
    shortcut: 'holding',
    tags: ['crisis'],
    lang: 'en',
  },
];
