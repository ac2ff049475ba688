import type { Resource } from '../../common/operation';
import type { SmartResumeClient } from '../transport';
import { credential } from './credential';
import { skill } from './skill';

export const resources: Array<Resource<SmartResumeClient>> = [credential, skill];
