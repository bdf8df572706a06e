/**
 * `npm start` serves the built site as a static host does (scripts/serve.ts):
 * a report's address without its trailing slash is redirected to the address
 * with it, and an unknown address gets the site's Chinese 404 page.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../scripts/serve.ts';
import { distDir } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';

let server: Server;
let origin: string;

beforeAll(async () => {
  const started = await serveSite({ dir: distDir, port: 0, host: '127.0.0.1', base: '/' });
  server = started.server;
  origin = started.url.replace(/\/$/, '');
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

describe('npm start', () => {
  it('redirects every report address without its trailing slash to the address with it, keeping the query', async () => {
    for (const { slug } of readReports()) {
      const response = await get(`/reports/${slug}?highlight=x`);
      expect(response.status, slug).toBe(301);
      expect(response.headers.get('location')).toBe(`/reports/${slug}/?highlight=x`);
      const page = await get(`/reports/${slug}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('answers an unknown address with the site’s 404 page, status 404', async () => {
    const response = await get('/reports/no-such-report');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面未找到');
  });

  it('serves files as they are, never redirecting them', async () => {
    const feed = await get('/rss.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  });
});
