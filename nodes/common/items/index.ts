/**
 * The item loop, written once: every operation's execute comes from eachItem or batched. They
 * own bounded concurrency, Continue on Fail, error items and pairedItem; operations only read an
 * item, call their client and shape the answer.
 */
import type { Operation, OperationContext } from '../operation';
import { mapConcurrent, type Settled } from './map-concurrent';
import { assembleOutput, type ItemResult, type Outcome } from './outcomes';
import { failOnInvalid, prepareAll } from './prepare';

export type { ItemResult } from './outcomes';
export type { Settled } from './map-concurrent';

/** Handles one input item: returns its output (one or more items) or throws. */
export type ItemHandler<C> = (op: OperationContext<C>, itemIndex: number) => Promise<ItemResult>;

/**
 * One request (or a few) per item, items independent. Without "Continue on Fail" no new item
 * starts after a failure, and the run fails naming the first failed item.
 */
export function eachItem<C>(handler: ItemHandler<C>): Operation<C>['execute'] {
	return async (op) => {
		const indexes = op.ctx.getInputData().map((_, index) => index);
		const outcomes = await mapConcurrent(
			indexes,
			op.settings.concurrency,
			async (itemIndex) => await handler(op, itemIndex),
			!op.ctx.continueOnFail(),
		);
		return assembleOutput(op.ctx, outcomes);
	};
}

/** What every prepared entry carries: the input item it was read from. */
export interface Entry {
	itemIndex: number;
}

const FAILED = Symbol('failed');

/** One entry's failure inside a group that otherwise succeeded. */
export interface Failed {
	[FAILED]: unknown;
}

/** Marks one entry of a group as failed, e.g. when only part of a request's answer is usable. */
export function failed(error: unknown): Failed {
	return { [FAILED]: error };
}

function isFailed(value: unknown): value is Failed {
	return value !== null && typeof value === 'object' && FAILED in value;
}

interface BatchCommon<E extends Entry> {
	/** Reads and checks one item; throws naming the item and field. Runs for every item first. */
	prepare(itemIndex: number): E;
	/** Items with the same key share a request; without it every item is sent on its own. */
	groupKey?(entry: E): string;
	/** Problems only a whole group shows (e.g. one id twice): the entries at fault and why. */
	conflicts?(group: E[]): Array<{ entry: E; error: Error }>;
}

/** Each entry gets its own output: send returns one result (or failed(...)) per entry, in order. */
export interface PerItemBatch<E extends Entry> extends BatchCommon<E> {
	output?: 'perItem';
	send(group: E[]): Promise<Array<ItemResult | Failed>>;
}

/** A group gets one output, at its first item, linked to every item of the group. */
export interface PerGroupBatch<E extends Entry> extends BatchCommon<E> {
	output: 'perGroup';
	send(group: E[]): Promise<ItemResult>;
}

export type Batch<E extends Entry> = PerItemBatch<E> | PerGroupBatch<E>;

function groupsOf<E extends Entry>(
	prepared: ReadonlyArray<Settled<E>>,
	key: ((entry: E) => string) | undefined,
): E[][] {
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
 * Validates every item first, then sends them in groups with bounded concurrency. Without
 * "Continue on Fail", an invalid item anywhere stops the run before the first request; a failed
 * request fails every item in it. The batch is described per execution, so it can read
 * execution-wide settings (e.g. whether to group at all).
 */
export function batched<C, E extends Entry>(
	describe: (op: OperationContext<C>) => Batch<E>,
): Operation<C>['execute'] {
	return async (op) => {
		const { ctx } = op;
		const batch = describe(op);
		const prepared = await prepareAll(ctx, (itemIndex) => batch.prepare(itemIndex));
		if (batch.conflicts) {
			for (const group of groupsOf(prepared, batch.groupKey)) {
				for (const { entry, error } of batch.conflicts(group)) {
					prepared[entry.itemIndex] = { ok: false, error };
				}
			}
		}
		failOnInvalid(ctx, prepared);

		const groups = groupsOf(prepared, batch.groupKey);
		const sent = await inParallel(op, groups, async (group) =>
			batch.output === 'perGroup' ? [await batch.send(group)] : await batch.send(group),
		);
		const outcomes: Outcome[] = prepared.map((p) => (p.ok ? undefined : p));
		const pairedWith = new Map<number, number[]>();
		groups.forEach((group, g) => {
			const result = sent[g];
			if (!result) return;
			if (batch.output === 'perGroup' && result.ok) {
				pairedWith.set(
					group[0].itemIndex,
					group.map((entry) => entry.itemIndex),
				);
			}
			group.forEach((entry, position) => {
				outcomes[entry.itemIndex] = outcomeOf(result, position, batch.output === 'perGroup');
			});
		});
		return assembleOutput(ctx, outcomes, pairedWith);
	};
}

function outcomeOf(
	result: Settled<Array<ItemResult | Failed>>,
	position: number,
	perGroup: boolean,
): Outcome {
	if (!result.ok) return result;
	if (perGroup) return { ok: true, value: position === 0 ? (result.value[0] as ItemResult) : [] };
	const value = result.value[position];
	return isFailed(value) ? { ok: false, error: value[FAILED] } : { ok: true, value };
}

/**
 * Requests inside one operation (e.g. chunks of ids) with the execution's concurrency; without
 * "Continue on Fail" nothing new starts after a failure (those inputs stay undefined).
 */
export async function inParallel<T, R>(
	op: OperationContext<unknown>,
	inputs: readonly T[],
	fn: (input: T, index: number) => Promise<R>,
): Promise<Array<Settled<R> | undefined>> {
	return await mapConcurrent(inputs, op.settings.concurrency, fn, !op.ctx.continueOnFail());
}
