// The built plugin folder, aliased by the harness build (support/buildHarness.ts).
declare module 'clearml-cvat-plugin';
