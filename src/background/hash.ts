/** SHA-256 of a permalink, hex, so events can group by thread without storing the URL. */
export async function hashPermalink(permalink: string | undefined): Promise<string | null> {
  if (!permalink) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(permalink));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
