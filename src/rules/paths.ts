/**
 * Where the package's own files are: the same from the compiled code (dist/src/...) and from the sources
 * (src/..., as the unit tests load them), so both read the one dist/ the build made.
 */
import path from 'node:path';

const twoUp = path.resolve(__dirname, '..', '..');
export const PACKAGE_ROOT = path.basename(twoUp) === 'dist' ? path.dirname(twoUp) : twoUp;
export const DIST = path.join(PACKAGE_ROOT, 'dist');
