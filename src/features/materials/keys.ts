/**
 * Presenter keys must not steal keys from controls: Space or Enter on a focused button
 * presses the button, and typing in a field types.
 */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  return (event.key === ' ' || event.key === 'Enter') && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
}
