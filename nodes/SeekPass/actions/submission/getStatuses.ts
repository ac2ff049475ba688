import { z } from 'zod';
import { mapConcurrent, type Settled } from '../../../common/items/legacy';
import { assembleOutput, type ItemResult } from '../../../common/items/legacy';
import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { SeekPassClient, type SubmissionStatus } from '../../transport';
import { SEEK_PASS_STATUS_BATCH_SIZE } from '../../constants';
import { submissionIdSchema } from '../../schemas';
import { failOnInvalid, prepareAll } from '../../../common/items/legacy';
import { statusItem } from '../../helpers/status-item';

const idsSchema = z.object({
	submissionIds: z.array(submissionIdSchema, { invalid_type_error: 'must be a list of IDs' }).min(1, 'must name at least one ID'),
});

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

export const getStatuses: Operation = {
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
	execute: async (op) => {
		const { ctx } = op;
		const client = new SeekPassClient(op.client);
		const prepared = await prepareAll(op.ctx, (itemIndex) => {
			const raw = ctx.getNodeParameter('submissionIds', itemIndex);
			return validateInput(ctx.getNode(), idsSchema, { submissionIds: splitIds(raw) }, itemIndex, 'submission IDs')
				.submissionIds;
		});
		failOnInvalid(op.ctx, prepared);

		// Each ID is asked for once, however many items name it.
		const chunkOf = new Map<string, number>();
		const firstItemOf = new Map<string, number>();
		prepared.forEach((p, itemIndex) => {
			if (!p.ok) return;
			for (const id of p.value) if (!firstItemOf.has(id)) firstItemOf.set(id, itemIndex);
		});
		const chunks = chunk([...firstItemOf.keys()], SEEK_PASS_STATUS_BATCH_SIZE);
		chunks.forEach((ids, c) => ids.forEach((id) => chunkOf.set(id, c)));

		const answers = await mapConcurrent(
			chunks,
			op.settings.concurrency,
			async (ids) => await client.submissionStatuses(ids, firstItemOf.get(ids[0])),
			!ctx.continueOnFail(),
		);
		const statusOf = new Map<string, SubmissionStatus>();
		for (const answer of answers) {
			if (answer?.ok) for (const status of answer.value) statusOf.set(String(status.id), status);
		}

		const outcomes = prepared.map((p): Settled<ItemResult> | undefined => {
			if (!p.ok) return p;
			const settled = p.value.map((id) => answers[chunkOf.get(id) as number]);
			const failed = settled.find((s) => s !== undefined && !s.ok);
			if (failed) return failed;
			if (settled.some((s) => s === undefined)) return undefined;
			return { ok: true, value: p.value.map((id) => statusItem(id, statusOf.get(id))) };
		});
		return assembleOutput(ctx, outcomes);
	},
};
