/**
 * Bare imports that must stay imports in the CVAT bundle: CVAT's own instances of these
 * are what the plugin has to use (a second React breaks hooks; a second antd breaks the
 * theme and doubles the size). `react-dom/client` is part of react-dom.
 */
const SHARED = [
  /^react$/,
  /^react\/jsx-runtime$/,
  /^react-dom$/,
  /^react-dom\/client$/,
  /^antd$/,
  /^antd\/lib\/[\w-]+(\/[\w-]+)*$/,
  /^@ant-design\/icons(\/[\w-]+)*$/,
  /^react-router$/,
  /^react-router-dom$/,
];

export function isSharedWithCvat(specifier: string): boolean {
  return SHARED.some((pattern) => pattern.test(specifier));
}
