import { openDirectorySource } from './directory-source'
import { openDockerArchiveSource } from './docker-archive-source'
import type { ImageSource } from './image-source'
import { openOciLayoutSource } from './oci-layout-source'
import { openRegistrySource } from './registry-source'

export type ImageSourceTarget =
  | { kind: 'registry'; url: string; username?: string | undefined; password?: string | undefined; insecureTls?: boolean | undefined }
  | { kind: 'directory'; path: string }
  | { kind: 'oci-layout'; path: string }
  | { kind: 'docker-archive'; path: string }

/**
 * Opens whichever kind of image source an instance points at. Close it when done.
 *
 * @example
 * const source = await openImageSource({ kind: 'registry', url: 'https://registry.example.com', username, password })
 * try {
 *   const repos = await source.listRepositories()
 * } finally {
 *   await source.close()
 * }
 */
export function openImageSource(target: ImageSourceTarget): Promise<ImageSource> {
  switch (target.kind) {
    case 'registry':
      return openRegistrySource({ url: target.url, username: target.username, password: target.password, insecureTls: target.insecureTls })
    case 'directory':
      return openDirectorySource(target.path)
    case 'oci-layout':
      return openOciLayoutSource(target.path)
    case 'docker-archive':
      return openDockerArchiveSource(target.path)
  }
}
