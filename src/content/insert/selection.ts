/**
 * The selection that holds the caret inside `root`. In an open shadow root Chrome's
 * `document.getSelection()` is retargeted to the host, so the shadow root's own is used there.
 */
export function selectionFor(root: Node): Selection | null {
  const scope = root.getRootNode() as (Node & { getSelection?: () => Selection | null }) | null;
  if (scope && scope !== root.ownerDocument && typeof scope.getSelection === 'function') return scope.getSelection();
  return root.ownerDocument?.getSelection() ?? null;
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Is the caret (focus) already inside `root`? */
export function hasFocusWithin(root: HTMLElement): boolean {
  const active = deepActiveElement(root.ownerDocument);
  return active !== null && (active === root || root.contains(active));
}
