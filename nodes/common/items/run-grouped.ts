import type { INodeExecutionData } from 'n8n-workflow';
import type { OperationContext } from '../operation';
import { mapConcurrent, type Settled } from './map-concurrent';
import { assembleOutput, type ItemResult } from './run-items';
import { failOnInvalid, prepareAll } from './validate-first';

export interface Entry {
	itemIndex: number;
}

export interface GroupedRun<E extends Entry> {
	/** Reads and checks one item; throws naming the item and field. */
	prepare(itemIndex: number): E;
	/** Items with the same key share a request; undefined keeps every item on its own. */
	groupKey?(entry: E): string;
	/** Problems only a whole group shows (e.g. one id twice): the entries at fault and why. */
	conflicts?(group: E[]): Array<{ entry: E; error: Error }>;
	/** Sends one group; returns one result per entry, in the group's order. */
	send(group: E[]): Promise<ItemResult[]>;
}

function groupsOf<E extends Entry>(prepared: Array<Settled<E>>, key: ((entry: E) => string) | undefined): E[][] {
	const groups = new Map<string, E[]>();
	for (const p of prepared) {
		if (!p.ok) continue;
		const k = key ? key(p.value) : `item:${p.value.itemIndex}`;
		const group = groups.get(k) ?? [];
		group.push(p.value);
		groups.set(k, group);
	}
	return [...groups.values()];
}

/**
 * Validates every item first, then sends them in groups with bounded concurrency; each input
 * item gets its own output (or error item), linked to it. Without "Continue on Fail", an invalid
 * item anywhere stops the run before the first request. A failed request fails every item in it.
 */
export async function runGrouped<E extends Entry>(op: OperationContext, run: GroupedRun<E>): Promise<INodeExecutionData[]> {
	const { ctx } = op;
	const prepared = await prepareAll(ctx, run.prepare);
	if (run.conflicts) {
		for (const group of groupsOf(prepared, run.groupKey)) {
			for (const { entry, error } of run.conflicts(group)) prepared[entry.itemIndex] = { ok: false, error };
		}
	}
	failOnInvalid(ctx, prepared);

	const groups = groupsOf(prepared, run.groupKey);
	const sent = await mapConcurrent(groups, op.settings.concurrency, async (group) => await run.send(group), !ctx.continueOnFail());

	const outcomes: Array<Settled<ItemResult> | undefined> = prepared.map((p) => (p.ok ? undefined : p));
	groups.forEach((group, g) => {
		const result = sent[g];
		if (!result) return;
		group.forEach((entry, position) => {
			outcomes[entry.itemIndex] = result.ok ? { ok: true, value: result.value[position] } : result;
		});
	});
	return assembleOutput(ctx, outcomes);
}

/**
 * One request per item, but every item validated first: bad input anywhere fails the run (or
 * becomes that item's error item under "Continue on Fail") before the first request goes out.
 */
export async function runPrepared<P>(
	op: OperationContext,
	prepare: (itemIndex: number) => P,
	send: (prepared: P, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	return await runGrouped<Entry & { value: P }>(op, {
		prepare: (itemIndex) => ({ itemIndex, value: prepare(itemIndex) }),
		send: async ([entry]) => [await send(entry.value, entry.itemIndex)],
	});
}
