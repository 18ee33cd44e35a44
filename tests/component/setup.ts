import '@testing-library/jest-dom/vitest';
import { initI18n } from '../../src/lib/i18n/i18n';

await initI18n();
