// The search filter builder: the documented shape (nested field objects, AND/OR/NOT), the
// documented operators per field kind, and refusals that name the condition and field.
import type { INode } from 'n8n-workflow';
import { rowToCondition } from '../../../../nodes/Certifier/actions/credential/search';
import {
	buildFilter,
	conditionToLeaf,
	filterConditionSchema,
	parseRawFilter,
	rawFilterSchema,
} from '../../../../nodes/Certifier/helpers/filter';
import { validateInput } from '../../../../nodes/common/validation';

const node: INode = {
	id: '1',
	name: 'Certifier',
	type: 'certifier',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('buildFilter', () => {
	test("reproduces the reference's AND example", () => {
		const filter = buildFilter(
			[
				rowToCondition({ field: 'status', statuses: ['issued'] }),
				rowToCondition({ field: 'recipient.name', stringOperator: 'contains', value: 'John' }),
			],
			'AND',
		);
		expect(filter).toEqual({
			AND: [{ status: { equals: 'issued' } }, { recipient: { name: { contains: 'John' } } }],
		});
	});

	test("reproduces the reference's combined NOT example", () => {
		const filter = buildFilter(
			[
				{ field: 'recipient.email', operator: 'endsWith', value: '@company.com', negate: true },
				{ field: 'recipient.name', operator: 'startsWith', value: 'John' },
			],
			'AND',
		);
		expect(filter).toEqual({
			AND: [
				{ NOT: [{ recipient: { email: { endsWith: '@company.com' } } }] },
				{ recipient: { name: { startsWith: 'John' } } },
			],
		});
	});

	test('OR, several statuses as in, and "in" values split on commas', () => {
		expect(
			buildFilter(
				[
					rowToCondition({ field: 'status', statuses: ['draft', 'expired'] }),
					rowToCondition({ field: 'groupId', stringOperator: 'in', value: ' g1, g2 ,,g3' }),
				],
				'OR',
			),
		).toEqual({
			OR: [{ status: { in: ['draft', 'expired'] } }, { groupId: { in: ['g1', 'g2', 'g3'] } }],
		});
	});

	test('a custom attribute keeps its dotted tag as one key', () => {
		expect(
			conditionToLeaf(
				rowToCondition({
					field: 'customAttribute',
					customAttribute: 'mentor',
					stringOperator: 'equals',
					value: 'Jane',
				}),
			),
		).toEqual({ customAttributes: { 'custom.mentor': { equals: 'Jane' } } });
	});

	test('a date condition uses the date operator field', () => {
		expect(
			conditionToLeaf(
				rowToCondition({ field: 'createdAt', dateOperator: 'gte', value: '2024-01-01' }),
			),
		).toEqual({
			createdAt: { gte: '2024-01-01' },
		});
	});

	test('no condition means no filter', () => {
		expect(buildFilter([], 'AND')).toBeUndefined();
	});
});

describe('condition checks', () => {
	const check = (row: Parameters<typeof rowToCondition>[0]) => () =>
		validateInput(node, filterConditionSchema, rowToCondition(row), 2, 'filter condition 1');

	test('contains on status is refused (status takes equals and in)', () => {
		expect(check({ field: 'status', statuses: [] })).toThrow(
			'Invalid filter condition 1 in item 2: value: is required',
		);
		expect(() =>
			validateInput(
				node,
				filterConditionSchema,
				{ field: 'status', operator: 'contains', value: 'x' },
				0,
				'filter condition 1',
			),
		).toThrow('operator: contains cannot be used on status; use one of equals, in');
	});

	test('an unknown status is refused', () => {
		expect(() =>
			validateInput(
				node,
				filterConditionSchema,
				{ field: 'status', operator: 'in', value: ['issued', 'sent'] },
				0,
				'c',
			),
		).toThrow('sent is not a status');
	});

	test('a date operator on a text field and a bad date are refused', () => {
		expect(() =>
			validateInput(
				node,
				filterConditionSchema,
				{ field: 'recipient.name', operator: 'gt', value: 'A' },
				0,
				'c',
			),
		).toThrow('gt cannot be used on recipient.name');
		expect(check({ field: 'issueDate', dateOperator: 'lt', value: 'last week' })).toThrow(
			'last week is not a date',
		);
	});

	test('a custom attribute condition needs the attribute', () => {
		expect(check({ field: 'customAttribute', stringOperator: 'equals', value: 'x' })).toThrow(
			'customAttribute: pick the custom attribute to filter on',
		);
	});

	test('an empty value is refused', () => {
		expect(check({ field: 'recipient.email', stringOperator: 'equals', value: '' })).toThrow(
			'value: is required',
		);
	});
});

describe('raw filter JSON', () => {
	test('a JSON string or object passes through unchanged', () => {
		const filter = { OR: [{ status: { equals: 'draft' } }] };
		expect(rawFilterSchema.parse(parseRawFilter(JSON.stringify(filter)))).toEqual(filter);
		expect(rawFilterSchema.parse(parseRawFilter(filter))).toEqual(filter);
	});

	test('not JSON, an array or an empty object is refused', () => {
		expect(() =>
			validateInput(node, rawFilterSchema, parseRawFilter('{status: issued'), 0, 'filter (JSON)'),
		).toThrow('must be a JSON object');
		expect(() =>
			validateInput(node, rawFilterSchema, parseRawFilter('[]'), 0, 'filter (JSON)'),
		).toThrow('must be a JSON object');
		expect(() =>
			validateInput(node, rawFilterSchema, parseRawFilter('{}'), 0, 'filter (JSON)'),
		).toThrow('must not be empty');
	});
});
