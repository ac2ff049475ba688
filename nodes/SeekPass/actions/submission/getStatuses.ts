import { z } from 'zod';
import { ItemParams } from '../../../common/item-params';
import { batched, failed, inParallel, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { SEEK_PASS_STATUS_BATCH_SIZE } from '../../constants';
import { statusIdKey, statusItem } from '../../helpers/status-item';
import { submissionIdSchema } from '../../schemas';
import type { SeekPassClient, SubmissionStatus } from '../../transport';

const idsSchema = z.object({
	submissionIds: z
		.array(submissionIdSchema, { invalid_type_error: 'must be a list of IDs' })
		.min(1, 'must name at least one ID'),
});

interface IdsEntry extends Entry {
	ids: string[];
}

/** A list from an expression, or text with IDs separated by commas, spaces or new lines. */
function splitIds(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? String(v) : v));
	if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
	return value;
}

function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}

export const getStatuses: Operation<SeekPassClient> = {
	value: 'getStatuses',
	name: 'Get Many Statuses',
	action: 'Get the statuses of many submissions',
	description: `Statuses of any number of submissions, asked ${SEEK_PASS_STATUS_BATCH_SIZE} at a time; one output item per ID, unknown IDs included`,
	properties: [
		{
			displayName: 'Submission IDs',
			name: 'submissionIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. {{ $json.submissionId }}',
			description:
				'The IDs of this item: one ID, several separated by commas or new lines, or a list from an expression. IDs of all items are asked for together.',
		},
	],
	// All items form one group: each ID is asked for once, however many items name it, in chunks
	// of the API's maximum; a failed chunk fails only the items that named one of its IDs.
	execute: batched((op) => ({
		prepare: (itemIndex): IdsEntry => {
			const params = new ItemParams(op.ctx, itemIndex, 'submission IDs');
			const raw = params.raw<unknown>('submissionIds');
			return {
				itemIndex,
				ids: params.validate(idsSchema, { submissionIds: splitIds(raw) }).submissionIds,
			};
		},
		groupKey: () => 'all',
		send: async (entries) => {
			const key = statusIdKey(op.ctx.getNode());
			const firstItemOf = new Map<string, number>();
			for (const { ids, itemIndex } of entries) {
				for (const id of ids) if (!firstItemOf.has(id)) firstItemOf.set(id, itemIndex);
			}
			const chunks = chunk([...firstItemOf.keys()], SEEK_PASS_STATUS_BATCH_SIZE);
			const answers = await inParallel(
				op,
				chunks,
				async (ids) => await op.client.submissionStatuses(ids, firstItemOf.get(ids[0])),
			);

			const chunkOf = new Map<string, number>();
			chunks.forEach((ids, c) => ids.forEach((id) => chunkOf.set(id, c)));
			const statusOf = new Map<string, SubmissionStatus>();
			let firstFailure: unknown;
			for (const answer of answers) {
				if (answer?.ok) for (const status of answer.value) statusOf.set(String(status.id), status);
				else if (answer && firstFailure === undefined) firstFailure = answer.error;
			}

			return entries.map(({ ids }) => {
				const settled = ids.map((id) => answers[chunkOf.get(id) as number]);
				const failure = settled.find((s) => s !== undefined && !s.ok);
				if (failure && !failure.ok) return failed(failure.error);
				// Not asked: the run stopped at another chunk's failure (no Continue on Fail).
				if (settled.some((s) => s === undefined)) return failed(firstFailure);
				return ids.map((id) => statusItem(key, id, statusOf.get(id)));
			});
		},
	})),
};
