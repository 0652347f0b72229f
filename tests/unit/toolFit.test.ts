import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/domain/catalogue';
import { KIND_TOOLS } from '../../src/domain/kindTools';
import { productFits, productsIn, RETIRED_TOOLS, TOOL_CATEGORIES } from '../../src/domain/toolFit';

describe('tool fit (domain.md section 4)', () => {
  it('reads products whole-word, case-insensitive, longest name first', () => {
    expect(productsIn('Kafka Streams on k8s').map((p) => p.text)).toEqual(['Kafka Streams']);
    expect(productsIn('kafka topic + flink').map((p) => p.categories[0].id)).toEqual(['broker', 'stream']);
    expect(productsIn('Sparkle, Rayleigh')).toEqual([]);
    expect(productsIn('Spark Structured Streaming')[0].categories.map((c) => c.id)).toEqual(['stream']);
    expect(productsIn('Pub/Sub and W&B')).toHaveLength(2);
    expect(productsIn('scikit-learn, TensorRT-LLM').map((p) => p.categories[0].id)).toEqual(['framework', 'llm-server']);
  });

  it('knows a product in two categories by both (Beam streams and batches)', () => {
    const beam = productsIn('Beam')[0];
    expect(productFits(beam, ['stream-processor'])).toBe(true);
    expect(productFits(beam, ['batch-inference'])).toBe(true);
  });

  it('fits every tool the palette offers to its own kind', () => {
    for (const k of CATALOGUE) {
      for (const tool of KIND_TOOLS[k.id]) {
        const products = productsIn(tool);
        if (products.length === 0) continue;
        expect(products.some((p) => productFits(p, [k.id])), `${tool} on ${k.id}`).toBe(true);
      }
    }
  });

  it('offers no retired product in the palette, and marks TorchServe and TGI as retired', () => {
    for (const k of CATALOGUE) for (const tool of KIND_TOOLS[k.id]) expect(productsIn(tool).some((p) => p.retired), tool).toBe(false);
    expect(productsIn('TorchServe')[0].retired?.product).toBe('TorchServe');
    expect(productsIn('Text Generation Inference')[0].retired?.product).toBe('TGI');
    expect(RETIRED_TOOLS.map((r) => r.product)).toEqual(['TorchServe', 'TGI']);
  });

  it('lists each product of domain.md once per category', () => {
    for (const c of TOOL_CATEGORIES) expect(new Set(c.products).size, c.id).toBe(c.products.length);
  });
});
