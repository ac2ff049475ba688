import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { asItemError } from '../../common/items/item-errors';
import { mapConcurrent, type Settled } from '../../common/items/map-concurrent';
import { assembleOutput, type ItemResult } from '../../common/items/run-items';
import type { OperationContext } from '../../common/operation';

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
	/** Sends one group; returns one output per entry, in the group's order. */
	send(group: E[]): Promise<IDataObject[]>;
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
	const continueOnFail = ctx.continueOnFail();
	const prepared: Array<Settled<E>> = ctx.getInputData().map((_, itemIndex) => {
		try {
			return { ok: true, value: run.prepare(itemIndex) };
		} catch (error) {
			return { ok: false, error };
		}
	});
	if (run.conflicts) {
		for (const group of groupsOf(prepared, run.groupKey)) {
			for (const { entry, error } of run.conflicts(group)) prepared[entry.itemIndex] = { ok: false, error };
		}
	}
	if (!continueOnFail) {
		const first = prepared.findIndex((p) => !p.ok);
		if (first >= 0) throw asItemError(ctx, (prepared[first] as { error: unknown }).error, first);
	}

	const groups = groupsOf(prepared, run.groupKey);
	const sent = await mapConcurrent(groups, op.settings.concurrency, async (group) => await run.send(group), !continueOnFail);

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
