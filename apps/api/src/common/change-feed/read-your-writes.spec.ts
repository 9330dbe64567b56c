import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ChangeFeed } from './change-feed';
import { readYourWrites } from './read-your-writes';

/** The feed as the middleware sees it: settle() answers when the test says, and what was emptied. */
class FakeFeed {
  settles = 0;
  emptied: (string | null)[] = [];
  private pending: ((arrived: boolean) => void)[] = [];
  settle = () => {
    this.settles++;
    return new Promise<boolean>((resolve) => this.pending.push(resolve));
  };
  changedHere = (change: string | null) => void this.emptied.push(change);
  /** Answers every settle() asked so far. */
  answer(arrived: boolean): void {
    for (const resolve of this.pending.splice(0)) resolve(arrived);
  }
}

describe('readYourWrites', () => {
  let feed: FakeFeed;
  let server: Server;
  let base: string;
  beforeEach(async () => {
    feed = new FakeFeed();
    const app = express();
    app.use(readYourWrites(feed as unknown as ChangeFeed));
    app.get('/thing', (_req, res) => void res.json({ read: true }));
    app.post('/thing', (_req, res) => void res.status(201).json({ written: true }));
    app.delete('/thing', (_req, res) => void res.status(409).json({ code: 'CONFLICT' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  /** Whether the answer has come within `ms`. */
  async function answeredWithin(request: Promise<Response>, ms: number): Promise<boolean> {
    return Promise.race([request.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
  }

  it('lets a read through without waiting for the feed', async () => {
    const res = await fetch(`${base}/thing`);
    expect(await res.json()).toEqual({ read: true });
    expect(feed.settles).toBe(0);
  });

  it("holds a write's answer until the feed has settled, then sends it whole", async () => {
    const request = fetch(`${base}/thing`, { method: 'POST' });
    expect(await answeredWithin(request, 100)).toBe(false);
    expect(feed.settles).toBe(1);
    feed.answer(true);
    const res = await request;
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ written: true });
    expect(feed.emptied).toEqual([]);
  });

  it('holds a refused write too, and empties every cache when the feed cannot settle', async () => {
    const request = fetch(`${base}/thing`, { method: 'DELETE' });
    expect(await answeredWithin(request, 100)).toBe(false);
    feed.answer(false);
    const res = await request;
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ code: 'CONFLICT' });
    expect(feed.emptied).toEqual([null]);
  });
});
