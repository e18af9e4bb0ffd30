/*
 * immudb's SQL dialect (immudb-sql). Written for this project from immudb's SQL documentation:
 * VARCHAR[n] / BLOB[n] lengths, PRIMARY KEY with or without parentheses, @name parameters,
 * UPSERT INTO, CREATE [UNIQUE] INDEX ON t(cols), time travel periods (BEFORE / AFTER / SINCE /
 * UNTIL TX n) and HISTORY OF t. Keywords are case-insensitive. docs/design/sql.md explains it.
 */
grammar ImmuSql;

options { caseInsensitive = true; }

script
  : ';'* (statement (';'+ statement)* ';'*)? EOF
  ;

statement
  : BEGIN TRANSACTION?                                                   # beginStmt
  | COMMIT                                                               # commitStmt
  | ROLLBACK                                                             # rollbackStmt
  | CREATE DATABASE (IF NOT EXISTS)? ident                               # createDatabaseStmt
  | USE DATABASE? ident                                                  # useDatabaseStmt
  | CREATE TABLE (IF NOT EXISTS)? ident '(' tableElement (',' tableElement)* ')'
                                                                         # createTableStmt
  | ALTER TABLE ident ADD COLUMN? ident typeName columnOption*          # addColumnStmt
  | ALTER TABLE ident RENAME COLUMN ident TO ident                      # renameColumnStmt
  | ALTER TABLE ident RENAME TO ident                                   # renameTableStmt
  | DROP TABLE (IF EXISTS)? ident                                       # dropTableStmt
  | DROP INDEX (IF EXISTS)? ON ident '(' identList ')'                  # dropIndexStmt
  | CREATE UNIQUE? INDEX (IF NOT EXISTS)? indexName=ident? ON ident '(' indexColumn (',' indexColumn)* ')'    # createIndexStmt
  | (INSERT | UPSERT) INTO ident '(' identList ')' VALUES rowValues (',' rowValues)*
                                                                         # insertStmt
  | UPDATE ident SET assignment (',' assignment)* (WHERE expr)?          # updateStmt
  | DELETE FROM ident (WHERE expr)?                                      # deleteStmt
  | selectStmt                                                           # queryStmt
  ;

tableElement
  : PRIMARY KEY (ident | '(' identList ')')                             # pkElement
  | ident typeName columnOption*                                         # columnElement
  ;

columnOption
  : NOT NULL                                                             # notNullOption
  | NULL                                                                 # nullOption
  | AUTO_INCREMENT                                                       # autoIncrementOption
  | PRIMARY KEY                                                          # primaryKeyOption
  ;

typeName
  : (INTEGER | INT | BIGINT)                                             # integerType
  | VARCHAR (('[' INTEGER_LITERAL ']') | ('(' INTEGER_LITERAL ')'))?     # varcharType
  | BLOB (('[' INTEGER_LITERAL ']') | ('(' INTEGER_LITERAL ')'))?        # blobType
  | (BOOLEAN | BOOL)                                                     # booleanType
  | TIMESTAMP                                                            # timestampType
  ;

indexColumn
  : ident (ASC | DESC)?
  ;

identList
  : ident (',' ident)*
  ;

rowValues
  : '(' expr (',' expr)* ')'
  ;

assignment
  : ident '=' expr
  ;

selectStmt
  : selectCore (compoundOp selectCore)*
    (ORDER BY orderItem (',' orderItem)*)?
    (LIMIT limit=expr)?
    (OFFSET offset=expr)?
  ;

selectCore
  : SELECT DISTINCT? selectItem (',' selectItem)*
    FROM fromItem (',' fromItem)*
    (WHERE where=expr)?
    (GROUP BY groupBy+=expr (',' groupBy+=expr)*)?
    (HAVING having=expr)?
  ;

compoundOp
  : UNION ALL?
  | EXCEPT
  | INTERSECT
  ;

selectItem
  : '*'                                                                  # starItem
  | expr (AS? alias=ident)?                                              # exprItem
  ;

fromItem
  : tableSource joinClause*
  ;

joinClause
  : (INNER | CROSS | LEFT OUTER?)? JOIN tableSource (ON expr)?
  ;

tableSource
  : ident (AS? alias=ident)? period*                                     # tableRef
  | '(' HISTORY OF ident ')' (AS? alias=ident)?                          # historyRef
  ;

period
  : (BEFORE | AFTER | SINCE | UNTIL) TX expr
  ;

orderItem
  : expr (ASC | DESC)?
  ;

expr
  : orExpr
  ;

orExpr
  : andExpr (OR andExpr)*
  ;

andExpr
  : notExpr (AND notExpr)*
  ;

notExpr
  : NOT notExpr                                                          # notOp
  | predicate                                                            # predicateOp
  ;

predicate
  : addExpr predicateSuffix?
  ;

predicateSuffix
  : op=('=' | '!=' | '<>' | '<' | '<=' | '>' | '>=') addExpr             # compSuffix
  | NOT? LIKE addExpr                                                    # likeSuffix
  | NOT? IN '(' selectStmt ')'                                            # inSelectSuffix
  | NOT? IN '(' expr (',' expr)* ')'                                     # inSuffix
  | NOT? BETWEEN addExpr AND addExpr                                     # betweenSuffix
  | IS NOT? NULL                                                         # isNullSuffix
  ;

addExpr
  : mulExpr (ops+=('+' | '-') mulExpr)*
  ;

mulExpr
  : unary (ops+=('*' | '/' | '%') unary)*
  ;

unary
  : '-' unary                                                            # negate
  | '+' unary                                                            # plus
  | atom                                                                 # atomUnary
  ;

atom
  : INTEGER_LITERAL                                                      # intLit
  | STRING_LITERAL                                                       # stringLit
  | BLOB_LITERAL                                                         # blobLit
  | (TRUE | FALSE)                                                       # boolLit
  | NULL                                                                 # nullLit
  | PARAM                                                                # paramRef
  | COUNT '(' '*' ')'                                                    # countStar
  | fn=(COUNT | SUM | MIN | MAX | AVG) '(' expr ')'                      # aggregate
  | NOW '(' ')'                                                          # nowCall
  | CASE operand=expr? whenClause+ (ELSE otherwise=expr)? END            # caseExpr
  | EXISTS '(' selectStmt ')'                                            # existsExpr
  | '(' selectStmt ')'                                                   # subqueryExpr
  | ident '(' (expr (',' expr)*)? ')'                                    # callExpr
  | ident ('.' ident)?                                                   # columnRef
  | '(' expr ')'                                                         # parens
  ;

whenClause
  : WHEN when=expr THEN then=expr
  ;

ident
  : IDENTIFIER
  | TX | KEY | HISTORY | OF | BEFORE | AFTER | SINCE | UNTIL | DATABASE | TRANSACTION
  ;

// ---------------------------------------------------------------- lexer

ADD: 'ADD';
AFTER: 'AFTER';
ALTER: 'ALTER';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
AUTO_INCREMENT: 'AUTO_INCREMENT';
AVG: 'AVG';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BIGINT: 'BIGINT';
BLOB: 'BLOB';
BOOL: 'BOOL';
BOOLEAN: 'BOOLEAN';
BY: 'BY';
COLUMN: 'COLUMN';
COMMIT: 'COMMIT';
COUNT: 'COUNT';
CREATE: 'CREATE';
DATABASE: 'DATABASE';
DELETE: 'DELETE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DROP: 'DROP';
EXISTS: 'EXISTS';
FALSE: 'FALSE';
FROM: 'FROM';
GROUP: 'GROUP';
HAVING: 'HAVING';
HISTORY: 'HISTORY';
IF: 'IF';
IN: 'IN';
INDEX: 'INDEX';
INSERT: 'INSERT';
INT: 'INT';
INTEGER: 'INTEGER';
INTO: 'INTO';
IS: 'IS';
KEY: 'KEY';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MAX: 'MAX';
MIN: 'MIN';
NOT: 'NOT';
NOW: 'NOW';
NULL: 'NULL';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
PRIMARY: 'PRIMARY';
RENAME: 'RENAME';
ROLLBACK: 'ROLLBACK';
SELECT: 'SELECT';
SET: 'SET';
SINCE: 'SINCE';
SUM: 'SUM';
TABLE: 'TABLE';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRANSACTION: 'TRANSACTION';
TRUE: 'TRUE';
TX: 'TX';
UNIQUE: 'UNIQUE';
UNTIL: 'UNTIL';
UPDATE: 'UPDATE';
UPSERT: 'UPSERT';
USE: 'USE';
VALUES: 'VALUES';
VARCHAR: 'VARCHAR';
WHERE: 'WHERE';

CASE: 'CASE';
CROSS: 'CROSS';
ELSE: 'ELSE';
END: 'END';
INNER: 'INNER';
JOIN: 'JOIN';
LEFT: 'LEFT';
OUTER: 'OUTER';
THEN: 'THEN';
WHEN: 'WHEN';
ALL: 'ALL';
EXCEPT: 'EXCEPT';
INTERSECT: 'INTERSECT';
UNION: 'UNION';
PARAM: '@' [A-Z_] [A-Z_0-9]*;
BLOB_LITERAL: 'X\'' [0-9A-F]* '\'';
IDENTIFIER: [A-Z_] [A-Z_0-9]*;
INTEGER_LITERAL: [0-9]+;
STRING_LITERAL: '\'' ( ~'\'' | '\'\'' )* '\'';

LINE_COMMENT: '--' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WS: [ \t\r\n]+ -> skip;
