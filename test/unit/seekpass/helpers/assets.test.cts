// Attachments of a credential: the rules checked before sending (types per credential type,
// one asset at most on a universal credential, a binary field the item really has), and the
// request's `assets` with ids stable across runs.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { ItemParams } from '../../../../nodes/common/item-params';
import {
	assetProblem,
	assetsBody,
	planAssets,
	readAssets,
} from '../../../../nodes/SeekPass/helpers/assets';

function paramsOf(assets: unknown[], item: INodeExecutionData = { json: {} }): ItemParams {
	const ctx = {
		getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
			name === 'assets' ? { asset: assets } : fallback,
		getInputData: () => [item],
		getNode: () => ({ name: 'SEEK Pass', type: 'seekPass', typeVersion: 1, parameters: {} }),
	};
	return new ItemParams(ctx as unknown as IExecuteFunctions, 0, 'SEEK Pass education credential');
}

const withPdf: INodeExecutionData = {
	json: {},
	binary: { data: { data: Buffer.from('%PDF').toString('base64'), mimeType: 'application/pdf' } },
};

test('a binary attachment becomes {asset_id, asset_type} with a derived, stable id', () => {
	const inputs = readAssets(
		paramsOf([{ assetType: 'pdf', source: 'binary' }], withPdf),
		'education',
	);
	const planned = planAssets(inputs, 'edu-1');
	expect(planned).toEqual([
		{
			assetType: 'pdf',
			assetId: 'edu-1-asset-1',
			source: { binaryProperty: 'data' },
			contentType: 'application/pdf',
		},
	]);
	expect(assetsBody(planned)).toEqual([{ asset_id: 'edu-1-asset-1', asset_type: 'pdf' }]);
	expect(assetsBody(planAssets(inputs, 'edu-1'))).toEqual(assetsBody(planned));
	expect(assetsBody([])).toBeUndefined();
});

test('a missing binary field is refused naming item and field', () => {
	expect(() =>
		readAssets(
			paramsOf([{ assetType: 'pdf', source: 'binary', binaryProperty: 'file' }]),
			'education',
		),
	).toThrow(/item 0: assets\[0\]\.binaryProperty: the input item has no binary field "file"/);
});

test('a URL source must be an http(s) URL; its content type follows the asset type', () => {
	expect(() =>
		readAssets(paramsOf([{ assetType: 'png', source: 'url', url: 'ftp://x/y.png' }]), 'education'),
	).toThrow(/assets\[0\]\.url: must be an http\(s\) URL/);
	const [png] = planAssets(
		readAssets(
			paramsOf([{ assetType: 'png', source: 'url', url: 'https://files.example.org/a.png' }]),
			'microcredential',
		),
		'mc-1',
	);
	expect(png).toMatchObject({
		contentType: 'image/png',
		source: { url: 'https://files.example.org/a.png' },
	});
});

test('asset rules per credential type', () => {
	const pdf = { asset_id: 'a', asset_type: 'pdf' };
	expect(assetProblem('right_to_work', [pdf])).toEqual({
		problem: 'right_to_work takes no assets',
	});
	expect(assetProblem('digital_identity', [pdf])?.problem).toBe('digital_identity takes no assets');
	expect(assetProblem('career_history', [pdf])?.problem).toBe('career_history takes no assets');
	expect(assetProblem('universal_credential', [pdf, { asset_id: 'b', asset_type: 'png' }])).toEqual(
		{
			problem: 'universal_credential takes at most 1 asset',
		},
	);
	expect(assetProblem('universal_credential', [pdf])).toBeUndefined();
	expect(assetProblem('english_proficiency', [{ asset_id: 'a', asset_type: 'png' }])).toEqual({
		index: 0,
		field: 'asset_type',
		problem: 'must be one of pdf for english_proficiency',
	});
	expect(
		assetProblem('universal_credential', [{ asset_id: 'a', asset_type: 'open_cert' }])?.field,
	).toBe('asset_type');
	expect(assetProblem('education', [{ asset_id: 'a', asset_type: 'open_cert' }])).toBeUndefined();
	expect(assetProblem('education', [pdf, pdf])).toEqual({
		index: 1,
		field: 'asset_id',
		problem: '"a" is used twice',
	});
});

test('the editor refuses an attachment the credential type does not take', () => {
	const one = { assetType: 'pdf', source: 'binary' };
	expect(() => readAssets(paramsOf([one], withPdf), 'right_to_work')).toThrow(
		/item 0: assets: right_to_work takes no assets/,
	);
	expect(() => readAssets(paramsOf([one, one], withPdf), 'universal_credential')).toThrow(
		/item 0: assets: universal_credential takes at most 1 asset/,
	);
	expect(() =>
		readAssets(paramsOf([{ ...one, assetType: 'jpg' }], withPdf), 'english_proficiency'),
	).toThrow(/assets\[0\]\.asset_type: must be one of pdf for english_proficiency/);
});

test('a row whose source is empty gives this item no file (one row serves every item of a batch)', () => {
	expect(
		readAssets(
			paramsOf([{ assetType: 'pdf', source: 'binary', binaryProperty: '' }]),
			'right_to_work',
		),
	).toEqual([]);
	expect(
		readAssets(paramsOf([{ assetType: 'pdf', source: 'url', url: ' ' }]), 'education'),
	).toEqual([]);
});
