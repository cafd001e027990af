/**
 * What each demo repository is meant to exercise, written into DEMO.json beside the
 * images so later tests (and people) can check a scan against the intent.
 */

/** A package planted at a version inside the affected range of the named bundled advisories. */
export interface PlantedPackage {
  /** OSV ecosystem, e.g. `Ubuntu:22.04:LTS`, `Alpine:v3.18`, `npm`, `PyPI`, `Maven`. */
  ecosystem: string
  /** OSV package name: the dpkg source or apk origin, `groupId:artifactId` for Maven. */
  name: string
  version: string
  advisories: string[]
  /** Where it sits in the image, when that is part of the point. */
  path?: string
}

export interface DemoNotes {
  repository: string
  os: string
  vulnerable: PlantedPackage[]
  /** Packages present in some layer but deleted later: a scan must not report them. */
  removed: { ecosystem: string; name: string; version: string; path: string }[]
  baseline: string[]
  malicious: string[]
}
