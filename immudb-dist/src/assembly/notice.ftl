immudb (Java)
Licensed under the Apache License, Version 2.0: see LICENSE.

The jars in lib/ other than io.immudb's own are third-party libraries, bundled unmodified, each
under the licence(s) its publisher declares, named below with the library's home page. Where two
licences are named, the library is offered under either.

<#list dependencyMap as e>
<#assign p = e.getKey()/>
${p.groupId}:${p.artifactId}:${p.version}
    ${p.name!p.artifactId}<#if p.url??> - ${p.url}</#if>
    licence: ${e.getValue()?join("; ")}
</#list>
