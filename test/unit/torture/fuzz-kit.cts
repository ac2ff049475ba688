// Shared pieces of the fuzz suites (issue 8): hostile field values, and the one property every
// validator must keep — it returns a value that is well-formed JSON and passes its own schema
// again, or throws a NodeOperationError that names the item and the field(s) at fault.
import fc from 'fast-check';
import { NodeOperationError, type INode } from 'n8n-workflow';
import type { z } from 'zod';
import { validateInput } from '../../../nodes/common/validation';

export const NUM_RUNS = 200;

/**
 * CI runs one fixed seed, so a landing never depends on the draw; everywhere else each run draws
 * a new one (that is how the NaN/Infinity and prototype-key bugs were found). FUZZ_SEED replays
 * a reported failure.
 */
const FIXED_CI_SEED = 20261122;
const seed = process.env.FUZZ_SEED
	? Number(process.env.FUZZ_SEED)
	: process.env.CI
		? FIXED_CI_SEED
		: undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
export const node: INode = {
	id: 'fuzz',
	name: 'Fuzz',
	type: 'n8n-nodes-career-credentials.fuzz',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Boundary texts: empty, blanks, control characters, huge, look-alike dates and URLs, markup. */
const boundaryText = fc.constantFrom(
	'',
	' ',
	'\t\n',
	'\u0000',
	'\u200b',
	'x'.repeat(10_000),
	'🎓'.repeat(300),
	'2024-02-29',
	'2023-02-29',
	'0000-00-00',
	'9999-12-31',
	'2024-13-01',
	'2024-1-1',
	' 2024-05-01 ',
	'2024',
	'24',
	'https://example.org/a.pdf',
	'http://',
	'ftp://example.org/',
	'javascript:alert(1)',
	'<script>alert(1)</script>',
	'a@b.co',
	'not an email',
	'custom.mentor',
	'custom.',
	'{"AND":[]}',
	'__proto__',
	'constructor',
	'null',
	'NaN',
);

/** Any value an expression or a JSON field could hand a node for one field. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 3, arbitrary: boundaryText },
	{ weight: 1, arbitrary: fc.integer() },
	{ weight: 1, arbitrary: fc.double() },
	{ weight: 1, arbitrary: fc.constantFrom(0, -1, 2024, Number.MAX_SAFE_INTEGER, NaN, Infinity) },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constantFrom(null, undefined) },
	{
		weight: 1,
		arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 10 }), boundaryText), { maxLength: 4 }),
	},
	// fast-check's dictionaries are sometimes null-prototype objects, and keys may be "toString":
	// both make String() throw, which the Certifier mapping once let escape.
	{
		weight: 1,
		arbitrary: fc.dictionary(
			fc.constantFrom('toString', 'valueOf', 'a', 'b'),
			fc.string({ maxLength: 8 }),
			{ maxKeys: 3 },
		),
	},
	{
		weight: 1,
		arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), {
			maxKeys: 3,
		}),
	},
);

/** An object with a random subset of `keys` (plus, sometimes, a stray key), each a hostile value. */
export function recordOf(
	keys: readonly string[],
	values: fc.Arbitrary<unknown> = fieldValue,
): fc.Arbitrary<Record<string, unknown>> {
	const shape = Object.fromEntries(keys.map((k) => [k, values]));
	return fc
		.tuple(
			fc.record(shape, { requiredKeys: [] }),
			fc.option(fc.tuple(fc.constantFrom('extra', 'Full_Name', '__proto__x'), values), {
				nil: undefined,
			}),
		)
		.map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}

export const itemIndex = fc.nat({ max: 999 });

/** JSON as it would travel: serialisable, and equal after a round trip (no NaN, undefined holes, cycles). */
export function expectWellFormedJson(value: unknown): void {
	const text = JSON.stringify(value);
	expect(typeof text).toBe('string');
	expect(JSON.parse(text)).toEqual(value);
}

/** The only failure allowed: a NodeOperationError naming the item and the fields at fault. */
export function expectNamedError(
	error: unknown,
	index: number,
	options: { fieldless?: RegExp } = {},
): void {
	if (!(error instanceof NodeOperationError))
		throw new Error(`escaped a non-NodeOperationError: ${String(error)}`, { cause: error });
	expect(error.message).toContain(`in item ${index}:`);
	const fields = (error.context.fields ?? []) as string[];
	if (fields.length === 0) {
		// A stray key is named in the message itself (zod gives it no path); otherwise only
		// whole-object rules (e.g. "add at least one field to update") may name no field.
		expect(error.message).toMatch(
			options.fieldless
				? new RegExp(`Unrecognized key|${options.fieldless.source}`)
				: /Unrecognized key\(s\) in object: '/,
		);
		return;
	}
	for (const field of fields) expect(String(error.description)).toContain(`${field}: `);
}

/**
 * validateInput over a hostile value: either the value is accepted, is JSON, and the schema
 * accepts what would be sent again (idempotent), or a named NodeOperationError comes out.
 * Returns the accepted value, if any.
 */
export function validateOrNamedError<S extends z.ZodTypeAny>(
	schema: S,
	value: unknown,
	index: number,
	/** reparse false: the schema transforms; sent false: the value is read, not sent as is. */
	options: { fieldless?: RegExp; reparse?: boolean; sent?: boolean } = {},
): z.infer<S> | undefined {
	let accepted: z.infer<S>;
	try {
		accepted = validateInput(node, schema, value, index, 'input');
	} catch (error) {
		expectNamedError(error, index, options);
		return undefined;
	}
	if (options.sent === false) return accepted;
	expectWellFormedJson(accepted);
	if (options.reparse !== false)
		expect(schema.safeParse(JSON.parse(JSON.stringify(accepted))).success).toBe(true);
	return accepted;
}

/**
 * A valid object with a random subset of its fields replaced by hostile values (or removed),
 * so both sides of every validator are reached: a purely random object almost never passes.
 */
export function mutated(
	base: Record<string, unknown>,
	values: fc.Arbitrary<unknown> = fieldValue,
): fc.Arbitrary<Record<string, unknown>> {
	const keys = Object.keys(base);
	return fc
		.tuple(
			fc.subarray(keys, { maxLength: 2 }),
			fc.array(values, { minLength: 2, maxLength: 2 }),
			fc.boolean(),
		)
		.map(([hit, vals, drop]) => {
			const out = { ...base };
			hit.forEach((k, i) => {
				if (drop && i === 0) delete out[k];
				else out[k] = vals[i];
			});
			return out;
		});
}

/** Counts outcomes so a suite can show it reached both acceptance and refusal. */
export class Outcomes {
	accepted = 0;
	refused = 0;
	note<T>(value: T | undefined): T | undefined {
		if (value === undefined) this.refused += 1;
		else this.accepted += 1;
		return value;
	}
	expectBoth(): void {
		expect(this.accepted).toBeGreaterThan(0);
		expect(this.refused).toBeGreaterThan(0);
	}
}
