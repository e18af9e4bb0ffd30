package io.immudb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Asks for a secret: without echo on a terminal, else one line of standard input. */
final class Prompt {
  private Prompt() {}

  static String password(String prompt) throws IOException {
    java.io.Console console = System.console();
    if (console != null) {
      char[] pw = console.readPassword(prompt);
      if (pw == null) {
        throw new IOException("no password given");
      }
      return new String(pw);
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IOException("no password given (use --password or type it on standard input)");
    }
    return line;
  }
}
