/** Import, export and subscribe to team packs. Placeholder until the packs work lands. */
export function PacksSection() {
  return null;
}
