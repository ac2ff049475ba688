import type { INodePropertyOptions } from 'n8n-workflow';

/** A section of a SmartResume that a credential lands in, as the vendor names it. */
export type ResumeSection =
	| 'default award type'
	| 'Activities'
	| 'Certification'
	| 'Credentials'
	| 'Education'
	| 'Experience'
	| 'Licenses'
	| 'Professional Affiliations'
	| 'Relevant Coursework'
	| 'Skills and Abilities';

/**
 * [doc] CredentialConnect v1.3, "AchievementType Options": every 1EdTech achievementType
 * SmartResume maps, with the resume section it lands in, in the vendor's order and spelling
 * (the first entry is the vendor's own, literally "achievementType"). SmartResume accepts other
 * values but raises an alert on its admin screen and places them by hand.
 */
export const ACHIEVEMENT_TYPES: ReadonlyArray<readonly [type: string, section: ResumeSection]> = [
	['achievementType', 'default award type'],
	['Achievement', 'Credentials'],
	['ApprenticeshipCertificate', 'Experience'],
	['Assertion', 'Credentials'],
	['Assessment', 'Skills and Abilities'],
	['Assignment', 'Education'],
	['AssociateDegree', 'Education'],
	['Award', 'Credentials'],
	['BachelorDegree', 'Education'],
	['Badge', 'Credentials'],
	['ceasn:Competency', 'Skills and Abilities'],
	['ceasn:CompetencyFramework', 'Skills and Abilities'],
	['Certificate', 'Education'],
	['CertificateOfCompletion', 'Education'],
	['Certification', 'Certification'],
	['ceterms:AcademicCertificate', 'Education'],
	['ceterms:ApprenticeshipCertificate', 'Education'],
	['ceterms:AssessmentProfile', 'Skills and Abilities'],
	['ceterms:AssociateDegree', 'Education'],
	['ceterms:AssociateOfAppliedArtsDegree', 'Education'],
	['ceterms:AssociateOfAppliedScienceDegree', 'Education'],
	['ceterms:AssociateOfArtsDegree', 'Education'],
	['ceterms:AssociateOfScienceDegree', 'Education'],
	['ceterms:BachelorDegree', 'Education'],
	['ceterms:BachelorOfArtsDegree', 'Education'],
	['ceterms:BachelorOfScienceDegree', 'Education'],
	['ceterms:Badge', 'Credentials'],
	['ceterms:BasicTechnicalCertificate', 'Education'],
	['ceterms:Certificate', 'Education'],
	['ceterms:CertificateOfCompletion', 'Education'],
	['ceterms:CertificateOfParticipation', 'Education'],
	['ceterms:Certification', 'Certification'],
	['ceterms:Course', 'Relevant Coursework'],
	['ceterms:Credential', 'Credentials'],
	['ceterms:Degree', 'Education'],
	['ceterms:DigitalBadge', 'Credentials'],
	['ceterms:Diploma', 'Education'],
	['ceterms:DoctoralDegree', 'Education'],
	['ceterms:GeneralEducationDevelopment', 'Education'],
	['ceterms:GeneralEducationLevel1Certificate', 'Education'],
	['ceterms:GeneralEducationLevel2Certificate', 'Education'],
	['ceterms:HigherEducationLevel1Certificate', 'Education'],
	['ceterms:HigherEducationLevel2Certificate', 'Education'],
	['ceterms:JourneymanCertificate', 'Education'],
	['ceterms:LearningOpportunityProfile', 'Activities'],
	['ceterms:LearningProgram', 'Education'],
	['ceterms:License', 'Licenses'],
	['ceterms:MasterCertificate', 'Education'],
	['ceterms:MasterDegree', 'Education'],
	['ceterms:MasterOfArtsDegree', 'Education'],
	['ceterms:MasterOfScienceDegree', 'Education'],
	['ceterms:MicroCredential', 'Credentials'],
	['ceterms:OpenBadge', 'Credentials'],
	['ceterms:PostBaccalaureateCertificate', 'Education'],
	['ceterms:PostMasterCertificate', 'Education'],
	['ceterms:PreApprenticeshipCertificate', 'Education'],
	['ceterms:ProfessionalCertificate', 'Education'],
	['ceterms:ProfessionalDoctorate', 'Education'],
	['ceterms:ProficiencyCertificate', 'Education'],
	['ceterms:QualityAssuranceCredential', 'Credentials'],
	['ceterms:ResearchDoctorate', 'Education'],
	['ceterms:SecondaryEducationCertificate', 'Education'],
	['ceterms:SecondarySchoolDiploma', 'Education'],
	['ceterms:SpecialistDegree', 'Education'],
	['ceterms:TechnicalLevel1Certificate', 'Education'],
	['ceterms:TechnicalLevel2Certificate', 'Education'],
	['ceterms:TechnicalLevel3Certificate', 'Education'],
	['ceterms:WorkBasedLearningCertificate', 'Education'],
	['CoCurricular', 'Activities'],
	['CommunityService', 'Experience'],
	['Competency', 'Skills and Abilities'],
	['Course', 'Relevant Coursework'],
	['Credential', 'Credentials'],
	['Degree', 'Education'],
	['Diploma', 'Education'],
	['DoctoralDegree', 'Education'],
	['Fieldwork', 'Experience'],
	['GeneralEducationDevelopment', 'Education'],
	['JourneymanCertificate', 'Certification'],
	['LearningProgram', 'Education'],
	['License', 'Licenses'],
	['MasterCertificate', 'Certification'],
	['MasterDegree', 'Education'],
	['Membership', 'Professional Affiliations'],
	['Microcredential', 'Credentials'],
	['ProfessionalDoctorate', 'Education'],
	['QualityAssuranceCredential', 'Credentials'],
	['ResearchDoctorate', 'Education'],
	['SecondarySchoolDiploma', 'Education'],
];

export const ACHIEVEMENT_SECTION: ReadonlyMap<string, ResumeSection> = new Map(ACHIEVEMENT_TYPES);

/** The value of the dropdown's "Custom" entry, which shows a free-text field. */
export const CUSTOM_ACHIEVEMENT_TYPE = '__custom';

/** The dropdown: every vendor type with its section, alphabetical as n8n lists options, then Custom. */
export function achievementTypeOptions(): INodePropertyOptions[] {
	const known = [...ACHIEVEMENT_TYPES]
		.sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
		.map(([type, section]) => ({
			name: `${type} (${section})`,
			value: type,
			description: `Lands in the ${section} section of the SmartResume`,
		}));
	return [
		...known,
		{
			name: 'Custom…',
			value: CUSTOM_ACHIEVEMENT_TYPE,
			description: 'Another value; SmartResume raises an alert and places it by hand',
		},
	];
}
