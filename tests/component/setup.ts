import '@testing-library/jest-dom/vitest';
import { initI18n, loadMessageGroups } from '../../src/lib/i18n/i18n';

await initI18n();
// Components are tested outside their screens: load every message group they may use.
await loadMessageGroups(['quiz', 'progress', 'materials', 'help', 'profiles', 'notices']);
