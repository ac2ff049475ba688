import { getCustomAttributes, getDesigns } from './loadOptions';
import { searchCredentials, searchDesigns, searchGroups } from './listSearch';

export const listSearch = { searchCredentials, searchGroups, searchDesigns };
export const loadOptions = { getCustomAttributes, getDesigns };
