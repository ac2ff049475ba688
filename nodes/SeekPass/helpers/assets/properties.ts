import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { SEEK_PASS_ASSET_TYPES } from '../../constants';

/** The credential types that take assets: the field is shown only for them. */
const TYPES_WITH_ASSETS = Object.keys(SEEK_PASS_ASSET_TYPES);

/**
 * The editor's Attachments of one credential (v2 assets): each file from the input item's
 * binary data or from a URL the node downloads, uploaded to the link SEEK Pass returns.
 * `displayOptions` scopes it (e.g. to a source or API version); the credential types that take
 * no assets never show it.
 */
export function assetProperties(displayOptions: IDisplayOptions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Attachments',
			name: 'assets',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attachment',
			default: {},
			description:
				'Files that back the credential. The node sends each as an asset, then uploads it to the link SEEK Pass returns. Universal credentials take at most one; English proficiency takes a PDF only.',
			displayOptions: {
				...displayOptions,
				show: { ...displayOptions.show, credentialType: TYPES_WITH_ASSETS },
			},
			options: [
				{
					name: 'asset',
					displayName: 'Attachment',
					values: [
						{
							displayName: 'Asset ID',
							name: 'assetId',
							type: 'string',
							default: '',
							placeholder: 'e.g. transcript-2024',
							description:
								'Empty: the credential ID followed by the attachment’s position, the same on every run',
						},
						{
							displayName: 'Asset Type',
							name: 'assetType',
							type: 'options',
							options: [
								{
									name: 'JPG',
									value: 'jpg',
								},
								{
									name: 'OpenCert',
									value: 'open_cert',
									description: 'Education and microcredential only',
								},
								{
									name: 'PDF',
									value: 'pdf',
								},
								{
									name: 'PNG',
									value: 'png',
								},
							],
							default: 'pdf',
						},
						{
							displayName: 'File Source',
							name: 'source',
							type: 'options',
							options: [
								{
									name: 'Binary Property of the Input Item',
									value: 'binary',
									description: 'A file an earlier node read or downloaded',
								},
								{
									name: 'URL',
									value: 'url',
									description: 'The node downloads the file, then uploads it',
								},
							],
							default: 'binary',
						},
						{
							displayName: 'File URL',
							name: 'url',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://files.example.edu/certificates/123.pdf',
							hint: 'Empty: no file from this row for this item',
							displayOptions: { show: { source: ['url'] } },
						},
						{
							displayName: 'Input Binary Field',
							name: 'binaryProperty',
							type: 'string',
							default: 'data',
							hint: 'The name of the input binary field holding the file. Empty: no file from this row for this item.',
							displayOptions: { show: { source: ['binary'] } },
						},
					],
				},
			],
		},
	];
}
