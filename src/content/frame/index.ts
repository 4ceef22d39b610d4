import { InPageFrame } from './in-page-frame';

let frame: InPageFrame | null = null;

/** The one in-page frame of this document, made on first use. */
export function inPageFrame(): InPageFrame {
  return (frame ??= new InPageFrame());
}
