@echo off
rem immugw: the verifying gateway (immudb REST API in front of a server, proofs checked here).
rem Release-archive launcher for Windows: runs from lib\ with a Java 17+ runtime.
rem   IMMUDB_JAVA_OPTS  JVM options, replacing the default below
rem   JAVA_HOME         the Java runtime to use (default: java on PATH)
setlocal
set "IMMUDB_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined IMMUDB_JAVA_OPTS set "IMMUDB_JAVA_OPTS=-Xmx512m -XX:+UseSerialGC -Xshare:auto"
"%JAVA%" %IMMUDB_JAVA_OPTS% -cp "%IMMUDB_HOME%\lib\*;%IMMUDB_HOME%\lib\cli\*" io.immudb.gw.Immugw %*
exit /b %ERRORLEVEL%
