import type { IDataObject } from 'n8n-workflow';

/**
 * Shown by a manual run when the account has no matching credential yet, so the next nodes can be
 * mapped: the credential object of Certifier's reference example, marked as a sample.
 */
export const SAMPLE_CREDENTIAL: IDataObject = {
	id: '01hz2f0c9ryvzajg20jqh9taab',
	publicId: '124a8110-1af5-4747-9308-e9d06bd1852a',
	groupId: '01g90279gp5sbmfek7wymcsvec',
	status: 'issued',
	recipient: { id: '01jmerb62apgachxwx6db76c7s', name: 'John Doe', email: 'john.doe@example.com' },
	issueDate: '2022-01-01',
	expiryDate: '2023-01-01',
	attributes: { 'recipient.name': 'John Doe' },
	customAttributes: { 'custom.mentor': 'Jane Doe' },
	createdAt: '2022-01-01T00:00:00.000Z',
	updatedAt: '2022-01-01T00:00:00.000Z',
	group: { id: '01g90279gp5sbmfek7wymcsvec', name: 'Financial Markets' },
	sample: true,
};
