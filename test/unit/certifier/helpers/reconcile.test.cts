// writeOnce, the loop that settles a write whose answer was lost: only an outcomeUnknown error is
// looked into, a lookup's answer decides (result, send again, or the error kept with the reason),
// a failing lookup never leads to a resend, and the sends are bounded.
import { NodeApiError, type INode } from 'n8n-workflow';
import { type Finding, writeOnce } from '../../../../nodes/Certifier/helpers/reconcile';

const node: INode = {
	id: '1',
	name: 'Certifier',
	type: 'certifier',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function apiError(httpCode: string, outcomeUnknown: boolean): NodeApiError {
	const error = new NodeApiError(
		node,
		{ message: `Certifier answered ${httpCode}` },
		{ httpCode, message: `Certifier answered ${httpCode}`, description: 'POST /credentials.' },
	);
	if (outcomeUnknown) error.context.outcomeUnknown = true;
	return error;
}

/** A write that fails with these errors in turn, then answers 'created'. */
function writer(...errors: NodeApiError[]) {
	let sends = 0;
	const write = async () => {
		const error = errors[sends++];
		if (error) throw error;
		return 'created';
	};
	return { write, sends: () => sends };
}

test('an error that says nothing was done is thrown as it is, without a lookup', async () => {
	const { write, sends } = writer(apiError('500', false));
	const look = jest.fn();
	await expect(writeOnce(write, look)).rejects.toMatchObject({ httpCode: '500' });
	expect(look).not.toHaveBeenCalled();
	expect(sends()).toBe(1);
});

test('found: what the lookup found is returned and nothing is sent again', async () => {
	const { write, sends } = writer(apiError('502', true));
	expect(await writeOnce(write, async () => ({ done: 'found' }))).toBe('found');
	expect(sends()).toBe(1);
});

test('not found: sent again, and the second answer is the result', async () => {
	const { write, sends } = writer(apiError('502', true));
	expect(await writeOnce(write, async () => ({ notDone: true }))).toBe('created');
	expect(sends()).toBe(2);
});

test('unclear: the error stays outcomeUnknown and says why; nothing is sent again', async () => {
	const { write, sends } = writer(apiError('504', true));
	const error = await writeOnce(write, async () => ({ unclear: 'two candidates' })).catch(
		(e: NodeApiError) => e,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).context.outcomeUnknown).toBe(true);
	expect((error as NodeApiError).description).toBe(
		'POST /credentials. Looked up afterwards: two candidates.',
	);
	expect(sends()).toBe(1);
});

test('a lookup that fails with a 4xx is not tried again and never leads to a resend', async () => {
	const { write, sends } = writer(apiError('502', true));
	const look = jest.fn(async (): Promise<Finding<string>> => {
		throw apiError('401', false);
	});
	const error = (await writeOnce(write, look).catch((e) => e)) as NodeApiError;
	expect(error.context.outcomeUnknown).toBe(true);
	expect(error.description).toMatch(/the lookup failed too \(Certifier answered 401\)/);
	expect(look).toHaveBeenCalledTimes(1);
	expect(sends()).toBe(1);
});

test('a write whose answer is lost every time is sent at most 5 times', async () => {
	const lost = Array.from({ length: 10 }, () => apiError('502', true));
	const { write, sends } = writer(...lost);
	const error = (await writeOnce(write, async () => ({ notDone: true })).catch(
		(e) => e,
	)) as NodeApiError;
	expect(error.context.outcomeUnknown).toBe(true);
	expect(error.description).toMatch(/not found after each of 5 sends/);
	expect(sends()).toBe(5);
});
