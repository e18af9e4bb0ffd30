package io.immudb.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake {@link CommandRunner}: records every command and answers from a script (default 0). */
final class RecordingRunner implements CommandRunner {
  final List<String> commands = new ArrayList<>();
  private final Map<String, Result> answers = new HashMap<>();

  /** Answers commands whose text starts with {@code prefix} with {@code result}. */
  RecordingRunner answer(String prefix, int exitCode, String output) {
    answers.put(prefix, new Result(exitCode, output));
    return this;
  }

  @Override
  public Result run(List<String> command) {
    String text = String.join(" ", command);
    commands.add(text);
    return answers.entrySet().stream()
        .filter(e -> text.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(new Result(0, ""));
  }
}
