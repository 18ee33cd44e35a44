/**
 * A learner profile: a chosen nickname and an optional class or group, nothing else.
 * Several live on one device (a shared school computer); there are no accounts.
 */
import * as z from 'zod/mini';

export const nicknameMaxLength = 40;

const shortText = (min: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(nicknameMaxLength));

export const profileSchema = z.strictObject({
  id: z.uuid(),
  nickname: shortText(1),
  group: z.optional(shortText(1)),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof profileSchema>;
