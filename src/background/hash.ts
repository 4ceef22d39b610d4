import { sha256Hex } from '../shared/domain/sha256';

/** SHA-256 of a permalink, hex, so events can group by thread without storing the URL. */
export async function hashPermalink(permalink: string | undefined): Promise<string | null> {
  return permalink ? sha256Hex(permalink) : null;
}
