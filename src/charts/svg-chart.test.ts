import { describe, expect, it } from 'vitest';
import { chartSize, renderSvgChart, xmlChars } from './svg-chart.js';

const render = (text: string) =>
  renderSvgChart({
    width: 300,
    height: 200,
    title: text,
    description: `About ${text}`,
    option: { title: { text }, xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: {}, series: [{ type: 'line', data: [1, 2] }] },
  });

describe('renderSvgChart', () => {
  it('writes a static document: aria-label and <title>, no style sheet, hover classes or hydration hints', () => {
    const svg = render('Q1 & "more"');
    expect(svg).toMatch(/^<svg role="img" aria-label="Q1 &#38; &#34;more&#34;\. About Q1 &#38; &#34;more&#34;" width="300" height="200" /);
    expect(svg).toContain('<title>Q1 &#38; &#34;more&#34;</title>');
    expect(svg).not.toMatch(/<style|class="|ecmeta_/);
  });

  it('names ids after the content, so equal charts match and different charts do not collide', () => {
    const ids = (svg: string) => [...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    const a = render('A');
    const b = render('B');
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).every((id) => id?.startsWith('tg'))).toBe(true);
    expect(render('A')).toBe(a);
    expect(ids(b).some((id) => ids(a).includes(id))).toBe(false);
    for (const id of ids(a)) expect(a).toContain(`url(#${id})`);
  });

  it('replaces what XML 1.0 does not allow (controls but tab, newline and CR; lone surrogates; U+FFFE/U+FFFF) with U+FFFD', () => {
    expect(xmlChars('a\u0000b\u001fc\td\ne\rf')).toBe('a\ufffdb\ufffdc\td\ne\rf');
    expect(xmlChars('\ud800x\udc00 \ud83d\ude00 \ufffe\uffff')).toBe('\ufffdx\ufffd 😀 \ufffd\ufffd');
    expect(xmlChars('Käse – 測試 \u0085')).toBe('Käse – 測試 \u0085');
    const svg = render('Q1 \u0000 \ud800');
    expect(svg).toContain('<title>Q1 \ufffd \ufffd</title>');
    expect(svg).not.toContain('\u0000');
  });

  it('takes a size in pixels, naming the field when it is not one', () => {
    expect(chartSize(undefined, 960, 'width')).toBe(960);
    expect(chartSize(640.4, 960, 'width')).toBe(640);
    expect(() => chartSize(0, 960, 'height')).toThrow(/height/);
    expect(() => chartSize(Number.NaN, 960, 'width')).toThrow(/width/);
  });
});
