export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs fn over inputs with at most `limit` calls in flight; results keep input order.
 * With stopOnError, no new call starts after the first failure (calls in flight finish), and the
 * inputs never started are reported as undefined.
 */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	limit: number,
	fn: (input: T, index: number) => Promise<R>,
	stopOnError = false,
): Promise<Array<Settled<R> | undefined>> {
	const results: Array<Settled<R> | undefined> = new Array(inputs.length);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < inputs.length) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await fn(inputs[index], index) };
			} catch (error) {
				results[index] = { ok: false, error };
				if (stopOnError) stopped = true;
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, inputs.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return results;
}
