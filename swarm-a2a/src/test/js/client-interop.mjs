// The official A2A JS SDK client against swarm's A2A server, for the Java interop test
// (dev.swarm.a2a.server.JsSdkClientInteropTest). It discovers the server through its Agent Card,
// runs each scenario with the SDK's own client, and prints one JSON line per scenario:
//   {"check":"<name>", ...what the SDK returned, in ProtoJSON}
// or {"check":"<name>","error":"<SDK error class>","code":<JSON-RPC code>,"message":…} when the SDK threw.
// The Java side asserts on these lines; this script asserts nothing itself.
//
//   BASE_URL=http://127.0.0.1:<port> TOKEN=<bearer token> node client-interop.mjs
import crypto from 'node:crypto';
import { ClientFactory, ClientFactoryOptions, JsonRpcTransportFactory } from '@a2a-js/sdk/client';
import { ListTasksResponse, Role, StreamResponse, Task } from '@a2a-js/sdk';

const baseUrl = process.env.BASE_URL;
const token = process.env.TOKEN;
if (!baseUrl) {
  console.error('BASE_URL is required');
  process.exit(2);
}

const authFetch = (url, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
};

const factory = new ClientFactory(
  ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
    transports: [new JsonRpcTransportFactory({ fetchImpl: authFetch })],
  }),
);
const client = await factory.createFromUrl(baseUrl);

const text = (value) => ({ content: { $case: 'text', value }, mediaType: '', filename: '', metadata: undefined });
const message = (value, contextId = '') => ({
  messageId: crypto.randomUUID(),
  contextId,
  taskId: '',
  role: Role.ROLE_USER,
  parts: [text(value)],
  metadata: undefined,
  extensions: [],
  referenceTaskIds: [],
});
const send = (value, configuration) =>
  ({ tenant: '', message: message(value, 'interop-ctx'), configuration, metadata: undefined });

const report = (check, fields) => console.log(JSON.stringify({ check, ...fields }));
const failure = (e) => ({
  error: e?.constructor?.name ?? 'Error',
  code: e?.envelopeCode ?? e?.cause?.envelopeCode ?? null,
  message: String(e?.message ?? e),
});
const scenario = async (check, body) => {
  try {
    report(check, await body());
  } catch (e) {
    report(check, failure(e));
  }
};

report('card', { name: client.agentCard.name, streaming: client.agentCard.capabilities?.streaming ?? false,
  protocolVersion: client.protocolVersion });

let completedId = '';
await scenario('send', async () => {
  const task = await client.sendMessage(send('hello from js'));
  completedId = task.id;
  return { task: Task.toJSON(task) };
});

await scenario('stream', async () => {
  const events = [];
  for await (const event of client.sendMessageStream(send('chunks from js'))) {
    events.push(StreamResponse.toJSON(event));
  }
  return { events };
});

await scenario('get', async () => ({
  task: Task.toJSON(await client.getTask({ tenant: '', id: completedId, historyLength: 1 })),
}));

await scenario('list', async () => ({
  page: ListTasksResponse.toJSON(await client.listTasks({ tenant: '', contextId: 'interop-ctx', status: 0, pageSize: 10,
    pageToken: '', historyLength: 0, includeArtifacts: true })),
}));

await scenario('cancel', async () => {
  const running = await client.sendMessage(send('slow from js', { acceptedOutputModes: [], taskPushNotificationConfig: undefined,
    returnImmediately: true }));
  return { task: Task.toJSON(await client.cancelTask({ tenant: '', id: running.id, metadata: undefined })) };
});

await scenario('cancelCompleted', async () => ({
  task: Task.toJSON(await client.cancelTask({ tenant: '', id: completedId, metadata: undefined })),
}));

await scenario('getMissing', async () => ({
  task: Task.toJSON(await client.getTask({ tenant: '', id: 'no-such-task' })),
}));

await scenario('subscribeCompleted', async () => {
  const events = [];
  for await (const event of client.resubscribeTask({ tenant: '', id: completedId })) {
    events.push(StreamResponse.toJSON(event));
  }
  return { events };
});
