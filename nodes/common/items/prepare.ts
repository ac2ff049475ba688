import { sleep, type IExecuteFunctions } from 'n8n-workflow';
import { asItemError } from './item-errors';
import type { Settled } from './map-concurrent';

/**
 * Longest stretch of item reading without giving the event loop a turn. n8n's process must keep
 * serving (editor, REST polls, and in queue mode the job lock a worker renews) while thousands of
 * items are read and validated: 5,000 SmartResume items took seconds of uninterrupted work, long
 * enough for n8n to drop the connections of REST clients waiting on it.
 */
const SLICE_MS = 20;

/** Reads and validates every item's input up front; a failure stays with its item. */
export async function prepareAll<P>(
	ctx: IExecuteFunctions,
	prepare: (itemIndex: number) => P,
): Promise<Array<Settled<P>>> {
	const count = ctx.getInputData().length;
	const prepared: Array<Settled<P>> = [];
	let sliceStart = Date.now();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		if (Date.now() - sliceStart >= SLICE_MS) {
			await sleep(0);
			sliceStart = Date.now();
		}
		try {
			prepared.push({ ok: true, value: prepare(itemIndex) });
		} catch (error) {
			prepared.push({ ok: false, error });
		}
	}
	return prepared;
}

/** Without "Continue on Fail", one invalid item stops the run before any request is sent. */
export function failOnInvalid<P>(ctx: IExecuteFunctions, prepared: Array<Settled<P>>): void {
	if (ctx.continueOnFail()) return;
	const first = prepared.findIndex((p) => !p.ok);
	if (first >= 0) throw asItemError(ctx, (prepared[first] as { error: unknown }).error, first);
}
