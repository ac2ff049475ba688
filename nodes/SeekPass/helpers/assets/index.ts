/**
 * v2 assets of a credential: the editor's Attachments, the request's `assets`, and the upload of
 * each file to the link SEEK Pass returns. Used by credential:addBatch; ready for credential:add.
 */
export { assetProperties } from './properties';
export {
	assetsBody,
	planAssets,
	readAssets,
	type AssetBody,
	type AssetInput,
	type AssetSource,
	type PlannedAsset,
} from './read';
export { assetProblem, assetTypesOf, contentTypeOf } from './rules';
export { failedUploads, uploadAssets, type AssetOutcome, type CredentialAssets } from './upload';
