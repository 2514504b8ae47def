/**
 * Deterministic, realistic-looking text for the seed: prompts and answers built from a pool of
 * sentences whose words follow a Zipf distribution, so that search terms range from very common
 * ("the", "data") to rare (a product name in a few hundred runs), as in a real history.
 */

/** mulberry32: a small seeded PRNG, so a seed with the same `--seed` gives the same store. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to a in is that for it as with was on be by this are or from at an have not but which can
all your will one has more their if about up out so what when there also into other its than them only how some
use may new time these two like should each would first any could make most after over such where well then need`.split(/\s+/);

const TOPICS = `refund invoice customer support policy shipping order return payment account password login error
database query index migration schema table latency throughput cache server deploy kubernetes docker container
cluster node memory cpu disk network request response timeout retry webhook schedule cron report summary email
translate french german spanish japanese poem story haiku recipe chicken pasta salad budget forecast revenue sales
marketing campaign audience product feature roadmap release bug ticket incident outage postmortem security token
vault encryption compliance gdpr privacy contract clause lawyer tenant landlord lease insurance claim doctor
symptom diet workout running training python typescript rust golang java regex parser compiler function class
interface promise async stream buffer json yaml csv spreadsheet chart graph dashboard metric alert monitor
onboarding interview resume candidate hiring salary review feedback meeting agenda minutes decision risk`.split(/\s+/);

const RARE = `zanzibar quokka obsidian xylophone kumquat fjord narwhal sassafras tesseract zeppelin marzipan axolotl
halcyon quasar vermilion wombat zephyr ocelot jicama lorikeet`.split(/\s+/);

const VOCABULARY = [...COMMON, ...TOPICS, ...RARE];

/** Zipf-like rank picking: rank r is chosen with probability ∝ 1 / (r + 1). */
function zipfPicker(size: number, random: () => number): () => number {
  const weights = Array.from({ length: size }, (_, r) => 1 / (r + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[size - 1]!;
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Corpus {
  /** A text of roughly `chars` characters made of whole sentences. */
  text(chars: number): string;
}

export function createCorpus(random: () => number, sentences = 20_000): Corpus {
  const pick = zipfPicker(VOCABULARY.length, random);
  const pool = Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 6 + Math.floor(random() * 14) }, () => VOCABULARY[pick()]!);
    const sentence = words.join(' ');
    return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
  });
  return {
    text(chars) {
      const parts: string[] = [];
      let length = 0;
      while (length < chars) {
        const sentence = pool[Math.floor(random() * pool.length)]!;
        parts.push(sentence);
        length += sentence.length + 1;
      }
      return parts.join(' ');
    },
  };
}
