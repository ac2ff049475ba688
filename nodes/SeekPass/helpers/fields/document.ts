import type { INodeProperties } from 'n8n-workflow';
import { SEEK_PASS_OPENCERT_AS_OBJECT, type SeekPassCredentialType } from '../../constants';
import { given, type ItemParams } from '../../../common/item-params';

export const documentProperties: INodeProperties[] = [
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'OpenCert', value: 'open_cert', description: 'An OpenCerts certificate (JSON)' },
			{ name: 'PDF', value: 'pdf', description: 'A PDF file at a public URL' },
		],
		default: 'none',
		description: 'The document that backs the credential',
		displayOptions: { show: { credentialType: ['education'], apiVersion: ['v1'] } },
	},
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: [
			{ name: 'JPG', value: 'jpg', description: 'A JPEG image at a public URL' },
			{ name: 'None', value: 'none' },
			{ name: 'OpenCert', value: 'open_cert', description: 'An OpenCerts certificate (JSON)' },
			{ name: 'PDF', value: 'pdf', description: 'A PDF file at a public URL' },
			{ name: 'PNG', value: 'png', description: 'A PNG image at a public URL' },
		],
		default: 'none',
		description: 'The document that backs the credential',
		displayOptions: { show: { credentialType: ['microcredential'], apiVersion: ['v1'] } },
	},
	{
		displayName: 'Assessment Document URL',
		name: 'documentUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://files.example.edu/results/123.pdf',
		description:
			'Public URL of the test result PDF, optional. The domain must be on SEEK Pass’s allow list (ask SEEK Pass to add it).',
		displayOptions: { show: { credentialType: ['english_proficiency'], apiVersion: ['v1'] } },
	},
	{
		displayName: 'Document URL',
		name: 'documentUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://files.example.edu/certificates/123.pdf',
		description:
			'Public URL of the file. The domain must be on SEEK Pass’s allow list (ask SEEK Pass to add it).',
		displayOptions: {
			show: {
				credentialType: ['education', 'microcredential'],
				documentType: ['pdf', 'png', 'jpg'],
				apiVersion: ['v1'],
			},
		},
	},
	{
		displayName: 'OpenCert Document',
		name: 'openCertDocument',
		type: 'json',
		default: '',
		required: true,
		description:
			'The OpenCert JSON, typed here or from an expression. Text that is not JSON is sent as it is.',
		displayOptions: {
			show: {
				credentialType: ['education', 'microcredential'],
				documentType: ['open_cert'],
				apiVersion: ['v1'],
			},
		},
	},
];

export interface DocumentInput {
	document_type: string;
	document?: unknown;
}

/** OpenCert JSON becomes an object; any other text (e.g. a reference) is passed through. */
function openCert(params: ItemParams, raw: unknown): unknown {
	if (typeof raw !== 'string') {
		if (raw === undefined || raw === null) return undefined;
		return SEEK_PASS_OPENCERT_AS_OBJECT ? raw : JSON.stringify(raw);
	}
	const trimmed = raw.trim();
	if (!/^[{[]/.test(trimmed)) return given(raw);
	const parsed = params.parse(trimmed, 'document');
	return SEEK_PASS_OPENCERT_AS_OBJECT ? parsed : trimmed;
}

/** The `document` for a document_type, from the text or value the user gave. */
export function documentValue(params: ItemParams, documentType: string, raw: unknown): unknown {
	if (documentType === 'none') return undefined;
	if (documentType === 'open_cert') return openCert(params, raw);
	return given(raw);
}

/** The v1 document of a credential (v2 carries files as assets instead). */
export function readDocument(params: ItemParams, type: SeekPassCredentialType): DocumentInput {
	if (type === 'english_proficiency') {
		const url = given(params.raw<unknown>('documentUrl', ''));
		return url === undefined
			? { document_type: 'english_assessment' }
			: { document_type: 'english_assessment', document: url };
	}
	if (type !== 'education' && type !== 'microcredential') return { document_type: 'none' };
	const documentType = params.raw('documentType', 'none');
	if (documentType === 'none') return { document_type: 'none' };
	if (documentType === 'open_cert') {
		return {
			document_type: documentType,
			document: openCert(params, params.raw<unknown>('openCertDocument', '')),
		};
	}
	return { document_type: documentType, document: given(params.raw('documentUrl', '')) };
}
