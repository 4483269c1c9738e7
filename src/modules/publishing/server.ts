import type { FileStore } from "../files/store.ts";
import { defineModuleServer } from "../module.ts";
import { registerPublishingApi } from "./api/index.ts";
import { createCoverService } from "./covers.ts";
import { createFrontPageService } from "./front.ts";
import { describePublishingRoutes, registerPublishingRoutes } from "./http.ts";
import { createOfficeService } from "./office.ts";
import { createSearchService } from "./search.ts";
import { createPostService, type PostService, publishJob } from "./service.ts";

/** Every minute: a schedule whose own job was lost (never expected: it is sent in the write's transaction). */
export const publishSweepCron = "* * * * *";

export default defineModuleServer({
  services: ({ db, writes, jobs, config, need }) => {
    const posts = createPostService({ db, writes, jobs });
    return {
      publishingPosts: posts,
      postCovers: createCoverService({
        db,
        writes,
        files: need<FileStore>("files"),
        postsService: posts,
        uploadMaxBytes: config.uploadMaxBytes,
      }),
      office: createOfficeService({ db, writes }),
      siteSearch: createSearchService({ db }),
      frontPage: createFrontPageService({ db }),
    };
  },
  // A scheduled post's job is sent with its time (start_after) in the same transaction as the schedule, so it is
  // in the database before the write answers and a restart runs it; each run publishes whatever is due, so a
  // retried or repeated job does nothing twice.
  start: async ({ jobs, need }) => {
    const run = async () => {
      await need<PostService>("publishingPosts").publishDue();
    };
    jobs.define(publishJob, run, { expireInSeconds: 60, retryLimit: 10, retryDelaySeconds: 5 });
    jobs.define(`${publishJob}-sweep`, run, { expireInSeconds: 60, retryLimit: 2, retryDelaySeconds: 5 });
    await jobs.schedule(`${publishJob}-sweep`, publishSweepCron);
  },
  api: registerPublishingApi,
  routes: registerPublishingRoutes,
  downloads: describePublishingRoutes,
});
