import { describe, expect, it } from 'vitest';
import { SseParser } from '../../src-renderer/lib/sse';

describe('SseParser', () => {
  it('parses named events and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push(': ping\n\nevent: state\ndata: {"a":1}\n\n')).toEqual([
      { event: 'state', data: '{"a":1}' },
    ]);
  });

  it('waits for the blank line that ends a message across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: notification\nda')).toEqual([]);
    expect(parser.push('ta: {"b":2}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'notification', data: '{"b":2}' }]);
  });

  it('accepts CRLF line ends, even when a CRLF is split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: state\r\ndata: x\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'state', data: 'x' }]);
  });

  it('joins several data lines and defaults the event name', () => {
    const parser = new SseParser();
    const messages = parser.push('data: one\ndata:two\n\n');
    expect(messages).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('drops blocks without data', () => {
    expect(new SseParser().push('event: state\n\n')).toEqual([]);
  });
});
