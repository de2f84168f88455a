// Where a JSON text first goes wrong, as "line L, column C: what". V8's JSON.parse messages do not always carry a
// position, so a small scanner finds it.

export function locateJsonError(text: string): string {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (what: string): never => {
    throw new JsonSyntax(i, what);
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail(`expected ${word}`));
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in a string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected character ${JSON.stringify(text[i])}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) return fail('unexpected end of file');
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    return number();
  };
  const container = (close: string, object: boolean): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (object) {
        ws();
        if (text[i] !== '"') fail(text[i] === close ? 'trailing comma' : 'expected a "quoted" property name');
        string();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
      }
      ws();
      if (text[i] === ',' || text[i] === close) fail(text[i] === ',' ? 'missing value before ","' : 'trailing comma');
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) return void i++;
      fail(i >= text.length ? 'unexpected end of file' : `expected "," or "${close}"`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
    return 'invalid JSON';
  } catch (err) {
    if (!(err instanceof JsonSyntax)) throw err;
    const before = text.slice(0, err.offset);
    const line = before.split('\n').length;
    const column = err.offset - before.lastIndexOf('\n');
    return `line ${line}, column ${column}: ${err.what}`;
  }
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {
    super(what);
  }
}
