import type { Settings } from "../server/settings.js";
import { reviewSweepJob } from "./review-sweep-job.js";
import type { ScheduledJob } from "./scheduled-job.js";
import { weeklyReportJob } from "./weekly-report-job.js";

/**
 * The app's periodic jobs. Each job module adds itself here.
 *
 * @param settings cron expressions from the environment
 */
export function scheduledJobs(settings: Pick<Settings, "sweepCron" | "reportCron">): ScheduledJob[] {
  return [reviewSweepJob(settings), weeklyReportJob(settings)];
}
