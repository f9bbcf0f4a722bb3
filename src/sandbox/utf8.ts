/**
 * Client bytes read as UTF-8 strictly: bytes that are not UTF-8 are refused by the caller in its
 * service's words (restJson1 SerializationException, S3 MalformedXML, the shadow service's 415
 * UnsupportedDocumentEncodingException) instead of being read with replacement characters.
 * Shared by the protocol decoders and the services. One decoder serves every request: without
 * `stream`, each decode starts afresh, also after a failed one.
 */
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The text of `bytes` (a leading BOM dropped), or undefined when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
