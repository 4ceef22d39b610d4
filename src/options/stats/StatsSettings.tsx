/** Business hours, targets and retention. Placeholder until the stats work lands. */
export function StatsSettings() {
  return null;
}
