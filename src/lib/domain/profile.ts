/**
 * Rules for learner profiles that the form applies before anything is written.
 */
import { profileSchema, type Profile } from './profile.schema';

/** What the profile form holds: free text, trimmed here. */
export interface ProfileInput {
  nickname: string;
  group: string;
}

export const profileProblems = [
  'nickname-missing',
  'nickname-too-long',
  'nickname-taken',
  'group-too-long',
] as const;
export type ProfileProblem = (typeof profileProblems)[number];

/** Problems with a profile form, before anything is written. */
export function checkProfileInput(input: ProfileInput, existing: readonly Profile[]): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const nickname = input.nickname.trim();
  const shape = profileSchema.shape;
  if (!nickname) problems.push('nickname-missing');
  else if (!shape.nickname.safeParse(nickname).success) problems.push('nickname-too-long');
  else if (existing.some((p) => p.nickname.localeCompare(nickname, 'vi', { sensitivity: 'accent' }) === 0)) {
    // Two "Lan" on one shared computer would be told apart by nobody.
    problems.push('nickname-taken');
  }
  if (input.group.trim() && !shape.group.safeParse(input.group.trim()).success)
    problems.push('group-too-long');
  return problems;
}
