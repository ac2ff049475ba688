import type { INodeProperties } from 'n8n-workflow';
import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { CERTIFIER_MAX_PAGE_SIZE, CERTIFIER_STATUSES } from '../../constants';
import {
	buildFilter,
	CERTIFIER_SEARCH_FIELDS,
	CUSTOM_ATTRIBUTE_FIELD,
	filterConditionSchema,
	parseRawFilter,
	rawFilterSchema,
	type FilterConditionInput,
	type FilterNode,
} from '../../helpers/filter';
import { simplifyCredential, simplifyWanted } from '../../helpers/credential-output';
import { simplifyProperty } from '../../helpers/fields';
import { collectPages, paginate, wantedCount } from '../../helpers/pagination';
import { searchBodySchema, type SearchBody } from '../../schemas';
import type { CertifierClient } from '../../transport';

const fieldsOfKind = (kind: string) =>
	Object.entries(CERTIFIER_SEARCH_FIELDS)
		.filter(([, k]) => k === kind)
		.map(([field]) => field);
const STRING_FIELDS = [...fieldsOfKind('string'), CUSTOM_ATTRIBUTE_FIELD];
const DATE_FIELDS = fieldsOfKind('date');

const conditionValues: INodeProperties[] = [
	{
		displayName: 'Field',
		name: 'field',
		type: 'options',
		options: [
			{ name: 'Created At', value: 'createdAt' },
			{ name: 'Credential ID', value: 'id' },
			{ name: 'Custom Attribute', value: CUSTOM_ATTRIBUTE_FIELD },
			{ name: 'Expiry Date', value: 'expiryDate' },
			{ name: 'Group ID', value: 'groupId' },
			{ name: 'Issue Date', value: 'issueDate' },
			{ name: 'Public ID', value: 'publicId' },
			{ name: 'Recipient Email', value: 'recipient.email' },
			{ name: 'Recipient ID', value: 'recipient.id' },
			{ name: 'Recipient Name', value: 'recipient.name' },
			{ name: 'Status', value: 'status' },
			{ name: 'Updated At', value: 'updatedAt' },
		],
		default: 'recipient.email',
	},
	{
		displayName: 'Attribute Name or ID',
		name: 'customAttribute',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomAttributes' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { field: [CUSTOM_ATTRIBUTE_FIELD] } },
	},
	{
		displayName: 'Operator',
		name: 'stringOperator',
		type: 'options',
		options: [
			{ name: 'Contains', value: 'contains' },
			{ name: 'Ends With', value: 'endsWith' },
			{ name: 'Equals', value: 'equals' },
			{ name: 'Is One Of', value: 'in' },
			{ name: 'Starts With', value: 'startsWith' },
		],
		default: 'equals',
		displayOptions: { show: { field: STRING_FIELDS } },
	},
	{
		displayName: 'Operator',
		name: 'dateOperator',
		type: 'options',
		options: [
			{ name: 'After', value: 'gt' },
			{ name: 'Before', value: 'lt' },
			{ name: 'On', value: 'equals' },
			{ name: 'On or After', value: 'gte' },
			{ name: 'On or Before', value: 'lte' },
		],
		default: 'gte',
		displayOptions: { show: { field: DATE_FIELDS } },
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: CERTIFIER_STATUSES.map((status) => ({
			name: status.charAt(0).toUpperCase() + status.slice(1),
			value: status,
		})),
		default: [],
		description: 'Matches credentials in any of the statuses chosen',
		displayOptions: { show: { field: ['status'] } },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description:
			'For Is One Of, separate values with commas. Dates as YYYY-MM-DD or an ISO 8601 date-time.',
		displayOptions: { hide: { field: ['status'] } },
	},
	{
		displayName: 'Negate',
		name: 'negate',
		type: 'boolean',
		default: false,
		description: 'Whether to match the credentials that do not meet this condition',
	},
];

interface ConditionRow {
	field?: string;
	customAttribute?: string;
	stringOperator?: string;
	dateOperator?: string;
	statuses?: string[];
	value?: unknown;
	negate?: boolean;
}

/** An editor row as a filter condition: the operator field that applies, statuses as equals/in. */
export function rowToCondition(row: ConditionRow): FilterConditionInput {
	const field = row.field ?? '';
	if (field === 'status') {
		const statuses = row.statuses ?? [];
		return {
			field,
			operator: statuses.length > 1 ? 'in' : 'equals',
			value: statuses,
			negate: row.negate,
		};
	}
	const kind = CERTIFIER_SEARCH_FIELDS[field];
	return {
		field,
		customAttribute: row.customAttribute,
		operator: (kind === 'date' ? row.dateOperator : row.stringOperator) ?? 'equals',
		value: row.value,
		negate: row.negate,
	};
}

function readFilter(params: ItemParams): FilterNode | undefined {
	if (params.text('filterMode') === 'json') {
		const raw = parseRawFilter(params.raw('filterJson', '{}'));
		return params.validate(rawFilterSchema, raw, 'filter (JSON)') as FilterNode;
	}
	const rows = params.raw<ConditionRow[]>('conditions.condition', []);
	const conditions = rows.map((row, index) =>
		params.validate(filterConditionSchema, rowToCondition(row), `filter condition ${index + 1}`),
	);
	const combinator = params.text('combinator') === 'OR' ? 'OR' : 'AND';
	return buildFilter(conditions, combinator);
}

export const search: Operation<CertifierClient> = {
	value: 'search',
	name: 'Search',
	action: 'Search credentials',
	description: 'Find credentials matching conditions, sorted as you choose',
	properties: [
		{
			displayName: 'Filter',
			name: 'filterMode',
			type: 'options',
			options: [
				{
					name: 'Build Conditions',
					value: 'builder',
					description: 'Pick fields, operators and values',
				},
				{ name: 'JSON', value: 'json', description: "Write Certifier's filter object yourself" },
			],
			default: 'builder',
		},
		{
			displayName: 'Match',
			name: 'combinator',
			type: 'options',
			options: [
				{ name: 'All Conditions', value: 'AND' },
				{ name: 'Any Condition', value: 'OR' },
			],
			default: 'AND',
			displayOptions: { show: { filterMode: ['builder'] } },
		},
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Condition',
			default: {},
			description: 'No condition matches every credential',
			displayOptions: { show: { filterMode: ['builder'] } },
			options: [{ displayName: 'Condition', name: 'condition', values: conditionValues }],
		},
		{
			displayName: 'Filter (JSON)',
			name: 'filterJson',
			type: 'json',
			default:
				'{\n  "AND": [\n    { "status": { "equals": "issued" } },\n    { "recipient": { "email": { "endsWith": "@example.com" } } }\n  ]\n}',
			description:
				'Certifier\'s filter object: AND, OR and NOT hold lists of conditions; a condition is the field path ending in {"operator": value}',
			displayOptions: { show: { filterMode: ['json'] } },
		},
		...returnAllProperties(),
		simplifyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Sort By',
					name: 'sortProperty',
					type: 'options',
					options: [
						{ name: 'Created At', value: 'createdAt' },
						{ name: 'Credential ID', value: 'id' },
						{ name: 'Expiry Date', value: 'expiryDate' },
						{ name: 'Issue Date', value: 'issueDate' },
						{ name: 'Recipient Email', value: 'recipient.email' },
						{ name: 'Recipient Name', value: 'recipient.name' },
						{ name: 'Status', value: 'status' },
						{ name: 'Updated At', value: 'updatedAt' },
					],
					default: 'createdAt',
				},
				{
					displayName: 'Sort Order',
					name: 'sortOrder',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					default: 'desc',
				},
			],
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'search');
		const filter = readFilter(params);
		const options = params.collection('options') as { sortProperty?: string; sortOrder?: string };
		const base: Partial<SearchBody> = {};
		if (filter) base.filter = filter;
		if (options.sortProperty || options.sortOrder) {
			base.sort = {
				property: options.sortProperty ?? 'createdAt',
				order: options.sortOrder ?? 'desc',
			} as SearchBody['sort'];
		}
		// Checked once, before the first request; later pages differ only by cursor and limit.
		params.validate(searchBodySchema, { ...base, limit: CERTIFIER_MAX_PAGE_SIZE });
		const pages = paginate(
			ctx.getNode(),
			(page) =>
				client.searchCredentials(
					{ ...base, ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit },
					itemIndex,
				),
			{ max: wantedCount(params) },
		);
		const credentials = await collectPages(pages);
		return simplifyWanted(params) ? credentials.map(simplifyCredential) : credentials;
	}),
};
