import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const pdfjsBuild = dirname(require.resolve('pdfjs-dist/build/pdf.mjs'));
const origin = 'http://pdf-render.invalid';

/**
 * The first page of a PDF as a PNG, drawn by pdf.js in Chromium (a viewer's rendering, with the PDF's own
 * embedded fonts): for a screenshot of a generated document. pdf.js is served from node_modules to the page
 * under a name that never reaches the network.
 */
export async function pdfFirstPagePng(browser: Browser, pdf: Uint8Array, scale = 1.5): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/')
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><body style="margin:0"><canvas id="c"></canvas></body>' });
      if (path === '/doc.pdf') return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(pdf) });
      const file = path.slice(1);
      if (file === 'pdf.mjs' || file === 'pdf.worker.mjs')
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(pdfjsBuild, file)) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${origin}/`);
    // A script, not a function: the tests' type-check knows no DOM.
    await page.evaluate(`(async () => {
      const pdfjs = await import('/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
      const doc = await pdfjs.getDocument('/doc.pdf').promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: ${Number(scale)} });
      const canvas = document.getElementById('c');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await first.render({ canvas, viewport }).promise;
    })()`);
    return await page.locator('#c').screenshot();
  } finally {
    await context.close();
  }
}
