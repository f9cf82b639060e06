import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { jsonDiagnostics, jsonErrorText } from '../../forms/ui/editor/json-lint';

// The editor's JSON box names the usual slips in the user's language, whichever engine wrote the message.
describe('JSON slips as advice', () => {
  const say = (src: string, lang: 'zh' | 'en' = 'zh') => jsonDiagnostics(Text.of(src.split('\n')), lang)[0]?.message;

  it('says where and what, for this engine (V8)', () => {
    expect(say('{"a": 1,}')).toMatch(/^第 1 行：.*(双引号|逗号)/);
    expect(say('{"a": "x')).toContain('内容不完整');
    expect(say('{"a": 1}\n x', 'en')).toMatch(/^line 2: there is more text after the JSON value/);
    expect(say('{"a": 1}')).toBeUndefined();
  });

  it('reads Firefox\'s wordings too', () => {
    expect(jsonErrorText('JSON.parse: unterminated string literal at line 1 column 8 of the JSON data', 'en')).toMatch(/incomplete/);
    expect(jsonErrorText('JSON.parse: end of data while reading object contents at line 1 column 9 of the JSON data', 'zh')).toContain('内容不完整');
    expect(jsonErrorText("JSON.parse: expected ',' or '}' after property value in object at line 1 column 9 of the JSON data", 'zh')).toContain('缺少逗号');
    expect(jsonErrorText('JSON.parse: bad control character in string literal at line 1 column 7 of the JSON data', 'en')).toMatch(/raw line break/);
    expect(jsonErrorText('something else entirely', 'en')).toBe('JSON syntax error');
  });
});
