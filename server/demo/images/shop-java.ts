import { zipSync, type ZipOptions } from 'fflate'
import type { TarEntry } from '../tar-writer'
import { file, withParents } from './layer-files'

/**
 * Real jar files (zip) for the Java layer: log4j-core 2.14.1 and jackson-databind 2.13.2
 * as Maven builds them (pom.properties + MANIFEST.MF), and a Spring Boot fat jar whose
 * BOOT-INF/lib holds spring-beans 5.3.17 (a jar inside the jar, stored uncompressed as
 * Boot requires) and tomcat-embed-core 9.0.60, which like the real one has only a manifest.
 */

/**
 * fflate writes DOS times from the Date's local-time fields; a Date built from local
 * fields therefore gives the same bytes in every time zone.
 */
const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0)

type JarContent = string | Uint8Array
interface JarFile {
  content: JarContent
  /** Nested jars are stored, not deflated, so they can be read in place. */
  stored?: boolean
}

function jar(files: Record<string, JarContent | JarFile>): Buffer {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {}
  for (const [name, value] of Object.entries(files)) {
    const f = typeof value === 'string' || value instanceof Uint8Array ? { content: value } : value
    const bytes = typeof f.content === 'string' ? Buffer.from(f.content) : f.content
    entries[name] = [bytes, { mtime: ZIP_MTIME, level: f.stored ? 0 : 6 }]
  }
  return Buffer.from(zipSync(entries, { mtime: ZIP_MTIME }))
}

/**
 * MANIFEST.MF as the jar tool writes it: CRLF line ends, lines longer than 72 bytes
 * continued on the next line after one space, and a blank line ending the main section.
 */
export function manifest(fields: [string, string][]): string {
  const lines: string[] = []
  for (const [key, value] of fields) {
    let line = `${key}: ${value}`
    lines.push(line.slice(0, 72))
    line = line.slice(72)
    while (line.length > 0) {
      lines.push(` ${line.slice(0, 71)}`)
      line = line.slice(71)
    }
  }
  return lines.join('\r\n') + '\r\n\r\n'
}

const pomProperties = (g: string, a: string, v: string) => `#Created by Apache Maven 3.6.3\nversion=${v}\ngroupId=${g}\nartifactId=${a}\n`
const pomXml = (g: string, a: string, v: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>${g}</groupId>\n  <artifactId>${a}</artifactId>\n  <version>${v}</version>\n</project>\n`
/** A class file stand-in: the class-file magic, then text saying what it stands for. */
const classFile = (name: string) => Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe]), Buffer.from(`\u0000placeholder for ${name}\n`)])

function mavenJar(g: string, a: string, v: string, manifestFields: [string, string][], classes: string[]): Buffer {
  return jar({
    'META-INF/MANIFEST.MF': manifest([['Manifest-Version', '1.0'], ...manifestFields]),
    [`META-INF/maven/${g}/${a}/pom.properties`]: pomProperties(g, a, v),
    [`META-INF/maven/${g}/${a}/pom.xml`]: pomXml(g, a, v),
    ...Object.fromEntries(classes.map((c) => [c, classFile(c)])),
  })
}

export function log4jCoreJar(): Buffer {
  const asf = 'The Apache Software Foundation'
  return mavenJar(
    'org.apache.logging.log4j',
    'log4j-core',
    '2.14.1',
    [
      ['Bundle-Description', 'The Apache Log4j Implementation'],
      ['Bundle-License', 'https://www.apache.org/licenses/LICENSE-2.0.txt'],
      ['Bundle-Name', 'Apache Log4j Core'],
      ['Bundle-SymbolicName', 'org.apache.logging.log4j.core'],
      ['Bundle-Vendor', asf],
      ['Bundle-Version', '2.14.1'],
      ['Created-By', 'Apache Maven Bundle Plugin'],
      ['Implementation-Title', 'Apache Log4j Core'],
      ['Implementation-Vendor', asf],
      ['Implementation-Vendor-Id', 'org.apache.logging.log4j'],
      ['Implementation-Version', '2.14.1'],
      // Long enough to be continued on the next line, as OSGi headers usually are.
      ['Import-Package', 'com.conversantmedia.util.concurrent;resolution:=optional,com.fasterxml.jackson.annotation;resolution:=optional,javax.activation;resolution:=optional'],
      ['Log4jReleaseVersion', '2.14.1'],
      ['Multi-Release', 'true'],
      ['Specification-Title', 'Apache Log4j Core'],
      ['Specification-Vendor', asf],
      ['Specification-Version', '2.14.1'],
    ],
    ['org/apache/logging/log4j/core/Logger.class', 'org/apache/logging/log4j/core/lookup/JndiLookup.class'],
  )
}

export function jacksonDatabindJar(): Buffer {
  return mavenJar(
    'com.fasterxml.jackson.core',
    'jackson-databind',
    '2.13.2',
    [
      ['Bundle-Name', 'jackson-databind'],
      ['Bundle-SymbolicName', 'com.fasterxml.jackson.core.jackson-databind'],
      ['Bundle-Version', '2.13.2'],
      ['Implementation-Title', 'jackson-databind'],
      ['Implementation-Vendor-Id', 'com.fasterxml.jackson.core'],
      ['Implementation-Version', '2.13.2'],
      ['Specification-Title', 'jackson-databind'],
      ['Specification-Version', '2.13.2'],
    ],
    ['com/fasterxml/jackson/databind/ObjectMapper.class'],
  )
}

export function springBootJar(): Buffer {
  const springBeans = mavenJar('org.springframework', 'spring-beans', '5.3.17', [['Automatic-Module-Name', 'spring.beans'], ['Implementation-Title', 'spring-beans'], ['Implementation-Version', '5.3.17']], ['org/springframework/beans/BeanWrapperImpl.class'])
  const tomcat = jar({
    'META-INF/MANIFEST.MF': manifest([
      ['Manifest-Version', '1.0'],
      ['Bundle-Name', 'tomcat-embed-core'],
      ['Bundle-SymbolicName', 'org.apache.tomcat-embed-core'],
      ['Bundle-Version', '9.0.60'],
      ['Implementation-Title', 'Apache Tomcat'],
      ['Implementation-Vendor', 'Apache Software Foundation'],
      ['Implementation-Version', '9.0.60'],
      ['Specification-Title', 'Apache Tomcat'],
      ['Specification-Version', '9.0'],
    ]),
    'org/apache/catalina/startup/Tomcat.class': classFile('org/apache/catalina/startup/Tomcat.class'),
  })
  const beansPath = 'BOOT-INF/lib/spring-beans-5.3.17.jar'
  const tomcatPath = 'BOOT-INF/lib/tomcat-embed-core-9.0.60.jar'
  return jar({
    'META-INF/MANIFEST.MF': manifest([
      ['Manifest-Version', '1.0'],
      ['Created-By', 'Maven JAR Plugin 3.2.2'],
      ['Build-Jdk-Spec', '17'],
      ['Implementation-Title', 'shop'],
      ['Implementation-Version', '1.0.0'],
      ['Main-Class', 'org.springframework.boot.loader.JarLauncher'],
      ['Start-Class', 'com.example.shop.ShopApplication'],
      ['Spring-Boot-Version', '2.6.5'],
      ['Spring-Boot-Classes', 'BOOT-INF/classes/'],
      ['Spring-Boot-Lib', 'BOOT-INF/lib/'],
      ['Spring-Boot-Classpath-Index', 'BOOT-INF/classpath.idx'],
    ]),
    'META-INF/maven/com.example/shop/pom.properties': pomProperties('com.example', 'shop', '1.0.0'),
    'META-INF/maven/com.example/shop/pom.xml': pomXml('com.example', 'shop', '1.0.0'),
    'org/springframework/boot/loader/JarLauncher.class': classFile('org/springframework/boot/loader/JarLauncher.class'),
    'BOOT-INF/classes/application.properties': 'server.port=8080\nspring.application.name=shop\n',
    'BOOT-INF/classes/com/example/shop/ShopApplication.class': classFile('com/example/shop/ShopApplication.class'),
    'BOOT-INF/classpath.idx': `- "${beansPath}"\n- "${tomcatPath}"\n`,
    [beansPath]: { content: springBeans, stored: true },
    [tomcatPath]: { content: tomcat, stored: true },
  })
}

/** `COPY java/ /app/`: the fat jar and the plain library jars beside it. */
export function shopJavaLayer(): TarEntry[] {
  return withParents([file('app/shop.jar', springBootJar()), file('app/lib/log4j-core-2.14.1.jar', log4jCoreJar()), file('app/lib/jackson-databind-2.13.2.jar', jacksonDatabindJar())])
}
