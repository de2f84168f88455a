// Where a JSON text first goes wrong, as "line L, column C: what". V8's JSON.parse messages do not always carry a
// position, so a small scanner finds it.

export function locateJsonError(text: string): string {
  const scanner = new Scanner(text);
  try {
    scanner.document();
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

const WORDS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the JSON value');
  }

  private fail(what: string): never {
    throw new JsonSyntax(this.i, what);
  }

  private ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  private value(): void {
    this.ws();
    const c = this.text[this.i];
    if (c === undefined) this.fail('unexpected end of file');
    else if (c === '{' || c === '[') this.container(c === '{' ? '}' : ']', c === '{');
    else if (c === '"') this.string();
    else if (c in WORDS) this.literal(WORDS[c]);
    else this.number();
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.i)) this.fail(`expected ${word}`);
    this.i += word.length;
  }

  private string(): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length && text[this.i] !== '"') {
      if (text[this.i] === '\\') this.i++;
      else if (text.charCodeAt(this.i) < 0x20) this.fail('control character in a string');
      this.i++;
    }
    if (this.i >= text.length) this.fail('unterminated string');
    this.i++;
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (!m) this.fail(`unexpected character ${JSON.stringify(this.text[this.i])}`);
    this.i += m[0].length;
  }

  private key(close: string): void {
    this.ws();
    if (this.text[this.i] !== '"')
      this.fail(this.text[this.i] === close ? 'trailing comma' : 'expected a "quoted" property name');
    this.string();
    this.ws();
    if (this.text[this.i] !== ':') this.fail('expected ":"');
    this.i++;
  }

  private container(close: string, object: boolean): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      if (object) this.key(close);
      this.ws();
      const c = this.text[this.i];
      if (c === ',' || c === close) this.fail(c === ',' ? 'missing value before ","' : 'trailing comma');
      this.value();
      this.ws();
      if (this.text[this.i] === close) break;
      if (this.text[this.i] !== ',')
        this.fail(this.i >= this.text.length ? 'unexpected end of file' : `expected "," or "${close}"`);
      this.i++;
    }
    this.i++;
  }
}
