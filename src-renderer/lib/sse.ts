/**
 * A minimal text/event-stream parser. The loopback bridge reads the stream
 * with fetch because EventSource cannot send the bridge key header.
 */

export interface SseMessage {
  event: string;
  data: string;
}

export class SseParser {
  #buffer = '';
  /** A chunk ending in CR may be half of a CRLF; it is held back until the next chunk. */
  #heldCr = false;

  /** Feeds decoded text; returns the messages completed by it. */
  push(text: string): SseMessage[] {
    let chunk = this.#heldCr ? `\r${text}` : text;
    this.#heldCr = chunk.endsWith('\r');
    if (this.#heldCr) chunk = chunk.slice(0, -1);
    this.#buffer += chunk.replace(/\r\n?/g, '\n');
    const messages: SseMessage[] = [];
    let end = this.#buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const message = parseBlock(block);
      if (message) messages.push(message);
      end = this.#buffer.indexOf('\n\n');
    }
    return messages;
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    // Lines starting with ':' are comments (the host's keep-alive pings).
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, data: data.join('\n') };
}
