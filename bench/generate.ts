// Deterministic srm/v1 files for the benchmark and the equivalence test: N workloads, a teams registry, short
// and long assignment forms, comments, and (optionally) a share of workloads carrying one mistake each.
import { LAYERS, SERVICE_MODELS, type Party, type ServiceModel } from '../server/src/model';

/** A small seeded PRNG (xorshift128+ folded to 32 bits): same seed, same sequence, on every platform. */
export function prng(seed: number): () => number {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 2;
  let s2 = 0x27d4eb2f;
  let s3 = 0x165667b1;
  const next = (): number => {
    const t = (s0 ^ (s0 << 11)) >>> 0;
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = (s3 ^ (s3 >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return s3 / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

export interface GenerateOptions {
  seed?: number;
  /** Share (0..1) of workloads carrying one mistake. */
  mistakes?: number;
  /** Teams in the registry. */
  teams?: number;
  /** Emit '\r\n' line ends. */
  crlf?: boolean;
}

const AREAS = ['payroll', 'billing', 'crm', 'hr', 'stock', 'shipping', 'insights', 'login', 'mail', 'wiki', 'claims', 'orders'];
const ROLES = ['api', 'web', 'db', 'jobs', 'queue', 'cache', 'etl', 'portal', 'edge', 'files'];
const SERVICES: Record<ServiceModel, string[]> = {
  'on-premises': ['Hyper-V cluster', 'SQL Server on bare metal', 'File server'],
  iaas: ['Azure Virtual Machines', 'Azure VM Scale Sets', 'Azure Disk Storage'],
  paas: ['Azure App Service', 'Azure Functions', 'Azure SQL Database', 'Azure Container Apps'],
  saas: ['Microsoft 365', 'Exchange Online', 'Dynamics 365'],
};
const NOTES = ['Reviewed quarterly', 'Patched by the platform team', 'Backups kept for 35 days', 'See the runbook'];

/** One srm/v1 document with `n` workloads, as text. */
export function generate(n: number, options: GenerateOptions = {}): string {
  const rnd = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const teamCount = options.teams ?? Math.max(2, Math.min(40, Math.ceil(n / 50)));
  const teams = Array.from({ length: teamCount }, (_, i) => `team-${i + 1}`);
  const out: string[] = [];
  out.push(`# Generated srm/v1 file with ${n} workloads (seed ${options.seed ?? 1}).`);
  out.push('apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', `  name: generated-${n}`);
  out.push(`  owner: ${teams[0]}`, '  description: A generated responsibility file for tests and benchmarks');
  out.push('teams:');
  for (const t of teams) {
    out.push(`  - id: ${t}`, `    name: Team ${t.slice(5)}`);
    if (rnd() < 0.5) out.push(`    contact: ${t}@contoso.example`);
  }
  out.push('workloads:');
  const mistakeRate = options.mistakes ?? 0;
  for (let i = 0; i < n; i++) {
    const model = pick(SERVICE_MODELS);
    const name = `${pick(AREAS)}-${pick(ROLES)}-${i + 1}`;
    const mistake = rnd() < mistakeRate ? Math.floor(rnd() * 8) : -1;
    if (rnd() < 0.1) out.push(`  # workload ${i + 1}`);
    out.push(`  - name: ${mistake === 0 && i > 0 ? `${pick(AREAS)}-dup` : name}`);
    out.push(`    model: ${mistake === 1 ? 'cloud' : model}`);
    out.push(`    service: ${pick(SERVICES[model])}`);
    out.push('    responsibilities:');
    const skip = mistake === 2 ? Math.floor(rnd() * LAYERS.length) : -1;
    for (let l = 0; l < LAYERS.length; l++) {
      if (l === skip) continue;
      const layer = LAYERS[l] as (typeof LAYERS)[number];
      let owner: Party | string = layer.owners[model];
      if (mistake === 3 && l === 0) owner = 'microsoft';
      if (mistake === 4 && l === 1) owner = 'custommer';
      const key = mistake === 5 && l === 2 ? 'acounts-and-identities' : layer.id;
      const long = rnd() < 0.3;
      if (!long) {
        out.push(`      ${key}: ${owner}`);
        continue;
      }
      out.push(`      ${key}:`, `        owner: ${owner}`);
      if (rnd() < 0.6) out.push(`        team: ${mistake === 6 ? 'team-nobody' : pick(teams)}`);
      if (rnd() < 0.4) out.push(`        notes: ${pick(NOTES)}`);
      if (rnd() < 0.2) out.push(`        evidence: https://contoso.example/wiki/${name}/${layer.id}`);
      if (mistake === 7 && rnd() < 0.5) out.push(`        owner: ${owner}`);
    }
  }
  const eol = options.crlf ? '\r\n' : '\n';
  return out.join(eol) + eol;
}
