import { expect, test } from './support/fixtures';

const PAYLOAD_QUERY = '<img src=x onerror="window.__xss = 1"> What is <b>bold</b>?';
const PAYLOAD_ANSWER = [
  '<script>window.__xss = 2</script>',
  '<iframe src="javascript:window.__xss=3"></iframe>',
  '[click me](javascript:window.__xss=4) and [docs](https://example.com/docs)',
  '**really bold**',
].join('\n\n');

test('prompts and answers with script and HTML payloads render as text; the CSP blocks inline script; links leave the app', async ({
  page,
  serve,
}) => {
  const response = await fetch(`${serve.url}/api/traces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serve.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ trace_ref: 'xss-1', query: PAYLOAD_QUERY, response: PAYLOAD_ANSWER, sources: [] }),
  });
  expect(response.status).toBe(200);

  await page.goto(serve.loginLink);
  await page
    .getByRole('button', { name: /History/ })
    .first()
    .click();
  await page
    .getByRole('row', { name: /What is/ })
    .first()
    .click();
  const detail = page.getByRole('complementary', { name: 'Run detail' });
  await expect(detail).toContainText(PAYLOAD_QUERY);
  await expect(detail.locator('strong', { hasText: 'really bold' })).toBeVisible();
  await expect(detail).toContainText('<script>window.__xss = 2</script>');
  expect(await detail.locator('script, iframe, img').count()).toBe(0);
  const unsafe = detail.getByRole('link', { name: 'click me' });
  expect(await unsafe.getAttribute('href')).not.toMatch(/^javascript:/i);
  const docs = detail.getByRole('link', { name: 'docs' });
  await expect(docs).toHaveAttribute('target', '_blank');
  await expect(docs).toHaveAttribute('rel', /noopener/);

  const injected = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    return (window as unknown as { __inline?: number; __xss?: number }).__inline ?? null;
  });
  expect(injected).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
});
