package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.internal.grammar.ImmuSqlLexer;
import io.immudb.sql.internal.grammar.ImmuSqlParser;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses a script of immudb SQL (statements separated by {@code ;}) into {@link Stmt}s, with the
 * ANTLR grammar {@code ImmuSql.g4} (docs/design/sql.md says why ANTLR and what it costs).
 *
 * <p>Two-stage parsing: the fast SLL prediction mode first, and the full LL mode only when SLL
 * fails, so a syntax error is reported as precisely as LL can. Thread-safe: each call builds its
 * own lexer and parser (ANTLR shares only its thread-safe DFA cache).
 */
public final class SqlParser {
  private SqlParser() {}

  /**
   * The statements of {@code sql}, in order.
   *
   * @throws SqlException (INVALID_ARGUMENT) on a syntax error, naming line and column
   */
  public static List<Stmt> parse(String sql) {
    ImmuSqlLexer lexer = new ImmuSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    lexer.addErrorListener(Thrower.INSTANCE);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    ImmuSqlParser parser = new ImmuSqlParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(Thrower.INSTANCE);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    ImmuSqlParser.ScriptContext script;
    try {
      script = parser.script();
    } catch (SqlException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      script = parser.script();
    }
    return List.copyOf(new AstBuilder().script(script));
  }

  /** Turns the first syntax error into a {@link SqlException}. */
  private static final class Thrower extends BaseErrorListener {
    static final Thrower INSTANCE = new Thrower();

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      throw SqlException.invalid(
          "syntax error at line " + line + ", column " + (charPositionInLine + 1) + ": " + msg);
    }
  }
}
