import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asItemError, errorItem } from './item-errors';
import type { Settled } from './map-concurrent';

/** What an operation returns for one input item: one or more JSON objects or full items. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** An item's outcome: its result, its failure, or undefined when it never ran (the run stopped). */
export type Outcome = Settled<ItemResult> | undefined;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		value !== null &&
		typeof value === 'object' &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

function toItems(
	result: ItemResult,
	pairedItem: INodeExecutionData['pairedItem'],
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry) ? { ...entry, pairedItem } : { json: entry as IDataObject, pairedItem },
	);
}

/**
 * Turns per-input outcomes into the node's output, in input order: results are linked to their
 * input (or to every input in `pairedWith`) by pairedItem; a failure becomes an error item under
 * "Continue on Fail" and otherwise fails the run naming the first failed item. Nothing is dropped.
 */
export function assembleOutput(
	ctx: IExecuteFunctions,
	outcomes: readonly Outcome[],
	pairedWith: ReadonlyMap<number, number[]> = new Map(),
): INodeExecutionData[] {
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome === undefined) return;
		if (outcome.ok) {
			const inputs = pairedWith.get(itemIndex);
			const paired =
				inputs && inputs.length > 1 ? inputs.map((item) => ({ item })) : { item: itemIndex };
			output.push(...toItems(outcome.value, paired));
			return;
		}
		const error = asItemError(ctx, outcome.error, itemIndex);
		if (!continueOnFail) throw error;
		output.push(errorItem(ctx, error, itemIndex));
	});
	return output;
}
