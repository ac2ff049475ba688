// A Certifier credential item mapped to SmartResume's OB 3.0 fields.
import {
	certifierRecipient,
	certifierToOb3,
	dayToDateTime,
	splitName,
} from '../../../../../nodes/SmartResume/helpers/builders/from-certifier';

describe('Certifier mapping', () => {
	test('names split on the first space; empty pieces stay empty', () => {
		expect(splitName('Ada King Lovelace')).toEqual({
			givenName: 'Ada',
			familyName: 'King Lovelace',
		});
		expect(splitName('  Plato ')).toEqual({ givenName: 'Plato', familyName: '' });
		expect(splitName(null)).toEqual({ givenName: '', familyName: '' });
	});

	test('days become midnight UTC date-times; anything else passes as is', () => {
		expect(dayToDateTime('2024-05-01')).toBe('2024-05-01T00:00:00Z');
		expect(dayToDateTime('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00Z');
		expect(dayToDateTime(null)).toBe('');
	});

	test('assertion = credential id, achievement = group, issuer from the node', () => {
		const issuer = { id: 'org', name: 'Org', email: '', url: '', imageId: '', description: '' };
		const ob3 = certifierToOb3(
			{
				id: 'cred-1',
				groupId: 'grp-1',
				issueDate: '2024-01-02',
				expiryDate: null,
				group: { id: 'grp-1', name: 'Data 101' },
			},
			{
				achievementType: 'Badge',
				issuer,
				achievementName: '',
				achievementDescription: 'd',
				achievementImageId: '',
				subjectId: '',
				recipientId: 'r-1',
			},
		);
		expect(ob3).toEqual({
			id: 'cred-1',
			name: 'Data 101',
			dates: {
				awardedDate: '2024-01-02',
				activityEndDate: '',
				issuedOn: '2024-01-02',
				issuanceDate: '2024-01-02T00:00:00Z',
				expirationDate: '',
			},
			subjectId: 'r-1',
			achievement: {
				id: 'grp-1',
				achievementType: 'Badge',
				name: 'Data 101',
				description: 'd',
				imageId: '',
			},
			issuer,
		});
		expect(
			certifierRecipient({
				id: 'c',
				groupId: 'g',
				recipient: { id: 'r', name: 'A B', email: null },
			}),
		).toEqual({
			id: 'r',
			givenName: 'A',
			familyName: 'B',
			email: '',
		});
	});
});
