import type { INodeExecutionData } from 'n8n-workflow';
import { asItemError } from '../../common/items/item-errors';
import { mapConcurrent, type Settled } from '../../common/items/map-concurrent';
import { assembleOutput, type ItemResult } from '../../common/items/run-items';
import type { OperationContext } from '../../common/operation';

/** Reads and validates every item's input; a failure stays with its item. */
export function prepareAll<P>(op: OperationContext, prepare: (itemIndex: number) => P): Array<Settled<P>> {
	return op.ctx.getInputData().map((_, itemIndex) => {
		try {
			return { ok: true, value: prepare(itemIndex) };
		} catch (error) {
			return { ok: false, error };
		}
	});
}

/** Without "Continue on Fail", one invalid item stops the run before any request is sent. */
export function failOnInvalid<P>(op: OperationContext, prepared: Array<Settled<P>>): void {
	if (op.ctx.continueOnFail()) return;
	const first = prepared.findIndex((p) => !p.ok);
	if (first >= 0) throw asItemError(op.ctx, (prepared[first] as { error: unknown }).error, first);
}

/**
 * Like perItem, but every item is validated first: bad input anywhere fails the run (or becomes
 * that item's error item under "Continue on Fail") before the first request goes out.
 */
export async function runPrepared<P>(
	op: OperationContext,
	prepare: (itemIndex: number) => P,
	send: (prepared: P, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const prepared = prepareAll(op, prepare);
	failOnInvalid(op, prepared);
	const outcomes = await mapConcurrent(
		prepared,
		op.settings.concurrency,
		async (p, itemIndex) => {
			if (!p.ok) throw p.error;
			return await send(p.value, itemIndex);
		},
		!op.ctx.continueOnFail(),
	);
	return assembleOutput(op.ctx, outcomes);
}
