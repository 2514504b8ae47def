/**
 * The baselines of `bench:providers`: each provider's official SDK called directly, the leanest
 * documented streaming call, timed from the call's start to the first text delta the caller sees.
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';

export type BaseUrls = { openai: string; anthropic: string; google: string };
export type DirectCall = (model: string) => Promise<number>;

const PROMPT = 'bench';

export function directCalls(baseUrls: BaseUrls): Record<'openai' | 'anthropic' | 'google', DirectCall> {
  const openai = new OpenAI({ apiKey: 'bench', baseURL: baseUrls.openai, maxRetries: 0 });
  const anthropic = new Anthropic({ apiKey: 'bench', baseURL: baseUrls.anthropic, maxRetries: 0 });
  const google = new GoogleGenAI({ apiKey: 'bench', httpOptions: { baseUrl: baseUrls.google, retryOptions: { attempts: 1 } } });
  return {
    async openai(model) {
      const started = performance.now();
      let ttft = Number.NaN;
      const stream = await openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: PROMPT }],
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const chunk of stream) if (Number.isNaN(ttft) && chunk.choices[0]?.delta?.content) ttft = performance.now() - started;
      return ttft;
    },
    async anthropic(model) {
      const started = performance.now();
      let ttft = Number.NaN;
      const stream = await anthropic.messages.create({
        model,
        max_tokens: 4096,
        messages: [{ role: 'user', content: PROMPT }],
        stream: true,
      });
      for await (const event of stream)
        if (Number.isNaN(ttft) && event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text)
          ttft = performance.now() - started;
      return ttft;
    },
    async google(model) {
      const started = performance.now();
      let ttft = Number.NaN;
      const stream = await google.models.generateContentStream({ model, contents: PROMPT });
      for await (const chunk of stream) if (Number.isNaN(ttft) && chunk.text) ttft = performance.now() - started;
      return ttft;
    },
  };
}
