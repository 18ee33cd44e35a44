/// <reference types="svelte" />
/// <reference types="vite/client" />

// The bundled content, checked at build time (vite.config.ts, src/lib/content/contentFiles.ts).
declare module 'virtual:content/catalog' {
  const catalog: import('./lib/content/catalog').Catalog;
  export default catalog;
}
declare module 'virtual:content/bank' {
  const questions: import('./lib/content/content.schema').Question[];
  export default questions;
}
declare module 'virtual:content/sources' {
  const sources: import('./lib/content/content.schema').Source[];
  export default sources;
}
declare module 'virtual:content/materials' {
  const materials: import('./lib/content/material.schema').Material[];
  export default materials;
}
declare module 'virtual:content/plans' {
  const plans: import('./lib/content/plan.schema').Plan[];
  export default plans;
}
declare module 'virtual:content/series' {
  const series: import('./lib/content/series.schema').Series[];
  export default series;
}
declare module 'virtual:content/slogans' {
  const slogans: import('./lib/content/material.schema').Slogan[];
  export default slogans;
}

// fake-indexeddb ships types for "auto" that its package exports do not point to.
declare module 'fake-indexeddb/auto';

/** Set by vite.config.ts: the version shown in the app and used to tell builds apart. */
declare const __APP_VERSION__: string;
