@echo off
rem immudb: the immudb gRPC server (port 3322, data in ./data by default).
rem Release-archive launcher for Windows: runs from lib\ with a Java 17+ runtime.
rem   IMMUDB_JAVA_OPTS  JVM options, replacing the default below
rem   JAVA_HOME         the Java runtime to use (default: java on PATH)
setlocal
set "IMMUDB_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined IMMUDB_JAVA_OPTS set "IMMUDB_JAVA_OPTS=-Xms512m -Xmx2g -XX:+UseParallelGC"
"%JAVA%" %IMMUDB_JAVA_OPTS% -cp "%IMMUDB_HOME%\lib\*;%IMMUDB_HOME%\lib\server\*" io.immudb.server.ImmudbMain %*
exit /b %ERRORLEVEL%
