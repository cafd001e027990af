/**
 * The messages an embedded page posts to its parent. The type is namespaced so a portal
 * that hosts other frames can tell them apart; the version changes when the shape does.
 * The parent-side script the server ships (server/http/embed-portal-script.ts) reads the
 * same type and version.
 */
export const EMBED_SIZE_MESSAGE_TYPE = 'layerscope:embed:size'
export const EMBED_PROTOCOL_VERSION = 1

export interface EmbedSizeMessage {
  type: typeof EMBED_SIZE_MESSAGE_TYPE
  version: typeof EMBED_PROTOCOL_VERSION
  /** The content's height in CSS pixels, rounded up. */
  height: number
}

export function sizeMessage(height: number): EmbedSizeMessage {
  return { type: EMBED_SIZE_MESSAGE_TYPE, version: EMBED_PROTOCOL_VERSION, height }
}
