// The sandbox's connection counter: open, most at once and opened since the last reset, seen
// through Sandbox.connections() and GET/DELETE /_control/connections.
import * as http from 'node:http';
import { createConnectionCounter } from '../../../sandbox/core/connections.cjs';
import { type Sandbox, startSandbox } from '../../../sandbox/index.cjs';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sb?.close();
});

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(check()).toBe(true);
}

test('counts open connections, their peak and how many were opened, per window', async () => {
	sb.app.server.closeIdleConnections();
	await until(() => sb.connections().open === 0);
	sb.resetConnections();
	expect(sb.connections()).toEqual({ open: 0, peak: 0, opened: 0 });

	// Three keep-alive sockets at once, each used twice: 3 opened, peak 3.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 3 });
	const get = () =>
		new Promise<number>((resolve, reject) => {
			http
				.get(`${sb.urls.control}/switches`, { agent }, (res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				})
				.on('error', reject);
		});
	sb.setSwitches({ latencyMs: 0 });
	expect(await Promise.all(Array.from({ length: 6 }, get))).toEqual([200, 200, 200, 200, 200, 200]);
	expect(sb.connections()).toMatchObject({ peak: 3, opened: 3 });
	expect(sb.connections().open).toBeLessThanOrEqual(3);

	// Over the control API: the same figures; DELETE starts a new window and answers the old one.
	const seen = (await (await fetch(`${sb.urls.control}/connections`)).json()) as {
		open: number;
		peak: number;
		opened: number;
	};
	expect(seen.peak).toBeGreaterThanOrEqual(3);
	const before = (await (
		await fetch(`${sb.urls.control}/connections`, { method: 'DELETE' })
	).json()) as { opened: number };
	expect(before.opened).toBeGreaterThanOrEqual(3);
	expect(sb.connections().opened).toBe(0);

	agent.destroy();
	sb.app.server.closeIdleConnections();
	await until(() => sb.connections().open === 0);
	sb.reset();
	expect(sb.connections().opened).toBe(0);
});

test('the counter alone: peak survives closes until reset', () => {
	const counter = createConnectionCounter();
	const sockets = [0, 1].map(() => {
		const listeners: Array<() => void> = [];
		return {
			once: (_e: string, fn: () => void) => listeners.push(fn),
			close: () => listeners.forEach((fn) => fn()),
		};
	});
	for (const s of sockets) counter.track(s as never);
	expect(counter.stats()).toEqual({ open: 2, peak: 2, opened: 2 });
	sockets[0].close();
	expect(counter.stats()).toEqual({ open: 1, peak: 2, opened: 2 });
	expect(counter.reset()).toEqual({ open: 1, peak: 2, opened: 2 });
	expect(counter.stats()).toEqual({ open: 1, peak: 1, opened: 0 });
});
