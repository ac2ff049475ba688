// The vendor's achievement-type list and the dropdown built from it.
import {
	achievementTypeOptions,
	ACHIEVEMENT_TYPES,
	CUSTOM_ACHIEVEMENT_TYPE,
} from '../../../../nodes/SmartResume/helpers/achievement-types';
import { ACHIEVEMENT_TYPES as SANDBOX_TYPES } from '../../../../sandbox/smartresume/index.cjs';

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
