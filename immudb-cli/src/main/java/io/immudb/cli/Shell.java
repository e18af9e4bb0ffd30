package io.immudb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.SystemCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * The interactive shell of a tool ({@code immuclient it}): reads command lines with JLine (line
 * editing, history in {@code ~/.immudb/<tool>_history}, tab completion of commands and flags) and
 * runs each as the tool would, with the global flags the shell was started with. {@code exit},
 * {@code quit} or end of input leave it; Ctrl-C drops the current line. Works on piped input too.
 * The commands print through the tool's {@link Console}; the prompt, line editing and the shell's
 * own messages belong to JLine's terminal.
 */
final class Shell {
  private Shell() {}

  static int run(
      String tool,
      Supplier<Object> newCommand,
      Console console,
      List<String> globalArgs,
      Map<String, String> env,
      Path history)
      throws Exception {
    return run(tool, newCommand, console, globalArgs, env, history, java.util.Set.of());
  }

  /**
   * As above; for the commands in {@code rawTail} (e.g. SQL's {@code exec} and {@code query}) the
   * rest of the line after the command word is passed as one argument, exactly as typed, so that
   * SQL's quotes reach the server (unless the rest starts with an option, e.g. {@code --param}:
   * then the line is split into words as for any command).
   */
  static int run(
      String tool,
      Supplier<Object> newCommand,
      Console console,
      List<String> globalArgs,
      Map<String, String> env,
      Path history,
      java.util.Set<String> rawTail)
      throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      PicocliCommands commands = new PicocliCommands(new CommandLine(newCommand.get()));
      SystemCompleter completer = commands.compileCompleters();
      completer.compile();
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName(tool)
              .completer(completer)
              .parser(new DefaultParser())
              .variable(LineReader.HISTORY_FILE, history)
              .build();
      terminal
          .writer()
          .println(tool + " interactive shell: 'help' lists the commands, 'exit' leaves.");
      terminal.writer().flush();
      while (true) {
        String line;
        try {
          line = reader.readLine(tool + "> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        List<String> words =
            reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
          continue;
        }
        String first = words.get(0);
        if (first.equals("exit") || first.equals("quit")) {
          return 0;
        }
        if (first.equals("it")) {
          terminal.writer().println("already in the shell");
          terminal.writer().flush();
          continue;
        }
        List<String> args = new ArrayList<>(globalArgs);
        String typed = line.strip();
        if (rawTail.contains(first)
            && typed.startsWith(first + " ")
            && !typed.substring(first.length()).strip().startsWith("-")) {
          args.add(first);
          args.add(typed.substring(first.length()).strip());
        } else {
          args.addAll(words);
        }
        Tools.run(newCommand.get(), tool, args.toArray(String[]::new), env);
        console.out().flush();
      }
    }
  }
}
