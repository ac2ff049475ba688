// submission:getStatuses when one chunk of ids fails: only the items that named one of its ids
// fail; the others get their statuses (Continue on Fail), or the run fails with the API's error.
import { NodeApiError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { OperationContext } from '../../../../../nodes/common/operation';
import { getStatuses } from '../../../../../nodes/SeekPass/actions/submission/getStatuses';
import type { SeekPassClient, SubmissionStatus } from '../../../../../nodes/SeekPass/transport';
import { DEFAULT_RETRY_POLICY } from '../../../../../nodes/common/transport/retry-policy';

const node: INode = {
	id: 'n1',
	name: 'SEEK Pass',
	type: 'seekPass',
	typeVersion: 1,
	position: [0, 0],
	// Ids that differ per item come from an expression, as in n8n (a constant is read once).
	parameters: { submissionIds: '={{ $json.ids }}' },
};

/** 31 distinct ids make two chunks (30 + 1); the item of `fail-0` is the only one in the second. */
const items = [
	{ ids: Array.from({ length: 20 }, (_, i) => `a-${i}`) },
	{ ids: Array.from({ length: 10 }, (_, i) => `b-${i}`).concat('a-0') },
	{ ids: ['fail-0'] },
	{ ids: ['a-5', 'b-9'] },
];

function operation(continueOnFail: boolean) {
	const asked: string[][] = [];
	const ctx = {
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string, itemIndex: number) => {
			if (name !== 'submissionIds') throw new Error(`unexpected parameter ${name}`);
			return items[itemIndex].ids;
		},
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as unknown as IExecuteFunctions;
	const client = {
		submissionStatuses: async (ids: string[], itemIndex?: number): Promise<SubmissionStatus[]> => {
			asked.push(ids);
			if (ids.includes('fail-0')) {
				throw new NodeApiError(node, { message: 'down' }, { httpCode: '503', itemIndex });
			}
			return ids.map((id) => ({ id, status: 'incomplete', finalized_at: null }));
		},
	} as unknown as SeekPassClient;
	const op: OperationContext<SeekPassClient> = {
		ctx,
		client,
		settings: { concurrency: 1, timeoutMs: 1000, retry: DEFAULT_RETRY_POLICY },
	};
	return { op, asked };
}

test('with Continue on Fail, a failed chunk fails only the items whose ids were in it', async () => {
	const { op, asked } = operation(true);
	const output = await getStatuses.execute(op);

	expect(asked.map((ids) => ids.length)).toEqual([30, 1]);
	expect(
		output.filter((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 2),
	).toEqual([
		expect.objectContaining({
			json: expect.objectContaining({ error: expect.any(String), httpCode: '503' }),
		}),
	]);
	const statuses = output.filter((item) => item.json.error === undefined);
	expect(
		statuses.map((item) => [item.json.id, (item.pairedItem as { item: number }).item]),
	).toEqual([
		...items[0].ids.map((id) => [id, 0]),
		...items[1].ids.map((id) => [id, 1]),
		['a-5', 3],
		['b-9', 3],
	]);
});

test('without Continue on Fail, the run fails with the API error of the failed chunk', async () => {
	const { op } = operation(false);
	await expect(getStatuses.execute(op)).rejects.toMatchObject({ httpCode: '503' });
});
