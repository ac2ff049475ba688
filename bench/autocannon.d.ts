// The part of autocannon's API bench/raw-load.cts uses (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		amount?: number;
		connections?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		idReplacement?: boolean;
		timeout?: number;
	}
	export interface Result {
		requests: { sent?: number; total: number };
		non2xx: number;
		errors: number;
		duration: number;
	}
	interface Instance {
		on(event: 'response', listener: (...args: unknown[]) => void): Instance;
	}
	function autocannon(options: Options): Promise<Result>;
	function autocannon(
		options: Options,
		callback: (error: Error | null, result: Result) => void,
	): Instance;
	export default autocannon;
}
