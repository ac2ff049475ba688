// Parameters without an expression are read from n8n once per execution, not once per item;
// anything holding an expression (also deep inside a collection) is still read per item.
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { ItemParams } from '../../../nodes/common/item-params';
import { holdsNoExpression } from '../../../nodes/common/items/parameter-cache';

const ITEMS = 50;

function fakeContext(parameters: INode['parameters']) {
	const calls: Record<string, number> = {};
	let getNodeCalls = 0;
	const node: INode = {
		id: 'n1',
		name: 'Work',
		type: 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const ctx = {
		getNode: () => {
			getNodeCalls += 1;
			return structuredClone(node);
		},
		// Stands in for n8n: an expression resolves per item, anything else is its stored value
		// (a fresh copy, as n8n's getParameterValue makes one), absent gives the fallback.
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback: unknown,
			options?: { extractValue?: boolean },
		) => {
			calls[name] = (calls[name] ?? 0) + 1;
			const stored = name
				.split('.')
				.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], parameters);
			const resolve = (v: unknown): unknown =>
				typeof v === 'string' && v.startsWith('=')
					? `${v.slice(1)}#${itemIndex}`
					: Array.isArray(v)
						? v.map(resolve)
						: v !== null && typeof v === 'object'
							? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]))
							: v;
			const value = resolve(stored ?? fallback);
			return options?.extractValue && value && typeof value === 'object' && 'value' in value
				? (value as { value: unknown }).value
				: value;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls, getNodeCalls: () => getNodeCalls };
}

test('a constant is read once for all items; an expression once per item', () => {
	const { ctx, calls } = fakeContext({
		groupId: 'g-1',
		email: '={{ $json.email }}',
		options: { locale: 'en', note: 'fixed' },
		attributes: { pair: [{ name: 'a', value: '={{ $json.a }}' }] },
		design: { __rl: true, mode: 'id', value: 'd-7' },
	});
	const read = Array.from({ length: ITEMS }, (_, i) => {
		const p = new ItemParams(ctx, i, 'credential');
		return {
			groupId: p.text('groupId'),
			email: p.text('email'),
			options: p.collection('options'),
			attributes: p.collection('attributes'),
			design: p.locator('design'),
			absent: p.raw('hidden', 'dflt'),
		};
	});
	expect(calls).toEqual({
		groupId: 1,
		options: 1,
		design: 1,
		hidden: 1,
		// Not cached: an expression, and a collection with one inside it.
		email: ITEMS,
		attributes: ITEMS,
	});
	expect(read[7]).toEqual({
		groupId: 'g-1',
		email: '{{ $json.email }}#7',
		options: { locale: 'en', note: 'fixed' },
		attributes: { pair: [{ name: 'a', value: '{{ $json.a }}#7' }] },
		design: 'd-7',
		absent: 'dflt',
	});
});

test('each item gets its own copy of a cached collection', () => {
	const { ctx } = fakeContext({ options: { locale: 'en' } });
	const first = new ItemParams(ctx, 0, 'x').collection('options');
	first.locale = 'changed by item 0';
	expect(new ItemParams(ctx, 1, 'x').collection('options')).toEqual({ locale: 'en' });
});

test('the cache lives per execution context: a new run reads again', () => {
	const a = fakeContext({ groupId: 'g-1' });
	const b = fakeContext({ groupId: 'g-2' });
	expect(new ItemParams(a.ctx, 0, 'x').text('groupId')).toBe('g-1');
	expect(new ItemParams(b.ctx, 0, 'x').text('groupId')).toBe('g-2');
	expect(a.getNodeCalls()).toBe(1);
});

test('the node is copied once per execution, also for validation errors of many items', () => {
	const { ctx, getNodeCalls } = fakeContext({});
	for (let i = 0; i < ITEMS; i++)
		expect(() => new ItemParams(ctx, i, 'credential').fail('email', 'is required')).toThrow(
			`item ${i}`,
		);
	expect(getNodeCalls()).toBe(1);
});

test('holdsNoExpression looks at every depth', () => {
	expect(holdsNoExpression('plain')).toBe(true);
	expect(holdsNoExpression(undefined)).toBe(true);
	expect(holdsNoExpression('={{ 1 }}')).toBe(false);
	expect(holdsNoExpression({ a: [{ b: 1 }, { c: '=x' }] })).toBe(false);
	expect(holdsNoExpression({ a: [{ b: 1 }, { c: 'x=' }] })).toBe(true);
});
