import type { IBinaryKeyData, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation, OperationContext } from '../../../common/operation';
import { credentialLocator } from '../../helpers/fields';
import type { CertifierClient, CertifierCredentialDesign } from '../../transport';

const MIME: Record<string, string> = { pdf: 'application/pdf', png: 'image/png' };

function previewUrls(design: CertifierCredentialDesign): IDataObject {
	const urls: IDataObject = {};
	for (const preview of design.previews ?? []) urls[preview.format] = preview.url;
	return urls;
}

async function withFile(
	{ ctx, client }: OperationContext<CertifierClient>,
	credentialId: string,
	design: CertifierCredentialDesign,
	format: string,
	binaryProperty: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const json: IDataObject = { credentialId, ...design, previewUrls: previewUrls(design) };
	const preview = (design.previews ?? []).find((p) => p.format === format);
	if (!preview) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Design ${design.id} of credential ${credentialId} has no ${format.toUpperCase()} preview`,
			{
				itemIndex,
				description: `Formats offered: ${(design.previews ?? []).map((p) => p.format).join(', ') || 'none'}`,
			},
		);
	}
	// Preview URLs are public CDN links on another host: fetched without the Certifier token.
	const file = await client.api.downloadPublic(preview.url, itemIndex);
	const contentType = file.headers['content-type'];
	const binary: IBinaryKeyData = {
		[binaryProperty]: await ctx.helpers.prepareBinaryData(
			file.body,
			`certifier-${credentialId}-${design.id}.${format}`,
			MIME[format] ?? (typeof contentType === 'string' ? contentType : undefined),
		),
	};
	return { json, binary };
}

export const getDesigns: Operation<CertifierClient> = {
	value: 'getDesigns',
	name: 'Get Designs',
	action: 'Get the designs of a credential',
	description:
		"Get the credential's designs with their preview URLs, optionally downloading the files",
	properties: [
		credentialLocator,
		{
			displayName: 'Download',
			name: 'download',
			type: 'options',
			options: [
				{ name: 'No', value: 'none', description: 'Only return the preview URLs' },
				{ name: 'PDF', value: 'pdf', description: 'Attach each design as a PDF file' },
				{ name: 'PNG', value: 'png', description: 'Attach each design as a PNG image' },
			],
			default: 'none',
			description: 'Whether to download each design as n8n binary data',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { hide: { download: ['none'] } },
		},
	],
	execute: eachItem(async (op, itemIndex) => {
		const params = new ItemParams(op.ctx, itemIndex, 'credential');
		const credentialId = params.id('credentialId', 'credential ID');
		const format = params.text('download') || 'none';
		const designs = await op.client.credentialDesigns(credentialId, itemIndex);
		const list = Array.isArray(designs) ? designs : [];
		if (format === 'none') {
			return list.map((design) => ({ credentialId, ...design, previewUrls: previewUrls(design) }));
		}
		const binaryProperty = params.text('binaryPropertyName').trim() || 'data';
		const items: INodeExecutionData[] = [];
		// One design at a time: the item loop already runs items in parallel.
		for (const design of list)
			items.push(await withFile(op, credentialId, design, format, binaryProperty, itemIndex));
		return items;
	}),
};
