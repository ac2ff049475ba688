// TEMPORARY (issue 14 migration): the old loop entry points over the new ones, so the tree
// compiles while each service moves to eachItem/batched. Deleted when no service imports it.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OperationContext } from '../operation';
import type { ApiClient } from '../transport/client';
import { batched, eachItem, type Entry, type ItemResult } from './index';
import { mapConcurrent } from './map-concurrent';
import { assembleOutput } from './outcomes';

export { assembleOutput } from './outcomes';
export { failOnInvalid, prepareAll } from './prepare';
export { mapConcurrent, type Settled } from './map-concurrent';
export type { ItemResult, Entry } from './index';

type Op = OperationContext<ApiClient>;

export function perItem(handler: (op: Op, itemIndex: number) => Promise<ItemResult>) {
	return eachItem<ApiClient>(handler);
}

export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<ItemResult>,
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const indexes = ctx.getInputData().map((_, index) => index);
	return assembleOutput(ctx, await mapConcurrent(indexes, concurrency, handler, !ctx.continueOnFail()));
}

export interface GroupedRun<E extends Entry> {
	prepare(itemIndex: number): E;
	groupKey?(entry: E): string;
	conflicts?(group: E[]): Array<{ entry: E; error: Error }>;
	send(group: E[]): Promise<ItemResult[]>;
}

export async function runGrouped<E extends Entry>(op: Op, run: GroupedRun<E>): Promise<INodeExecutionData[]> {
	return await batched<ApiClient, E>(() => run)(op);
}

export async function runPrepared<P>(
	op: Op,
	prepare: (itemIndex: number) => P,
	send: (prepared: P, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	return await runGrouped<Entry & { value: P }>(op, {
		prepare: (itemIndex) => ({ itemIndex, value: prepare(itemIndex) }),
		send: async ([entry]) => [await send(entry.value, entry.itemIndex)],
	});
}
