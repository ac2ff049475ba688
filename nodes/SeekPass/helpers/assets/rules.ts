import {
	SEEK_PASS_ASSET_CONTENT_TYPES,
	SEEK_PASS_ASSET_TYPES,
	SEEK_PASS_MAX_ASSETS,
	type SeekPassAssetType,
} from '../../constants';

/** The asset types a credential type takes (none for types that take no assets). */
export function assetTypesOf(type: string): readonly SeekPassAssetType[] {
	return SEEK_PASS_ASSET_TYPES[type] ?? [];
}

export function contentTypeOf(assetType: SeekPassAssetType): string {
	return (
		SEEK_PASS_ASSET_CONTENT_TYPES.find((c) => c.assetType === assetType)?.contentType ??
		'application/octet-stream'
	);
}

/**
 * What is wrong with these assets on a credential of `type`, if anything: one rule set for the
 * editor's Attachments and for a batch given as JSON, checked before anything is sent.
 */
export function assetProblem(
	type: string,
	assets: ReadonlyArray<{ asset_type: string; asset_id: string }>,
): { index?: number; field?: string; problem: string } | undefined {
	if (assets.length === 0) return undefined;
	const allowed = assetTypesOf(type);
	if (allowed.length === 0) return { problem: `${type} takes no assets` };
	const max = SEEK_PASS_MAX_ASSETS[type];
	if (max !== undefined && assets.length > max) {
		return { problem: `${type} takes at most ${max} asset${max === 1 ? '' : 's'}` };
	}
	const ids = new Set<string>();
	for (const [index, asset] of assets.entries()) {
		if (!(allowed as readonly string[]).includes(asset.asset_type)) {
			return {
				index,
				field: 'asset_type',
				problem: `must be one of ${allowed.join(', ')} for ${type}`,
			};
		}
		if (ids.has(asset.asset_id)) {
			return { index, field: 'asset_id', problem: `"${asset.asset_id}" is used twice` };
		}
		ids.add(asset.asset_id);
	}
	return undefined;
}
