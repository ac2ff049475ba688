// Small pure pieces: the claim link, the Certifier mapping, the achievement-type list.
import { achievementTypeOptions, ACHIEVEMENT_TYPES, CUSTOM_ACHIEVEMENT_TYPE } from '../../../nodes/SmartResume/achievement-types';
import { certifierRecipient, certifierToOb3, dayToDateTime, splitName } from '../../../nodes/SmartResume/builders/from-certifier';
import { parseClaimLink } from '../../../nodes/SmartResume/claim-link';
import { ACHIEVEMENT_TYPES as SANDBOX_TYPES } from '../../../sandbox/smartresume/index.cjs';

describe('parseClaimLink', () => {
	test.each([
		['https://my.smartresume.com/createmyresume/abc123', 'abc123'],
		['http://127.0.0.1:4780/smartresume/createmyresume/Zx-9_q', 'Zx-9_q'],
		['https://my.smartresume.com/createmyresume/a%2Fb?x=1#f', 'a/b'],
		['https://my.smartresume.com/createmyresume/', null],
		['https://my.smartresume.com/other/abc', null],
		['not a url', null],
	])('%s → %s', (url, token) => {
		expect(parseClaimLink(url)).toEqual({ claimUrl: url, identifierToken: token });
	});
});

describe('Certifier mapping', () => {
	test('names split on the first space; empty pieces stay empty', () => {
		expect(splitName('Ada King Lovelace')).toEqual({ givenName: 'Ada', familyName: 'King Lovelace' });
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
			{ id: 'cred-1', groupId: 'grp-1', issueDate: '2024-01-02', expiryDate: null, group: { id: 'grp-1', name: 'Data 101' } },
			{ achievementType: 'Badge', issuer, achievementName: '', achievementDescription: 'd', achievementImageId: '', subjectId: '', recipientId: 'r-1' },
		);
		expect(ob3).toEqual({
			id: 'cred-1',
			name: 'Data 101',
			dates: { awardedDate: '2024-01-02', activityEndDate: '', issuedOn: '2024-01-02', issuanceDate: '2024-01-02T00:00:00Z', expirationDate: '' },
			subjectId: 'r-1',
			achievement: { id: 'grp-1', achievementType: 'Badge', name: 'Data 101', description: 'd', imageId: '' },
			issuer,
		});
		expect(certifierRecipient({ id: 'c', groupId: 'g', recipient: { id: 'r', name: 'A B', email: null } })).toEqual({
			id: 'r',
			givenName: 'A',
			familyName: 'B',
			email: '',
		});
	});
});

describe('achievement types', () => {
	test("the node's list is the vendor's (the same as the emulator's), with its sections", () => {
		expect(ACHIEVEMENT_TYPES).toEqual(SANDBOX_TYPES);
		expect(ACHIEVEMENT_TYPES).toHaveLength(89);
	});

	test('the dropdown: every type once, its section shown, sorted, Custom last', () => {
		const options = achievementTypeOptions();
		expect(options).toHaveLength(ACHIEVEMENT_TYPES.length + 1);
		expect(options.find((o) => o.value === 'Course')).toEqual({
			name: 'Course (Relevant Coursework)',
			value: 'Course',
			description: 'Lands in the Relevant Coursework section of the SmartResume',
		});
		expect(options.at(-1)?.value).toBe(CUSTOM_ACHIEVEMENT_TYPE);
		const names = options.slice(0, -1).map((o) => o.name.toLowerCase());
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
	});
});
