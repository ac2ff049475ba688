// Request bodies built from node fields: the vendor's create example comes out JSON-equal, empty
// optional fields are left out, and bad input is refused naming the item and field.
import { NodeOperationError, type INode } from 'n8n-workflow';
import {
	credentialBody,
	credentialUpdateBody,
	groupBody,
	toIsoDay,
} from '../../../nodes/Certifier/helpers/mapping';
import {
	createCredentialSchema,
	createGroupSchema,
	createIssueSendSchema,
	customAttributeRowsSchema,
	updateCredentialSchema,
	updateGroupSchema,
} from '../../../nodes/Certifier/schemas';
import { validateInput } from '../../../nodes/common/validation';

const node: INode = {
	id: '1',
	name: 'Certifier',
	type: 'certifier',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const GROUP = '01g90279gp5sbmfek7wymcsvec';

/** The body of the curl example in shared/seeds/certifier-create-credential.txt. */
const VENDOR_CURL_BODY = { groupId: GROUP, recipient: { name: 'John Doe' } };

function refusal(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		if (error instanceof NodeOperationError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('create body from node fields', () => {
	test("the seed's curl example, with every optional field left empty, is JSON-equal", () => {
		const body = credentialBody({
			groupId: GROUP,
			recipientName: 'John Doe',
			recipientEmail: '',
			issueDate: '',
			expiryDate: '',
			customAttributes: {},
		});
		const valid = validateInput(node, createCredentialSchema, body, 0, 'credential');
		expect(JSON.parse(JSON.stringify(valid))).toEqual(VENDOR_CURL_BODY);
		expect(JSON.stringify(valid)).toBe(JSON.stringify(VENDOR_CURL_BODY));
	});

	test('the fields of the example response produce its request counterpart', () => {
		const body = credentialBody({
			groupId: GROUP,
			recipientName: 'John Doe',
			recipientEmail: 'john.doe@example.com',
			issueDate: '2022-01-01T00:00:00',
			expiryDate: '2023-01-01',
			customAttributes: { 'custom.mentor': 'Jane Doe' },
		});
		expect(validateInput(node, createCredentialSchema, body, 0, 'credential')).toEqual({
			groupId: GROUP,
			recipient: { name: 'John Doe', email: 'john.doe@example.com' },
			issueDate: '2022-01-01',
			expiryDate: '2023-01-01',
			customAttributes: { 'custom.mentor': 'Jane Doe' },
		});
	});

	test('a bad email is refused before any request, naming item and field', () => {
		const body = credentialBody({
			groupId: GROUP,
			recipientName: 'A',
			recipientEmail: 'not-an-email',
		});
		const error = refusal(() => validateInput(node, createCredentialSchema, body, 3, 'credential'));
		expect(error.message).toBe(
			'Invalid credential in item 3: recipient.email: must be a valid email address',
		);
		expect(error.context.itemIndex).toBe(3);
		expect(error.context.fields).toEqual(['recipient.email']);
	});

	test.each([
		['2024-02-30', 'is not a calendar date'],
		['01/02/2024', 'must be a date in YYYY-MM-DD format'],
	])('issue date %s is refused: %s', (issueDate, message) => {
		const body = credentialBody({ groupId: GROUP, recipientName: 'A', issueDate });
		expect(
			refusal(() => validateInput(node, createCredentialSchema, body, 0, 'credential')).message,
		).toContain(`issueDate: ${message}`);
	});

	test('an expiry date before the issue date is refused', () => {
		const body = credentialBody({
			groupId: GROUP,
			recipientName: 'A',
			issueDate: '2024-05-02',
			expiryDate: '2024-05-01',
		});
		expect(
			refusal(() => validateInput(node, createCredentialSchema, body, 0, 'credential')).message,
		).toContain('expiryDate: must not be before issueDate');
	});

	test('missing group and blank name are both reported', () => {
		const body = credentialBody({ groupId: '', recipientName: '   ' });
		const error = refusal(() => validateInput(node, createCredentialSchema, body, 0, 'credential'));
		expect(error.context.fields).toEqual(['groupId', 'recipient.name']);
		expect(error.message).toContain('(and 1 more)');
	});

	test('create-issue-send needs the recipient email', () => {
		const body = credentialBody({ groupId: GROUP, recipientName: 'John Doe' });
		expect(
			refusal(() => validateInput(node, createIssueSendSchema, body, 0, 'credential')).message,
		).toContain('recipient.email: is required to send by email');
	});
});

describe('custom attributes', () => {
	test('rows become the key-value object; a bare tag gets the custom. prefix', () => {
		expect(
			customAttributeRowsSchema.parse([
				{ tag: 'custom.mentor', value: 'Jane Doe' },
				{ tag: 'grade', value: 'A' },
			]),
		).toEqual({ 'custom.mentor': 'Jane Doe', 'custom.grade': 'A' });
	});

	test('a tag given twice is refused at its row', () => {
		const error = refusal(() =>
			validateInput(
				node,
				customAttributeRowsSchema,
				[
					{ tag: 'custom.mentor', value: 'A' },
					{ tag: 'mentor', value: 'B' },
				],
				0,
				'custom attributes',
			),
		);
		expect(error.message).toContain('[1].tag: custom.mentor is given more than once');
	});

	test('an empty row list gives an empty object, which the create body then leaves out', () => {
		expect(customAttributeRowsSchema.parse([])).toEqual({});
	});
});

describe('update body', () => {
	test('Clear Expiry Date sends expiryDate: null', () => {
		const body = credentialUpdateBody({ clearExpiryDate: true });
		expect(validateInput(node, updateCredentialSchema, body, 0, 'update')).toEqual({
			expiryDate: null,
		});
	});

	test('only the fields given are sent', () => {
		const body = credentialUpdateBody({
			recipientEmail: 'new@example.org',
			expiryDate: '2030-01-01',
		});
		expect(validateInput(node, updateCredentialSchema, body, 0, 'update')).toEqual({
			recipient: { email: 'new@example.org' },
			expiryDate: '2030-01-01',
		});
	});

	test('an update with nothing to change is refused', () => {
		expect(
			refusal(() =>
				validateInput(node, updateCredentialSchema, credentialUpdateBody({}), 0, 'update'),
			).message,
		).toContain('add at least one field to update');
	});
});

describe('groups', () => {
	test('create needs a name and at least one design; duplicates are dropped', () => {
		const body = groupBody({ name: 'Course', designIds: ['d1', 'd1', 'd2'], learningEventUrl: '' });
		expect(validateInput(node, createGroupSchema, body, 0, 'group')).toEqual({
			name: 'Course',
			designIds: ['d1', 'd2'],
		});
		expect(
			refusal(() =>
				validateInput(node, createGroupSchema, groupBody({ name: 'X', designIds: [] }), 0, 'group'),
			).message,
		).toContain('designIds: must list at least one design');
	});

	test('the deprecated design fields: the legacy shape passes alone, never next to designIds', () => {
		expect(
			validateInput(
				node,
				createGroupSchema,
				{ name: 'Old', certificateDesignId: 'd1' },
				0,
				'group',
			),
		).toEqual({ name: 'Old', certificateDesignId: 'd1' });
		expect(
			refusal(() =>
				validateInput(
					node,
					createGroupSchema,
					{ name: 'Mixed', designIds: ['d1'], certificateDesignId: 'd1' },
					2,
					'group',
				),
			).message,
		).toBe(
			'Invalid group in item 2: certificateDesignId: is deprecated and cannot be sent together with designIds; list the design under designIds',
		);
		expect(
			refusal(() =>
				validateInput(
					node,
					updateGroupSchema,
					{ designIds: ['d1'], badgeDesignId: 'd2' },
					0,
					'group',
				),
			).message,
		).toContain('badgeDesignId: is deprecated');
		expect(
			refusal(() => validateInput(node, createGroupSchema, { name: 'None' }, 0, 'group')).message,
		).toBe('Invalid group in item 0: designIds: is required');
	});

	test('a learning event URL must be a URL', () => {
		const body = groupBody({ learningEventUrl: 'course page' });
		expect(
			refusal(() => validateInput(node, updateGroupSchema, body, 0, 'group')).message,
		).toContain('learningEventUrl');
	});
});

describe('toIsoDay', () => {
	test.each([
		['2024-05-01', '2024-05-01'],
		['2024-05-01T00:00:00', '2024-05-01'],
		['2024-05-01T23:30:00.000Z', '2024-05-01'],
		['', undefined],
		[undefined, undefined],
		['tomorrow', 'tomorrow'],
	])('%p → %p', (input, expected) => {
		expect(toIsoDay(input)).toBe(expected);
	});

	test('a Luxon-like date gives its ISO day', () => {
		expect(toIsoDay({ toISODate: () => '2024-06-30' })).toBe('2024-06-30');
	});
});
