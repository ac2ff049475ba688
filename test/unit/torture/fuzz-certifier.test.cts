// Issue 8, fuzz: Certifier's body mapping (editor values → request body), every body schema and
// the search filter builder under random and boundary values for every field. Only a
// NodeOperationError naming item and field may come out; what passes is well-formed JSON the
// schema accepts again, and a built filter is a tree of string leaves Certifier can read.
import fc from 'fast-check';
import {
	buildFilter,
	CERTIFIER_SEARCH_FIELDS,
	filterConditionSchema,
	parseRawFilter,
	rawFilterSchema,
	type FilterNode,
} from '../../../nodes/Certifier/helpers/filter';
import {
	credentialBody,
	credentialUpdateBody,
	groupBody,
} from '../../../nodes/Certifier/helpers/mapping';
import {
	createCredentialSchema,
	createGroupSchema,
	createIssueSendSchema,
	customAttributeRowsSchema,
	customAttributesSchema,
	searchBodySchema,
	updateCredentialSchema,
	updateGroupSchema,
} from '../../../nodes/Certifier/schemas';
import {
	fieldValue,
	itemIndex,
	mutated,
	NUM_RUNS,
	Outcomes,
	recordOf,
	validateOrNamedError,
} from './fuzz-kit.cjs';

const fields = fc.oneof(
	recordOf(['groupId', 'recipientName', 'recipientEmail', 'issueDate', 'expiryDate']),
	mutated({
		groupId: '01g90279gp5sbmfek7wymcsvec',
		recipientName: 'Ada',
		recipientEmail: 'ada@example.org',
		issueDate: '2026-01-01',
		expiryDate: '2027-01-01',
	}),
);
// The node hands the group id over as text (locatorValue); anything else must still be refused.
const asFields = (f: Record<string, unknown>) => ({ ...f, groupId: f.groupId ?? '' });

test('create and create-issue-send bodies from editor values', () => {
	const create = new Outcomes();
	const send = new Outcomes();
	fc.assert(
		fc.property(fields, itemIndex, (f, index) => {
			const body = credentialBody(asFields(f) as Parameters<typeof credentialBody>[0]);
			create.note(validateOrNamedError(createCredentialSchema, body, index));
			send.note(validateOrNamedError(createIssueSendSchema, body, index));
		}),
		{ numRuns: NUM_RUNS },
	);
	create.expectBoth();
	send.expectBoth();
});

test('update bodies, Clear Expiry Date included', () => {
	const seen = new Outcomes();
	const update = fc.tuple(
		fc.oneof(
			recordOf(['recipientName', 'recipientEmail', 'issueDate', 'expiryDate']),
			mutated({ recipientName: 'Ada', issueDate: '2026-01-01', expiryDate: '2027-01-01' }),
		),
		fc.boolean(),
	);
	fc.assert(
		fc.property(update, itemIndex, ([f, clearExpiryDate], index) => {
			const body = credentialUpdateBody({ ...f, clearExpiryDate });
			seen.note(
				validateOrNamedError(updateCredentialSchema, body, index, {
					fieldless: /add at least one field to update/,
				}),
			);
		}),
		{ numRuns: NUM_RUNS },
	);
	seen.expectBoth();
});

test('custom attribute rows become custom.* tags, each once', () => {
	const rows = fc.array(
		fc.oneof(recordOf(['tag', 'value']), mutated({ tag: 'mentor', value: 'Grace' })),
		{ maxLength: 4 },
	);
	fc.assert(
		fc.property(rows, itemIndex, (value, index) => {
			// The rows become Certifier's object, which the node then checks as part of the body
			// (nodes/Certifier/helpers/credential-input.ts): a tag the rows let through but Certifier
			// would not take ("custom.a b") must be refused there, by name, before it is sent.
			const ok = validateOrNamedError(customAttributeRowsSchema, value, index, { reparse: false });
			if (!ok) return;
			const body = validateOrNamedError(
				createCredentialSchema,
				{ groupId: 'g', recipient: { name: 'A' }, customAttributes: ok },
				index,
			);
			if (body) expect(customAttributesSchema.safeParse(body.customAttributes).success).toBe(true);
		}),
		{ numRuns: NUM_RUNS },
	);
});

test('group bodies', () => {
	const group = fc.oneof(
		recordOf(['name', 'learningEventUrl']),
		mutated({ name: 'Course', learningEventUrl: 'https://example.org/course' }),
	);
	const designIds = fc.option(
		fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('')), { maxLength: 3 }),
		{ nil: undefined },
	);
	fc.assert(
		fc.property(group, designIds, itemIndex, (g, ids, index) => {
			const body = groupBody({ ...g, designIds: ids });
			validateOrNamedError(createGroupSchema, body, index);
			validateOrNamedError(updateGroupSchema, body, index, {
				fieldless: /add at least one field to update/,
			});
		}),
		{ numRuns: NUM_RUNS },
	);
});

/** Every leaf of a built filter is text or a list of texts; every inner node an object or a list. */
function expectStringLeaves(node: FilterNode | FilterNode[] | string | string[]): void {
	if (typeof node === 'string') return;
	if (Array.isArray(node)) {
		for (const child of node) expectStringLeaves(child as FilterNode);
		return;
	}
	expect(typeof node).toBe('object');
	for (const child of Object.values(node)) expectStringLeaves(child);
}

test('search: filter conditions build a well-formed filter, or a named error', () => {
	const condition = fc.oneof(
		recordOf(['field', 'customAttribute', 'operator', 'value', 'negate']),
		mutated({
			field: 'recipient.email',
			operator: 'contains',
			value: '@example.org',
			negate: false,
		}),
		fc.record({
			field: fc.constantFrom(...Object.keys(CERTIFIER_SEARCH_FIELDS), 'customAttribute'),
			customAttribute: fc.oneof(fieldValue, fc.constant('mentor')),
			operator: fc.constantFrom(
				'equals',
				'contains',
				'startsWith',
				'endsWith',
				'in',
				'gt',
				'lt',
				'',
			),
			value: fieldValue,
		}),
	);
	const seen = new Outcomes();
	fc.assert(
		fc.property(
			fc.array(condition, { minLength: 1, maxLength: 3 }),
			fc.constantFrom('AND', 'OR') as fc.Arbitrary<'AND' | 'OR'>,
			itemIndex,
			(conditions, combinator, index) => {
				const checked = conditions.map((c) =>
					seen.note(validateOrNamedError(filterConditionSchema, c, index, { sent: false })),
				);
				if (checked.some((c) => c === undefined)) return;
				const filter = buildFilter(checked as NonNullable<(typeof checked)[number]>[], combinator)!;
				expectStringLeaves(filter);
				validateOrNamedError(searchBodySchema, { filter, limit: 25 }, index);
			},
		),
		{ numRuns: NUM_RUNS },
	);
	seen.expectBoth();
});

test('search: a raw filter typed as JSON is an object or a named error', () => {
	// Never undefined: the node reads the field with the default '{}'.
	const raw = fc.oneof(
		fc.json(),
		fc.string({ unit: 'binary' }),
		fieldValue.filter((v) => v !== undefined),
	);
	fc.assert(
		fc.property(raw, itemIndex, (text, index) => {
			// The filter is the whole field: its errors are about the value, not a key in it.
			const ok = validateOrNamedError(rawFilterSchema, parseRawFilter(text), index, {
				reparse: false,
				fieldless: /must not be empty|must be a JSON object/,
			});
			if (ok) expect(Object.keys(ok).length).toBeGreaterThan(0);
		}),
		{ numRuns: NUM_RUNS },
	);
});
