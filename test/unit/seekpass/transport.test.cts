import { parseSeekPassError } from '../../../nodes/SeekPass/transport';

describe('SEEK Pass error bodies', () => {
	it('reads an OAuth-style body with the fields at fault', () => {
		expect(
			parseSeekPassError({
				error: 'validation_error',
				error_description: 'data.credential.conferral_year: must be a year',
				details: [{ field: 'data.credential.conferral_year', message: 'must be a year' }],
			}),
		).toEqual({
			code: 'validation_error',
			message: 'data.credential.conferral_year: must be a year',
			fields: ['data.credential.conferral_year'],
		});
		expect(parseSeekPassError({ error: 'invalid_token', error_description: 'expired' })).toEqual({
			code: 'invalid_token',
			message: 'expired',
			fields: [],
		});
	});

	it('reads a nested error object, and plain text', () => {
		expect(
			parseSeekPassError({
				error: { code: 'conflict', message: 'pending', details: [{ field: 'id' }] },
			}),
		).toEqual({
			code: 'conflict',
			message: 'pending',
			fields: ['id'],
		});
		expect(parseSeekPassError('Bad gateway')).toEqual({ message: 'Bad gateway' });
		expect(parseSeekPassError(undefined)).toBeUndefined();
	});
});
