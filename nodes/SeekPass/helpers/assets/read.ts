import type { IDataObject } from 'n8n-workflow';
import { asText, type ItemParams } from '../../../common/item-params';
import type { SeekPassAssetType } from '../../constants';
import { httpUrl } from '../../schemas';
import { assetProblem, contentTypeOf } from './rules';

/** Where an attachment's bytes come from. */
export type AssetSource = { binaryProperty: string } | { url: string };

/** One attachment as the user gave it; its id may still be derived (see planAssets). */
export interface AssetInput {
	assetType: SeekPassAssetType;
	source: AssetSource;
	/** Empty: derived from the credential id. */
	assetId: string;
}

/** An attachment ready to send: its id, and the Content-Type its upload link is made for. */
export interface PlannedAsset extends AssetInput {
	contentType: string;
}

/** An asset in a v2 request: no asset_data, so SEEK Pass answers with an upload link. */
export interface AssetBody {
	asset_id: string;
	asset_type: string;
	asset_data?: string | null;
}

/**
 * The Attachments of one item's credential of `type`, checked before any request: allowed
 * types and count, a URL that is one, and a binary property the input item really has.
 */
export function readAssets(params: ItemParams, type: string): AssetInput[] {
	const rows = params.collection('assets').asset;
	if (!Array.isArray(rows) || rows.length === 0) return [];
	const binary = params.ctx.getInputData()[params.itemIndex]?.binary ?? {};
	const inputs: AssetInput[] = [];
	(rows as IDataObject[]).forEach((row, index) => {
		const field = (name: string) => `assets[${index}].${name}`;
		const assetType = asText(row.assetType ?? 'pdf') as SeekPassAssetType;
		const assetId = asText(row.assetId).trim();
		if (/\s/.test(assetId)) params.fail(field('assetId'), 'must not contain spaces');
		// An empty source leaves the row out for this item: in a batch one row serves every item,
		// and an expression gives a file only to the items that have one.
		if (row.source === 'url') {
			const url = asText(row.url).trim();
			if (url === '') return;
			if (!httpUrl.safeParse(url).success) params.fail(field('url'), 'must be an http(s) URL');
			inputs.push({ assetType, assetId, source: { url } });
			return;
		}
		const binaryProperty = asText(row.binaryProperty ?? 'data').trim();
		if (binaryProperty === '') return;
		if (binary[binaryProperty] === undefined) {
			params.fail(
				field('binaryProperty'),
				`the input item has no binary field "${binaryProperty}"`,
			);
		}
		inputs.push({ assetType, assetId, source: { binaryProperty } });
	});
	const problem = assetProblem(
		type,
		inputs.map((a, i) => ({ asset_type: a.assetType, asset_id: a.assetId || `#${i}` })),
	);
	if (problem) {
		const at = problem.index === undefined ? 'assets' : `assets[${problem.index}]`;
		params.fail(problem.field === undefined ? at : `${at}.${problem.field}`, problem.problem);
	}
	return inputs;
}

/** Gives each attachment its id (derived ones are stable: credential id and position). */
export function planAssets(inputs: AssetInput[], credentialId: string): PlannedAsset[] {
	return inputs.map((input, index) => ({
		...input,
		assetId: input.assetId || `${credentialId}-asset-${index + 1}`,
		contentType: contentTypeOf(input.assetType),
	}));
}

/** The request's `assets`, or undefined when the credential has none (the key is then left out). */
export function assetsBody(planned: PlannedAsset[]): AssetBody[] | undefined {
	if (planned.length === 0) return undefined;
	return planned.map((asset) => ({ asset_id: asset.assetId, asset_type: asset.assetType }));
}
