import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asItemError, errorItem } from './item-errors';
import { mapConcurrent } from './map-concurrent';

/** What an operation returns for one input item: one or more JSON objects or full items. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		value !== null &&
		typeof value === 'object' &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

function toItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/**
 * Turns per-input outcomes into the node's output, in input order: results are linked to their
 * input by pairedItem; a failure becomes an error item under "Continue on Fail" and otherwise
 * fails the run naming the first failed item. Nothing is dropped.
 */
export function assembleOutput(
	ctx: IExecuteFunctions,
	outcomes: ReadonlyArray<{ ok: true; value: ItemResult } | { ok: false; error: unknown } | undefined>,
): INodeExecutionData[] {
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome === undefined) return;
		if (outcome.ok) {
			output.push(...toItems(outcome.value, itemIndex));
			return;
		}
		const error = asItemError(ctx, outcome.error, itemIndex);
		if (!continueOnFail) throw error;
		output.push(errorItem(error, itemIndex));
	});
	return output;
}

/**
 * Runs handler once per input item with bounded concurrency. Without "Continue on Fail" no new
 * item starts after a failure, and the run fails on the first failed item.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<ItemResult>,
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const indexes = ctx.getInputData().map((_, index) => index);
	const outcomes = await mapConcurrent(indexes, concurrency, handler, !ctx.continueOnFail());
	return assembleOutput(ctx, outcomes);
}
