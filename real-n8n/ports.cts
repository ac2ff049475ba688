// Free loopback ports chosen by the OS, so parallel n8n instances (and other
// tests) never collide on a fixed number.
import * as net from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

/** `count` distinct free ports (held open together so the OS cannot hand out one twice). */
export async function freePorts(count: number): Promise<number[]> {
	const servers: net.Server[] = [];
	try {
		for (let i = 0; i < count; i++) {
			const srv = net.createServer();
			servers.push(srv);
			await new Promise<void>((resolve, reject) => {
				srv.on('error', reject);
				srv.listen(0, '127.0.0.1', () => resolve());
			});
		}
		return servers.map((s) => (s.address() as net.AddressInfo).port);
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	}
}
