/**
 * The published rules of thumb behind the back-of-envelope estimates of domain.md section 4
 * ("Sizing"), each with its source: one table, so a figure shown on the canvas can say where its
 * constant comes from, and a better figure changes in one place.
 */

/** One rule of thumb: its value, what it means, and where it comes from. */
export interface RuleOfThumb {
  id: string;
  value: number;
  unit: string;
  what: string;
  source: string;
}

const rule = (id: string, value: number, unit: string, what: string, source: string): RuleOfThumb => ({ id, value, unit, what, source });

/** The constants the sizing formulas use, by id. */
export const RULES_OF_THUMB = {
  secondsPerDay: rule('secondsPerDay', 86_400, 's', 'Seconds in a day: average QPS = requests per day / 86,400.', 'Definition (24 x 60 x 60).'),
  bytesPerParam: rule(
    'bytesPerParam',
    2,
    'B',
    'Bytes per model parameter served in fp16 / bf16 (int8: 1, fp32: 4).',
    'IEEE 754 half precision; bfloat16 (Google Cloud TPU docs, "The bfloat16 numerical format").',
  ),
  flopsPerParamPerToken: rule(
    'flopsPerParamPerToken',
    2,
    'FLOP',
    'A forward pass costs about 2 FLOPs per parameter per token (prefill and decode alike).',
    'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361, section 2.1 (C_forward ≈ 2N).',
  ),
  prefillUtilisation: rule(
    'prefillUtilisation',
    0.5,
    'of peak',
    'Prefill (the prompt) is compute-bound: about half the GPU\'s peak dense FLOPs in practice.',
    'Pope et al. 2022, "Efficiently Scaling Transformer Inference", arXiv:2211.05102 (up to 76 % FLOPs utilisation on prefill); 50 % is a conservative figure below it.',
  ),
  decodeUtilisation: rule(
    'decodeUtilisation',
    0.1,
    'of peak',
    'Decode (one token per step) is memory-bandwidth-bound: about a tenth of peak FLOPs even with large batches.',
    'Pope et al. 2022 (decode is bound by reading weights and KV cache); Databricks, "LLM Inference Performance Engineering: Best Practices" (2023).',
  ),
  weightsShareOfGpuMemory: rule(
    'weightsShareOfGpuMemory',
    0.7,
    'of memory',
    'The weights may fill at most ~70 % of a model replica\'s GPU memory; the rest holds the KV cache and activations. A replica spans a power of two of GPUs (tensor parallelism).',
    'vLLM documentation, gpu_memory_utilization (default 0.9 of memory for weights plus KV cache); Kipply, "Transformer Inference Arithmetic" (2022).',
  ),
  gpusPerNode: rule('gpusPerNode', 8, 'GPUs', 'GPUs in one server (an 8 x H100 HGX node).', 'NVIDIA DGX H100 / HGX H100 datasheet: 8 GPUs per system.'),
  indexNodeMemory: rule(
    'indexNodeMemory',
    512e9,
    'B',
    'RAM one index node holds for vectors (a large memory-optimised machine: 512 GB).',
    'AWS EC2 R7i instances: r7i.16xlarge has 512 GiB of memory (aws.amazon.com/ec2/instance-types/r7i).',
  ),
  reviewHoursPerDay: rule(
    'reviewHoursPerDay',
    6,
    'h',
    'Productive review hours per reviewer per day: an 8-hour shift less ~25 % for breaks, training and meetings (shrinkage).',
    'Contact-centre workforce planning: shrinkage of 25-35 % is typical (ICMI, "Shrinkage" in workforce management).',
  ),
} as const satisfies Record<string, RuleOfThumb>;

/** Throughput figures of a GPU type: peak dense bf16 FLOPs and memory. */
export interface GpuSpec {
  name: string;
  /** Peak dense bf16 tensor FLOP/s (no sparsity). */
  flops: number;
  /** Memory in bytes. */
  memory: number;
  source: string;
}

/** GPU types the LLM sizing knows, matched by name (case-insensitive, "H100" in "8x H100 SXM"). */
export const GPUS: readonly GpuSpec[] = [
  { name: 'B200', flops: 2.25e15, memory: 192e9, source: 'NVIDIA DGX B200 datasheet: 72 PFLOPS FP8 sparse per 8 GPUs; 2.25 PFLOPS dense BF16 per GPU, 192 GB HBM3e.' },
  { name: 'H200', flops: 989e12, memory: 141e9, source: 'NVIDIA H200 datasheet: 989 TFLOPS dense BF16, 141 GB HBM3e.' },
  { name: 'H100', flops: 989e12, memory: 80e9, source: 'NVIDIA H100 SXM datasheet: 1,979 TFLOPS BF16 with sparsity (989 dense), 80 GB HBM3.' },
  { name: 'A100', flops: 312e12, memory: 80e9, source: 'NVIDIA A100 datasheet: 312 TFLOPS BF16 dense, 80 GB HBM2e.' },
  { name: 'L40S', flops: 362e12, memory: 48e9, source: 'NVIDIA L40S datasheet: 733 TFLOPS BF16 with sparsity (362 dense), 48 GB.' },
  { name: 'A10G', flops: 70e12, memory: 24e9, source: 'AWS G5 instances (NVIDIA A10G): about 70 TFLOPS dense BF16, 24 GB.' },
  { name: 'L4', flops: 121e12, memory: 24e9, source: 'NVIDIA L4 datasheet: 242 TFLOPS BF16 with sparsity (121 dense), 24 GB.' },
  { name: 'T4', flops: 65e12, memory: 16e9, source: 'NVIDIA T4 datasheet: 65 TFLOPS FP16 mixed precision, 16 GB.' },
];

/** The GPU spec a `gpu` text names (the longest known name in it, whole word), or undefined. */
export function gpuSpec(text: unknown): GpuSpec | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.toUpperCase();
  for (const g of GPUS) {
    const re = new RegExp(`(^|[^A-Z0-9])${g.name}([^A-Z0-9]|$)`);
    if (re.test(t)) return g;
  }
  return undefined;
}

/** The bytes per dimension the inspector offers: fp32, fp16, int8 (a PQ code is typed in). */
export const BYTES_PER_DIMENSION = [
  { value: 4, label: 'fp32 (4 B)' },
  { value: 2, label: 'fp16 / bf16 (2 B)' },
  { value: 1, label: 'int8 (1 B)' },
] as const;
