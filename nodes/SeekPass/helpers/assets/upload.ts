import type { IDataObject } from 'n8n-workflow';
import { inParallel } from '../../../common/items';
import type { OperationContext } from '../../../common/operation';
import type { SeekPassClient, UploadLink } from '../../transport';
import type { PlannedAsset } from './read';

/** The attachments of one credential of a request, and the input item they were read from. */
export interface CredentialAssets {
	credentialId: string;
	itemIndex: number;
	assets: PlannedAsset[];
}

/** What became of one attachment; the credential exists either way (its link was made). */
export interface AssetOutcome extends IDataObject {
	assetId: string;
	assetType: string;
	contentType: string;
	/** Bytes sent, or null when the file could not be read or fetched. */
	bytes: number | null;
	status: 'uploaded' | 'failed';
	error?: string;
}

interface Task {
	credential: CredentialAssets;
	asset: PlannedAsset;
	link: UploadLink | undefined;
}

const key = (credentialId: string, assetId: string) => JSON.stringify([credentialId, assetId]);

/** The upload links of an answer, by credential and asset id. */
function linksOf(uploads: unknown): Map<string, UploadLink> {
	const links = new Map<string, UploadLink>();
	if (!Array.isArray(uploads)) return links;
	for (const link of uploads as UploadLink[]) {
		if (link && typeof link.upload_url === 'string') {
			links.set(key(String(link.credential_id), String(link.asset_id)), link);
		}
	}
	return links;
}

/** An error's text without any URL query (a presigned link's signature is a permission). */
function reasonOf(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/\?[^\s"'<>]*/g, '?…');
}

async function bytesOf(op: OperationContext<SeekPassClient>, task: Task): Promise<Buffer> {
	const { source } = task.asset;
	if ('binaryProperty' in source) {
		return await op.ctx.helpers.getBinaryDataBuffer(
			task.credential.itemIndex,
			source.binaryProperty,
		);
	}
	const file = await op.client.api.downloadPublic(source.url, task.credential.itemIndex);
	return file.body;
}

async function uploadOne(op: OperationContext<SeekPassClient>, task: Task): Promise<AssetOutcome> {
	const { asset, link } = task;
	// The link is made for one Content-Type (a presigned URL signs it): send the one it names.
	const contentType =
		typeof link?.content_type === 'string' && link.content_type !== ''
			? link.content_type
			: asset.contentType;
	const outcome: AssetOutcome = {
		assetId: asset.assetId,
		assetType: asset.assetType,
		contentType,
		bytes: null,
		status: 'failed',
	};
	if (!link) return { ...outcome, error: 'SEEK Pass returned no upload link for this asset' };
	let bytes: Buffer;
	try {
		bytes = await bytesOf(op, task);
	} catch (error) {
		return { ...outcome, error: `the file could not be read: ${reasonOf(error)}` };
	}
	if (bytes.length === 0) return { ...outcome, bytes: 0, error: 'the file is empty' };
	try {
		await op.client.uploadAsset(link.upload_url, contentType, bytes, task.credential.itemIndex);
	} catch (error) {
		return { ...outcome, bytes: bytes.length, error: `the upload failed: ${reasonOf(error)}` };
	}
	return { ...outcome, bytes: bytes.length, status: 'uploaded' };
}

/**
 * Uploads every attachment to the link the answer gave it (`uploads`), a few at a time. Never
 * throws: the credentials already exist, so each attachment gets an outcome instead, keyed by
 * credential id in the order the attachments were given.
 */
export async function uploadAssets(
	op: OperationContext<SeekPassClient>,
	credentials: CredentialAssets[],
	uploads: unknown,
): Promise<Map<string, AssetOutcome[]>> {
	const links = linksOf(uploads);
	const tasks: Task[] = credentials.flatMap((credential) =>
		credential.assets.map((asset) => ({
			credential,
			asset,
			link: links.get(key(credential.credentialId, asset.assetId)),
		})),
	);
	const settled = await inParallel(op, tasks, async (task) => await uploadOne(op, task));
	const outcomes = new Map<string, AssetOutcome[]>(
		credentials.map((c) => [c.credentialId, [] as AssetOutcome[]]),
	);
	tasks.forEach((task, index) => {
		const result = settled[index];
		outcomes.get(task.credential.credentialId)?.push(
			result?.ok
				? result.value
				: {
						assetId: task.asset.assetId,
						assetType: task.asset.assetType,
						contentType: task.asset.contentType,
						bytes: null,
						status: 'failed',
						error: reasonOf(result?.error ?? 'not attempted'),
					},
		);
	});
	return outcomes;
}

/** How many attachments of these outcomes failed. */
export function failedUploads(outcomes: Iterable<AssetOutcome[]>): number {
	let count = 0;
	for (const list of outcomes) count += list.filter((o) => o.status === 'failed').length;
	return count;
}
