import type { OsInfo } from '@contract/findings'
import { describe, expect, it } from 'vitest'
import { binaryFixVersion, fixCommand } from './fix-command'
import { component, deb } from './testing/components'

describe('fixCommand', () => {
  const rocky9: OsInfo = { id: 'rocky', versionId: '9.3', ecosystem: 'Rocky Linux:9' }
  const centos7: OsInfo = { id: 'centos', versionId: '7' }

  it.each([
    [deb('libc6', '2.35-0ubuntu3.3', 'glibc'), null, '2.35-0ubuntu3.4', 'apt-get install --only-upgrade libc6=2.35-0ubuntu3.4'],
    [component({ format: 'apk', name: 'musl-utils', version: '1.2.4-r2' }), null, '1.2.4-r3', 'apk add --upgrade musl-utils=1.2.4-r3'],
    [component({ format: 'rpm', name: 'openssl-libs', version: '3.0.7-24.el9' }), rocky9, '1:3.0.7-25.el9', 'dnf upgrade -y openssl-libs-1:3.0.7-25.el9'],
    [component({ format: 'rpm', name: 'openssl-libs', version: '1.0.2k-19.el7' }), centos7, '1.0.2k-21.el7', 'yum update -y openssl-libs-1.0.2k-21.el7'],
    [component({ format: 'npm', name: '@babel/traverse', version: '7.22.0' }), null, '7.23.2', 'npm install @babel/traverse@7.23.2'],
    [component({ format: 'pypi', name: 'PyYAML', version: '5.3' }), null, '5.3.1', "pip install 'PyYAML==5.3.1'"],
    [component({ format: 'maven', group: 'org.springframework', name: 'spring-beans', version: '5.3.17' }), null, '5.3.18', 'update org.springframework:spring-beans to 5.3.18'],
    [component({ format: 'go', name: 'golang.org/x/net', version: 'v0.16.0' }), null, '0.17.0', 'go get golang.org/x/net@v0.17.0'],
    [component({ format: 'go', name: 'stdlib', version: '1.21.2' }), null, '1.21.3', 'rebuild with Go 1.21.3 or later'],
    [component({ format: 'gem', name: 'rack', version: '2.2.3' }), null, '2.2.6.4', 'gem install rack -v 2.2.6.4'],
    [component({ format: 'nuget', source: 'DOTNET', name: 'Newtonsoft.Json', version: '12.0.3' }), null, '13.0.1', 'dotnet add package Newtonsoft.Json --version 13.0.1'],
    [component({ format: 'nuget', name: 'Newtonsoft.Json', version: '12.0.3' }), null, '13.0.1', 'dotnet add package Newtonsoft.Json --version 13.0.1'],
    // The runtime is not added to a project: a shared framework (as StackRox names it) and a self-contained app's runtime pack.
    [component({ format: 'nuget', name: 'microsoft.netcore.app', version: '3.1.2' }), null, '3.1.4', 'move to .NET runtime microsoft.netcore.app 3.1.4 or later'],
    [component({ format: 'nuget', name: 'Microsoft.AspNetCore.App.Runtime.linux-x64', version: '6.0.0' }), null, '6.0.25', 'move to .NET runtime Microsoft.AspNetCore.App.Runtime.linux-x64 6.0.25 or later'],
    // A package whose name only starts like a framework's is a package.
    [component({ format: 'nuget', name: 'Microsoft.AspNetCore.App.Ref.Extra', version: '1.0.0' }), null, '1.0.1', 'dotnet add package Microsoft.AspNetCore.App.Ref.Extra --version 1.0.1'],
  ])('%# %s', (c, os, version, expected) => {
    expect(fixCommand(c, os, version)).toBe(expected)
  })
})

describe('binaryFixVersion', () => {
  it('takes the version Ubuntu lists for the binary', () => {
    expect(binaryFixVersion(deb('libc6', '2.35-0ubuntu3.3', 'glibc'), '2.35-0ubuntu3.4', [{ name: 'libc6', version: '2.35-0ubuntu3.4' }])).toBe('2.35-0ubuntu3.4')
  })

  it('keeps the binary’s epoch when the source version has none (bsdutils from util-linux)', () => {
    expect(binaryFixVersion(deb('bsdutils', '1:2.37.2-4ubuntu3', 'util-linux', '2.37.2-4ubuntu3'), '2.37.2-4ubuntu3.1', [])).toBe('1:2.37.2-4ubuntu3.1')
  })

  it('uses the fixed version as it is otherwise', () => {
    expect(binaryFixVersion(deb('curl', '7.81.0-1ubuntu1.13'), '7.81.0-1ubuntu1.14', [])).toBe('7.81.0-1ubuntu1.14')
  })
})
