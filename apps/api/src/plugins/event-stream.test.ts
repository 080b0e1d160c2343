import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mock, test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventStreams } from './event-stream.ts';

/** Just enough of a request and its reply for a stream: what is written, and a way to hang up. */
function fakeExchange(method = 'GET') {
  const written: string[] = [];
  const client = new EventEmitter();
  const raw = { writeHead: () => undefined, write: (text: string) => void written.push(text), end: () => void written.push('<end>') };
  const request = { method, raw: client } as unknown as FastifyRequest;
  const reply = { hijack: () => undefined, raw, getHeaders: () => ({}) } as unknown as FastifyReply;
  return { request, reply, written, hangUp: () => client.emit('close') };
}

test('one heartbeat keeps every open stream alive, and stops when none is left', (t) => {
  mock.timers.enable({ apis: ['setInterval'] });
  t.after(() => mock.timers.reset());
  const streams = new EventStreams();
  const first = fakeExchange();
  const second = fakeExchange();
  streams.start(first.request, first.reply);
  streams.start(second.request, second.reply);
  assert.deepEqual(first.written, ['retry: 2000\n\n']);

  mock.timers.tick(15_000);
  assert.equal(first.written.at(-1), ': keep-alive\n\n');
  assert.equal(second.written.at(-1), ': keep-alive\n\n');

  first.hangUp();
  assert.equal(streams.size, 1);
  mock.timers.tick(15_000);
  assert.equal(first.written.filter((text) => text.startsWith(': keep-alive')).length, 1, 'a closed stream is not written to');
  assert.equal(second.written.filter((text) => text.startsWith(': keep-alive')).length, 2);

  second.hangUp();
  assert.equal(streams.size, 0);
  mock.timers.tick(60_000);
  assert.equal(second.written.filter((text) => text.startsWith(': keep-alive')).length, 2, 'no timer beats for nobody');
});

test('HEAD gets the headers and an ended answer, and counts as no open stream', () => {
  const streams = new EventStreams();
  const head = fakeExchange('HEAD');
  const stream = streams.start(head.request, head.reply);
  assert.equal(stream.closed, true);
  assert.deepEqual(head.written, ['<end>']);
  assert.equal(streams.size, 0);
});
