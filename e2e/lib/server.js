// Starts the real `pathways` binary on a free loopback port with a throw-away
// SQLite database, and waits until it answers GET /readyz with 200.
//
//   const server = await startServer();
//   ... server.baseURL ...
//   await server.stop();
//
// The server's stdout/stderr are kept in memory and are only printed when a
// caller asks for them (server.printLogs()), e.g. from an afterEach hook when
// a test failed, or automatically when start-up fails.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEMO_PASSWORD = 'demo-password-for-tests-2026';
export const DEMO_COACH_EMAIL = 'coach@demo.pathways.test';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const MAX_LOG_CHARS = 200_000;

/** Path of the binary under test: $PATHWAYS_BIN, else ../target/debug/pathways. */
export function binaryPath() {
  const fromEnv = process.env.PATHWAYS_BIN;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(E2E_DIR, fromEnv);
  return path.resolve(E2E_DIR, '..', 'target', 'debug', 'pathways');
}

/** Ask the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Child processes still alive when node exits (e.g. a crashed test file) are
// killed so that no server outlives the run.
const liveChildren = new Set();
process.on('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

export async function startServer(options = {}) {
  const bin = options.bin ?? binaryPath();
  if (!existsSync(bin)) {
    throw new Error(
      `pathways binary not found at ${bin}. Build it first (cargo build) ` +
        'or point PATHWAYS_BIN at it.',
    );
  }

  const port = await freePort();
  const bind = `127.0.0.1:${port}`;
  const baseURL = `http://${bind}`;
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-e2e-'));
  const dbPath = path.join(tmpDir, 'pathways.db');

  let logs = '';
  const appendLog = (prefix) => (chunk) => {
    logs += chunk
      .toString('utf8')
      .split(/(?<=\n)/)
      .map((line) => `${prefix}${line}`)
      .join('');
    if (logs.length > MAX_LOG_CHARS) logs = logs.slice(-MAX_LOG_CHARS);
  };

  const child = spawn(bin, ['serve', '--demo', '--bind', bind], {
    cwd: tmpDir,
    env: {
      ...process.env,
      PATHWAYS_DATABASE_URL: `sqlite://${dbPath}`,
      PATHWAYS_DEMO_PASSWORD: DEMO_PASSWORD,
      RUST_LOG: 'warn',
      ...(options.env ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  child.stdout.on('data', appendLog('[server stdout] '));
  child.stderr.on('data', appendLog('[server stderr] '));

  let exited = null; // { code, signal } once the process has exited
  let spawnError = null;
  const exitPromise = new Promise((resolve) => {
    child.once('error', (err) => {
      spawnError = err;
      liveChildren.delete(child);
      resolve();
    });
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      liveChildren.delete(child);
      resolve();
    });
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited && !spawnError) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exitPromise;
      clearTimeout(timer);
    }
    await rm(tmpDir, { recursive: true, force: true, maxRetries: 3 });
  }

  const getLogs = () => logs;
  function printLogs(heading = 'pathways server output') {
    const body = logs.trim() === '' ? '(no output)' : logs.trimEnd();
    process.stderr.write(`\n----- ${heading} (${baseURL}) -----\n${body}\n----- end -----\n`);
  }

  // Wait for /readyz.
  const deadline = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  let lastProblem = 'no attempt yet';
  for (;;) {
    if (spawnError) {
      await stop();
      throw new Error(`could not start ${bin}: ${spawnError.message}`);
    }
    if (exited) {
      await stop();
      throw new Error(
        `pathways exited before it was ready (code ${exited.code}, signal ${exited.signal}).\n` +
          `--- server output ---\n${logs}`,
      );
    }
    try {
      const res = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer().catch(() => {});
      if (res.status === 200) break;
      lastProblem = `GET /readyz returned ${res.status}`;
    } catch (err) {
      lastProblem = `GET /readyz failed: ${err.cause?.code ?? err.message}`;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `pathways did not become ready at ${baseURL} within ` +
          `${Math.round((options.readyTimeoutMs ?? READY_TIMEOUT_MS) / 1000)} s ` +
          `(${lastProblem}).\n--- server output ---\n${logs}`,
      );
    }
    await sleep(200);
  }

  return { baseURL, port, tmpDir, dbPath, stop, getLogs, printLogs };
}
