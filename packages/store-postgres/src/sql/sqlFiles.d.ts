// SQL files are imported as text (`?raw`): Vite/vitest does it natively and tsup through the
// esbuild plugin in tsup.config.ts, so the SQL ships inside the bundle, with no file reads.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
