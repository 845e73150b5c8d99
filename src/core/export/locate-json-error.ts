/**
 * Where JSON text stops being valid JSON. `JSON.parse` says why it failed
 * but, depending on the engine and the error, not where; a user fixing an
 * import file needs the line and column.
 */

/** The UTF-16 offset of the first character that makes `text` invalid JSON (its length for a premature end), or undefined when it is valid. */
export function locateJsonError(text: string): number | undefined {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at] as string)) at++;
  };
  // Each reader returns false at the first character it cannot accept, leaving `at` there.
  const readValue = (): boolean => {
    skipSpace();
    const c = text[at];
    if (c === '{') return readContainer('}', true);
    if (c === '[') return readContainer(']', false);
    if (c === '"') return readString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) return false;
    at += literal[0].length;
    return true;
  };
  const readString = (): boolean => {
    at++;
    while (at < text.length) {
      const c = text[at] as string;
      if (c === '"') {
        at++;
        return true;
      }
      if (c === '\\') {
        const escape = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(at, at + 6));
        if (!escape) return false;
        at += escape[0].length;
      } else if (c < ' ') {
        return false;
      } else {
        at++;
      }
    }
    return false;
  };
  const readContainer = (close: string, object: boolean): boolean => {
    at++;
    skipSpace();
    if (text[at] === close) {
      at++;
      return true;
    }
    for (;;) {
      if (object) {
        skipSpace();
        if (text[at] !== '"' || !readString()) return false;
        skipSpace();
        if (text[at] !== ':') return false;
        at++;
      }
      if (!readValue()) return false;
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] !== close) return false;
      at++;
      return true;
    }
  };
  const valid = readValue() && (skipSpace(), at === text.length);
  return valid ? undefined : Math.min(at, text.length);
}
