/**
 * The one way a form is submitted: check, and if anything is wrong, move focus to the first
 * field marked invalid (after the DOM shows the problems) so keyboard and screen-reader users
 * land on it; otherwise save. Returns whether the save ran and succeeded.
 */
import { tick } from 'svelte';

export async function submitChecked(
  form: HTMLElement | null | undefined,
  problems: object,
  save: () => Promise<boolean | void> | boolean | void,
): Promise<boolean> {
  if (Object.keys(problems).length > 0) {
    await tick();
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return false;
  }
  return (await save()) !== false;
}
