/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:content/catalog' {
  const catalog: import('./lib/content/catalog').Catalog;
  export default catalog;
}

declare module 'virtual:content/bank' {
  const bank: {
    questions: import('./lib/content/content.schema').Question[];
    sources: import('./lib/content/content.schema').Source[];
  };
  export default bank;
}

// fake-indexeddb ships types for "auto" that its package exports do not point to.
declare module 'fake-indexeddb/auto';

/** Set by vite.config.ts: the version shown in the app and used to tell builds apart. */
declare const __APP_VERSION__: string;
