// The physical bound without a rate limit: the best wall time a raw HTTP load generator
// (autocannon, in its own process) achieves for the same requests against the same sandbox.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { Sandbox } from '../sandbox/index.cjs';
import { minimalRequests, type Op } from './matrix.cjs';
import { opDefinition, rawAuthHeaders } from './ops.cjs';
import type { RawBound } from './types.cjs';

const CHILD = path.join(__dirname, 'raw-load.cts');

function runChild(
	nodeBin: string,
	job: Record<string, unknown>,
): Promise<{ ms: number; non2xx: number; errors: number }> {
	return new Promise((resolve, reject) => {
		execFile(
			nodeBin,
			['--require', 'tsx/cjs', CHILD, JSON.stringify(job)],
			{ cwd: path.dirname(__dirname), maxBuffer: 1 << 20, timeout: 600_000 },
			(error, stdout, stderr) => {
				if (error) return reject(new Error(`raw load failed: ${error.message}\n${stderr}`));
				resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
			},
		);
	});
}

export async function rawBound(
	sb: Sandbox,
	op: Op,
	n: number,
	latencyMs: number,
	nodeBin: string,
	connectionCounts = [32, 256],
): Promise<RawBound> {
	const def = opDefinition(op, sb);
	const requests = minimalRequests(op, n);
	const tries: RawBound['tries'] = [];
	for (const connections of connectionCounts) {
		sb.reset();
		sb.setSwitches({ latencyMs, rateLimitPerSecond: 0 });
		const headers = {
			...(await rawAuthHeaders(op, sb)),
			...(def.raw.contentType ? { 'content-type': def.raw.contentType } : {}),
		};
		const r = await runChild(nodeBin, {
			url: `${sb.origin}${def.raw.path}`,
			amount: requests,
			connections,
			method: def.raw.method,
			headers,
			body: def.raw.body,
		});
		tries.push({
			connections: Math.min(connections, requests),
			ms: r.ms,
			non2xx: r.non2xx,
			errors: r.errors,
		});
	}
	sb.reset();
	const clean = tries.filter((t) => t.non2xx === 0 && t.errors === 0);
	const best = (clean.length ? clean : tries).reduce((a, b) => (b.ms < a.ms ? b : a));
	return { op, n, latencyMs, requests, bestMs: best.ms, connections: best.connections, tries };
}
