// Open TCP connections to the sandbox: how many are open now, the most open at once since the
// last reset and how many were opened. Benchmarks read it to show how many sockets a client
// keeps (one per request in flight, or one per item); it never changes how requests are served.
import type { Server, Socket } from 'node:net';

export interface ConnectionStats {
	/** Open right now. */
	open: number;
	/** Most open at the same time since the last reset (at least `open` at reset time). */
	peak: number;
	/** Opened since the last reset. */
	opened: number;
}

export interface ConnectionCounter {
	stats(): ConnectionStats;
	/** Starts a new measurement window: peak = open now, opened = 0. Returns the stats before. */
	reset(): ConnectionStats;
	/** The counter's own listener on a socket (exposed for tests). */
	track(socket: Socket): void;
}

export function createConnectionCounter(): ConnectionCounter {
	let open = 0;
	let peak = 0;
	let opened = 0;
	const stats = (): ConnectionStats => ({ open, peak, opened });
	return {
		stats,
		reset() {
			const before = stats();
			peak = open;
			opened = 0;
			return before;
		},
		track(socket) {
			open += 1;
			opened += 1;
			if (open > peak) peak = open;
			socket.once('close', () => {
				open -= 1;
			});
		},
	};
}

/** Counts every connection the server accepts from now on. */
export function countConnections(server: Server): ConnectionCounter {
	const counter = createConnectionCounter();
	server.on('connection', (socket: Socket) => counter.track(socket));
	return counter;
}
