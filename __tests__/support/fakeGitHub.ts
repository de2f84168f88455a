// A minimal GitHub REST API on 127.0.0.1 for the issue-comment endpoints the action uses, so the bundled action's
// pull-request comment can be checked end to end through the real Octokit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
}

/** Who the fake token belongs to: the identity GitHub gives GITHUB_TOKEN. */
export const TOKEN_USER = 'github-actions[bot]';

export class FakeGitHub {
  readonly comments = new Map<number, FakeComment[]>(); // issue number → comments
  readonly requests: string[] = [];
  /** Answer every request with this status (e.g. 403 for a token without pull-requests: write). */
  forceStatus?: number;
  url = '';
  private server = http.createServer((req, res) => void this.serve(req, res));
  private nextId = 100;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push(`${req.method} ${path}`);
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (this.forceStatus) return send(this.forceStatus, { message: 'Resource not accessible by integration' });
    if (req.headers.authorization !== 'token ghs_fake_token') return send(401, { message: 'Bad credentials' });
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path);
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
    // GITHUB_TOKEN cannot read /user, as on GitHub.
    if (path === '/user') return send(403, { message: 'Resource not accessible by integration' });
    if (list && req.method === 'GET') return send(200, this.comments.get(Number(list[1])) ?? []);
    if (list && req.method === 'POST') {
      const comment = { id: this.nextId++, body: JSON.parse(body).body as string, user: { login: TOKEN_USER } };
      this.comments.set(Number(list[1]), [...(this.comments.get(Number(list[1])) ?? []), comment]);
      return send(201, comment);
    }
    if (one && req.method === 'PATCH') {
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(one[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = JSON.parse(body).body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }
}
