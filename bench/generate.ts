/**
 * Synthetic but realistic journeys for the benchmark: stages of ten
 * touchpoints with titles, owners, channels and emotions, `next` flows with
 * branches and a support ↔ product loop, pain points with severity and
 * evidence, segments, metrics, initiatives and a review. Deterministic: the
 * same size always gives the same text.
 */

const TEAMS = ['cs', 'support', 'product', 'sales', 'marketing'];
const SEGMENTS = ['enterprise', 'midmarket', 'smb'];
const CHANNELS = ['web', 'email', 'call', 'meeting', 'chat', 'in_app', 'product', 'docs', 'support', 'community'];
const STAGE_WORDS = ['Awareness', 'Evaluation', 'Purchase', 'Onboarding', 'Adoption', 'Expansion', 'Support', 'Renewal', 'Advocacy'];
const VERBS = ['Reviews', 'Books', 'Attends', 'Configures', 'Invites', 'Imports', 'Reports on', 'Escalates', 'Renews', 'Shares'];
const OBJECTS = ['pricing page', 'product demo', 'kickoff call', 'SSO settings', 'the team', 'historical data', 'weekly usage', 'a ticket', 'the contract', 'a case study'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

export const TOUCHPOINTS_PER_STAGE = 10;

/** The shared declarations every generated journey refers to. */
export function sharedDeclarations(): string {
    const teams = TEAMS.map((team) => `team ${team} "${capitalise(team)}"`).join('\n');
    const segments = SEGMENTS.map((segment) => `segment ${segment} "${capitalise(segment)}"`).join('\n');
    return `${teams}\n${segments}\n`;
}

/** One journey with `touchpoints` touchpoints (a multiple of ten). */
export function generateJourney(touchpoints: number, journeyName = 'bench'): string {
    const stages = Math.max(1, Math.ceil(touchpoints / TOUCHPOINTS_PER_STAGE));
    const lines: string[] = [];
    lines.push(`journey ${journeyName} "Synthetic journey of ${touchpoints} touchpoints" {`);
    lines.push(`  description "Generated for the benchmark."`);
    lines.push(`  owner cs`);
    lines.push(`  reviewed 2026-10-01`);
    lines.push(`  metric nps "Net Promoter Score" { target >= 40  actual 31 }`);
    const highPainPoints: string[] = [];
    for (let s = 0; s < stages; s++) {
        lines.push(...stage(s, Math.min(TOUCHPOINTS_PER_STAGE, touchpoints - s * TOUCHPOINTS_PER_STAGE), stages, highPainPoints));
    }
    highPainPoints.forEach((painPoint, i) => {
        lines.push(`  initiative fix_${painPoint} "Fix ${painPoint}" {`);
        lines.push(`    owner ${TEAMS[i % TEAMS.length]}  addresses ${painPoint}`);
        lines.push(`    impact high  effort medium  due 2027-0${1 + (i % 9)}-15  status ${i % 3 === 0 ? 'active' : 'planned'}`);
        lines.push(`  }`);
    });
    lines.push(`  review q3 "Q3 tune-up" on 2026-10-01 {`);
    lines.push(`    change release "Release with in-app guides" { improves s0 "Fewer questions"  worsens s${stages - 1} "More tickets" }`);
    lines.push(`  }`);
    lines.push(`}`);
    return lines.join('\n') + '\n';
}

function stage(s: number, count: number, stages: number, highPainPoints: string[]): string[] {
    const lines = [`  stage s${s} "${STAGE_WORDS[s % STAGE_WORDS.length]} ${s + 1}" {`, `    goal "Reach the next milestone of phase ${s + 1}"`];
    lines.push(`    metric m${s} "Time to milestone ${s + 1}" { target <= 14  actual ${10 + (s % 9)}  unit "days" }`);
    for (let t = 0; t < count; t++) {
        const index = s * TOUCHPOINTS_PER_STAGE + t;
        const isLastOverall = s === stages - 1 && t === count - 1;
        const next = isLastOverall ? [] : [touchpointName(index + 1)];
        if (index % 7 === 3 && !isLastOverall && index + 2 < stages * TOUCHPOINTS_PER_STAGE && !(s === stages - 1 && t >= count - 2)) {
            next.push(touchpointName(index + 2));
        }
        const segment = index % 3 === 0 ? `  for ${SEGMENTS[index % SEGMENTS.length]}` : '';
        const emotion = ((index * 7) % 5) - 2;
        const sign = emotion > 0 ? '+' : '';
        lines.push(`    touchpoint ${touchpointName(index)} "${VERBS[index % VERBS.length]} ${OBJECTS[(index * 3) % OBJECTS.length]}" {`);
        lines.push(`      channel ${CHANNELS[index % CHANNELS.length]}  owner ${TEAMS[index % TEAMS.length]}  emotion ${sign}${emotion}${segment}`);
        if (next.length > 0) lines.push(`      next ${next.join(', ')}`);
        lines.push(`    }`);
    }
    for (let t = 0; t < count; t += 5) {
        const index = s * TOUCHPOINTS_PER_STAGE + t;
        const severity = SEVERITIES[(index / 5) % SEVERITIES.length];
        const name = `pain_${index}`;
        if (severity === 'high' || severity === 'critical') highPainPoints.push(name);
        lines.push(`    painpoint ${name} "Customers stall at step ${index}" {`);
        lines.push(`      at ${touchpointName(index)}  severity ${severity}`);
        lines.push(`      evidence "${(index % 40) + 3} tickets tagged 'step-${index}' last quarter"`);
        lines.push(`    }`);
    }
    lines.push('  }');
    return lines;
}

export function touchpointName(index: number): string {
    return `tp${index}`;
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
