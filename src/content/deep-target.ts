/** The innermost target of an event, looking through open shadow roots. */
export function deepTarget(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}
