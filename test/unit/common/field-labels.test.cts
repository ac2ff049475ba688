// Input errors name the editor field a person sees beside the request path they fail on.
import type { INode, INodeProperties } from 'n8n-workflow';
import { fieldLabel, rememberFieldLabels } from '../../../nodes/common/items/field-labels';

const node = { name: 'Node' } as INode;
const properties: INodeProperties[] = [
	{ displayName: 'Recipient Email', name: 'recipientEmail', type: 'string', default: '' },
	{ displayName: 'Issuer Name', name: 'issuer_name', type: 'string', default: '' },
	{
		displayName: 'Details',
		name: 'details',
		type: 'collection',
		default: {},
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Other',
		name: 'other',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [{ displayName: 'Phone Number', name: 'phone', type: 'string', default: '' }],
			},
		],
	},
];

describe('field labels', () => {
	rememberFieldLabels(node, properties);

	it('finds the field by the path’s last two names joined or its last name', () => {
		expect(fieldLabel(node, ['recipient', 'email'])).toBe('Recipient Email');
		expect(fieldLabel(node, ['fields', 'issuer_name'])).toBe('Issuer Name');
		expect(fieldLabel(node, ['details'])).toBe('Details');
	});

	it('says which collection a field is in', () => {
		expect(fieldLabel(node, ['name'])).toBe('Details › Name');
	});

	it('does not guess: a generic last name deep in a path, a name two fields share, an unknown node', () => {
		expect(fieldLabel(node, ['credentials', 0, 'name'])).toBeUndefined();
		expect(fieldLabel(node, ['contact', 'phone'])).toBeUndefined();
		expect(fieldLabel({ name: 'Other' } as INode, ['recipient', 'email'])).toBeUndefined();
	});
});
