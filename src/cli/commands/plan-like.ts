import { EXIT_ALERTS } from '../../errors.js';
import { runPlan, type PlanMode } from '../../pipeline/run-plan.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { renderPlanSummary, type PlanSection } from '../render/plan-summary.js';

const SECTIONS: Record<PlanMode, PlanSection[]> = {
  plan: ['orders', 'alerts', 'transfers'],
  reorder: ['orders'],
  alerts: ['alerts'],
  rebalance: ['transfers'],
};

/** Shared by plan, reorder, alerts and rebalance: run the plan pipeline, render, map --fail-on to exit 4. */
export async function runPlanLike(mode: PlanMode, dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: true });
  try {
    const { console, settings } = context;
    const run = await runPlan(settings, context.hooks, mode);
    if (run.csvText !== undefined) console.out(run.csvText);
    else if (flags.json) console.out(`${JSON.stringify({ ...run.summary, output: run.written ?? null, ...(run.history ? { history: run.history } : {}) }, null, 2)}\n`);
    else if (!flags.quiet) console.out(renderPlanSummary(run, console.color, SECTIONS[mode]));
    const failOn = settings.failOn;
    if (failOn.length > 0) {
      const hit = run.result.alerts.filter((a) => failOn.includes('any') || failOn.includes(a.type));
      if (hit.length > 0) {
        console.err(`stockcast: ${hit.length} alert${hit.length === 1 ? '' : 's'} matched --fail-on ${failOn.join(',')} (exit 4)\n`);
        return EXIT_ALERTS;
      }
    }
    return 0;
  } finally {
    await context.close();
  }
}
