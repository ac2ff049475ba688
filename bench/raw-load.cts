// Child process of raw-bound.cts: autocannon sends `amount` requests and reports the wall time.
// A separate process so the load generator does not share the sandbox's event loop.
import autocannon, { type Result } from 'autocannon';

interface Job {
	url: string;
	amount: number;
	connections: number;
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
}

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2]) as Job;
	let answered = 0;
	let lastAt = 0;
	const t0 = performance.now();
	// autocannon resolves on its 1-second sampling tick; the wall time is taken at the last response.
	const result = await new Promise<Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: job.url,
				amount: job.amount,
				connections: Math.min(job.connections, job.amount),
				method: job.method,
				headers: job.headers,
				body: job.body,
				idReplacement: true,
				timeout: 60,
			},
			(error, r) => (error ? reject(error) : resolve(r)),
		);
		instance.on('response', () => {
			answered += 1;
			lastAt = performance.now();
		});
	});
	const ms = (answered > 0 ? lastAt : performance.now()) - t0;
	process.stdout.write(
		JSON.stringify({
			ms,
			answered,
			requests: result.requests.sent ?? result.requests.total,
			non2xx: result.non2xx,
			errors: result.errors,
		}) + '\n',
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
