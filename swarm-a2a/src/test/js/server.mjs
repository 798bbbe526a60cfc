// An A2A 1.0 agent built with the official JS SDK, so swarm's client is tested against an
// implementation it shares no code with. Started by the Java interop tests:
//
//   node server.mjs            listens on a free loopback port, prints "LISTENING <port>"
//   STREAMING=0 node server.mjs   the card says no streaming, so clients use blocking SendMessage
//   TOKEN=secret node server.mjs  every JSON-RPC call needs "Authorization: Bearer secret"
//
// What the agent does depends on the message text:
//   "slow ..."                      works until canceled
//   "fail ..."                      ends FAILED with a status message
//   "raise:<ErrorName>"             the request handler throws that SDK error before any event
//   "raise-midstream:<ErrorName>"   a stream sends its first event, then fails with that error
//   anything else                   echoes in two artifact chunks: "Echo: " then the text
import http from 'node:http';
import crypto from 'node:crypto';
import express from 'express';
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';
import * as errors from '@a2a-js/sdk/errors';
import { Role, TaskState } from '@a2a-js/sdk';

const streaming = process.env.STREAMING !== '0';
const token = process.env.TOKEN;

const now = () => new Date().toISOString();
const textPart = (value) => ({
  content: { $case: 'text', value },
  mediaType: 'text/plain',
  filename: '',
  metadata: {},
});
const textOf = (message) =>
  (message?.parts ?? [])
    .map((p) => (p.content?.$case === 'text' ? p.content.value : (p.text ?? '')))
    .join('');
const agentMessage = (taskId, contextId, text) => ({
  messageId: crypto.randomUUID(),
  taskId,
  contextId,
  role: Role.ROLE_AGENT,
  parts: [textPart(text)],
  metadata: {},
  extensions: [],
  referenceTaskIds: [],
});
const status = (taskId, contextId, state, text) => ({
  taskId,
  contextId,
  status: {
    state,
    message: text === undefined ? undefined : agentMessage(taskId, contextId, text),
    timestamp: now(),
  },
  metadata: {},
});

/** Resolvers of tasks that wait for cancellation, by task id. */
const waiting = new Map();

class EchoExecutor {
  async execute(context, bus) {
    const { taskId, contextId, userMessage } = context;
    const text = textOf(userMessage);
    const skill = userMessage.metadata?.skill;
    bus.publish(AgentEvent.task({
      id: taskId,
      contextId,
      status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: now() },
      artifacts: [],
      history: [userMessage],
      metadata: {},
    }));
    bus.publish(AgentEvent.statusUpdate(
      status(taskId, contextId, TaskState.TASK_STATE_WORKING, skill ? `working on skill ${skill}` : 'working')));
    if (text.startsWith('slow')) {
      await new Promise((resolve) => waiting.set(taskId, resolve));
      waiting.delete(taskId);
      bus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_CANCELED, 'canceled on request')));
      bus.finished();
      return;
    }
    if (text.startsWith('fail')) {
      bus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_FAILED, 'failure requested')));
      bus.finished();
      return;
    }
    const artifactId = crypto.randomUUID();
    const chunk = (value, append, lastChunk) => AgentEvent.artifactUpdate({
      taskId,
      contextId,
      artifact: { artifactId, name: 'echo', description: '', parts: [textPart(value)], metadata: {}, extensions: [] },
      append,
      lastChunk,
      metadata: {},
    });
    bus.publish(chunk('Echo: ', false, false));
    bus.publish(chunk(text, true, true));
    bus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_COMPLETED)));
    bus.finished();
  }

  async cancelTask(taskId) {
    waiting.get(taskId)?.();
  }
}

/** The error a message asks for with the given prefix, or undefined. */
function requestedError(params, prefix) {
  const text = textOf(params.message);
  if (!text.startsWith(prefix)) {
    return undefined;
  }
  const name = text.substring(prefix.length).trim();
  const ErrorClass = errors[name];
  if (typeof ErrorClass !== 'function') {
    throw new Error(`server.mjs: unknown SDK error ${name}`);
  }
  return new ErrorClass(`${name} raised on request`);
}

class ErrorRaisingRequestHandler extends DefaultRequestHandler {
  async sendMessage(params, context) {
    const error = requestedError(params, 'raise:') ?? requestedError(params, 'raise-midstream:');
    if (error) throw error;
    return super.sendMessage(params, context);
  }

  async *sendMessageStream(params, context) {
    const before = requestedError(params, 'raise:');
    if (before) throw before;
    const midstream = requestedError(params, 'raise-midstream:');
    for await (const event of super.sendMessageStream(params, context)) {
      yield event;
      if (midstream) throw midstream;
    }
  }
}

const app = express();
const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const card = {
    name: 'js-echo',
    description: 'Echoes its input; an A2A JS SDK agent for interop tests',
    version: '1.3.0',
    supportedInterfaces: [
      { url: `http://127.0.0.1:${port}/`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    ],
    provider: undefined,
    capabilities: { streaming, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: token
      ? { bearer: { scheme: { $case: 'httpAuthSecurityScheme', value: { description: '', scheme: 'Bearer', bearerFormat: '' } } } }
      : {},
    securityRequirements: [],
    defaultInputModes: ['text/plain'],
    defaultOutputModes: ['text/plain'],
    skills: [
      {
        id: 'echo',
        name: 'Echo',
        description: 'Repeats the input',
        tags: ['test', 'echo'],
        examples: [],
        inputModes: [],
        outputModes: [],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
  const handler = new ErrorRaisingRequestHandler(card, new InMemoryTaskStore(), new EchoExecutor());
  app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: handler }));
  if (token) {
    app.use('/', (req, res, next) => {
      if (req.header('authorization') !== `Bearer ${token}`) {
        res.status(401).json({ error: 'missing or wrong bearer token' });
        return;
      }
      next();
    });
  }
  app.use('/', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication }));
  console.log(`LISTENING ${port}`);
});

// The Java test closes stdin (or dies) when it is done; never outlive it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
