import fs from 'node:fs';
import path from 'node:path';
import type { Message } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../whatsapp/samplePayloads';
import {
  accessToken,
  cloudApiEnvironment,
  messagesOf,
  openChatWithReply,
  postMessage,
  textSendsOf,
  until,
} from './cloudApiProcess';
import { json, makeTemporaryDirectory, type ReadyServer, startServer } from './serverProcess';

const shutdownSeconds = 2;

/** The message becomes `sent`, and the chat shows it once. */
async function sentOnce(server: ReadyServer, chatId: string, message: Message, text: string) {
  await until(async () => (await messagesOf(server, chatId)).find((item) => item.id === message.id)?.status === 'sent', 'the message is sent');
  const sameText = (await messagesOf(server, chatId)).filter((item) => item.text === text);
  expect(sameText.map((item) => item.id)).toEqual([message.id]);
}

// A chat message (`POST /messages`) goes through the job queue: a real server process in Cloud
// API mode, whose Graph API (a fake) is told to stop answering, is killed or stopped mid-send and
// started again on the same data directory.
describe('a chat message whose server dies or stops before WhatsApp answered', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;
  const environment = () =>
    cloudApiEnvironment(graph, { REACHOUT_DATA_DIR: path.join(root, 'data'), REACHOUT_SHUTDOWN_SECONDS: String(shutdownSeconds) });

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
    server = await startServer(environment());
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await graph?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('answered pending, then killed with SIGKILL before WhatsApp answered: sent once after the restart', async () => {
    const { chatId } = await openChatWithReply(server!, graph);
    const text = `Your parcel is on its way (${Date.now()})`;
    const hold = graph.hold();
    const answered = await json<Message>(await postMessage(server!, chatId, text, `crash-${Date.now()}`), 201);
    expect(answered.status).toBe('pending');
    await hold.waiting;
    await server!.stop('SIGKILL');
    hold.release();
    const acceptedBefore = graph.acceptedMessageIds.length;

    server = await startServer(environment());

    await sentOnce(server, chatId, answered, text);
    expect(graph.acceptedMessageIds.length - acceptedBefore).toBe(1);
  }, 180_000);
});

// Jobs expire only after 120 s here (the default): the message goes out soon after the restart only
// because the stopping server aborted the call and recorded the try as failed, not lost.
describe('a chat message whose server is stopped (SIGTERM) while WhatsApp never answers', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;
  const environment = () =>
    cloudApiEnvironment(graph, {
      REACHOUT_DATA_DIR: path.join(root, 'data'),
      REACHOUT_SHUTDOWN_SECONDS: String(shutdownSeconds),
      REACHOUT_JOB_EXPIRE_SECONDS: '120',
    });

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
    server = await startServer(environment());
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await graph?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('exits within REACHOUT_SHUTDOWN_SECONDS, aborting the call, and the message goes out once soon after the restart', async () => {
    const { chatId } = await openChatWithReply(server!, graph);
    const text = `We will call you tomorrow (${Date.now()})`;
    const hold = graph.hold();
    const answered = await json<Message>(await postMessage(server!, chatId, text, `sigterm-${Date.now()}`), 201);
    await hold.waiting;
    const acceptedBefore = graph.acceptedMessageIds.length;

    const stoppedAt = Date.now();
    const { code } = await server!.stop('SIGTERM');
    const stopMs = Date.now() - stoppedAt;
    hold.release();

    expect(code).toBe(0);
    // The bound, plus the time to close the database and exit.
    expect(stopMs).toBeLessThan((shutdownSeconds + 5) * 1000);
    server = await startServer(environment());
    await sentOnce(server, chatId, answered, text);
    expect(graph.acceptedMessageIds.length - acceptedBefore).toBe(1);
    expect(textSendsOf(graph).filter((send) => send.text.body === text)).toHaveLength(2);
  }, 180_000);
});
