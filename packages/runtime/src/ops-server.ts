import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { listen } from './listen';
import type { Logger } from './logger';

/** A named dependency check. It must be cheap and synchronous: it reads connection state. */
export interface ReadinessCheck {
  name: string;
  isReady(): boolean;
}

export interface OpsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  checks: ReadinessCheck[];
  logger: Logger;
}

export interface OpsServer {
  readonly port: number;
  /** Readiness goes false at once (load balancers stop sending), the server keeps answering. */
  markDraining(): void;
  close(): Promise<void>;
}

/**
 * Serves the operational endpoints:
 * - /healthz: the process is alive and its event loop answers.
 * - /readyz: every dependency is connected and the process is not draining.
 * - /metrics: Prometheus text format.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  let draining = false;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${ENDPOINTS} answer GET and HEAD only`);
      return;
    }
    switch (path) {
      case '/healthz':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/readyz': {
        const checks = Object.fromEntries(options.checks.map((c) => [c.name, safeCheck(c)]));
        const ready = !draining && Object.values(checks).every(Boolean);
        sendJson(res, ready ? 200 : 503, { ready, draining, checks });
        return;
      }
      case '/metrics':
        options.registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
          (err: unknown) => {
            options.logger.error({ err }, 'metrics collection failed');
            sendError(res, 500, 'METRICS_FAILED', 'collecting the metrics failed; see the logs');
          },
        );
        return;
      default:
        sendError(res, 404, 'NOT_FOUND', `no such endpoint; ${ENDPOINTS} exist`);
    }
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, { host: options.host, port: options.port, setting: 'OPS_PORT' });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ host: options.host, port }, 'ops endpoints listening');
  return {
    port,
    markDraining: () => {
      draining = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeCheck(check: ReadinessCheck): boolean {
  try {
    return check.isReady();
  } catch {
    return false;
  }
}

const ENDPOINTS = '/healthz, /readyz and /metrics';

/** The same error shape as the services' HTTP APIs: {"error": {"code", "message"}}. */
function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
