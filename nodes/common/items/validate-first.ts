import type { IExecuteFunctions } from 'n8n-workflow';
import { asItemError } from './item-errors';
import type { Settled } from './map-concurrent';

/** Reads and validates every item's input up front; a failure stays with its item. */
export function prepareAll<P>(ctx: IExecuteFunctions, prepare: (itemIndex: number) => P): Array<Settled<P>> {
	return ctx.getInputData().map((_, itemIndex) => {
		try {
			return { ok: true, value: prepare(itemIndex) };
		} catch (error) {
			return { ok: false, error };
		}
	});
}

/** Without "Continue on Fail", one invalid item stops the run before any request is sent. */
export function failOnInvalid<P>(ctx: IExecuteFunctions, prepared: Array<Settled<P>>): void {
	if (ctx.continueOnFail()) return;
	const first = prepared.findIndex((p) => !p.ok);
	if (first >= 0) throw asItemError(ctx, (prepared[first] as { error: unknown }).error, first);
}
