/**
 * Where a report's annotations live: `NAME.EXT.annotations.yaml` beside
 * `NAME.EXT`, so the sidecar sorts next to its report, travels with it in
 * git, and names the report it belongs to.
 */
import type { FileSystem } from '../ports';

/** The suffix every sidecar's file name ends with. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The sidecar path of a report: `report.txt` → `report.txt.annotations.yaml` in the same folder. */
export function sidecarPathOf(fs: FileSystem, reportPath: string): string {
  return fs.sibling(reportPath, `${fs.basename(reportPath)}${SIDECAR_SUFFIX}`);
}

/** Whether a file name or path names a sidecar. */
export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX) && path.length > SIDECAR_SUFFIX.length;
}

/** The report path a sidecar belongs to (`report.txt.annotations.yaml` → `report.txt`), or undefined when `sidecarPath` is not a sidecar's. */
export function reportPathOf(fs: FileSystem, sidecarPath: string): string | undefined {
  const name = fs.basename(sidecarPath);
  if (!isSidecarPath(name)) return undefined;
  return fs.sibling(sidecarPath, name.slice(0, -SIDECAR_SUFFIX.length));
}
