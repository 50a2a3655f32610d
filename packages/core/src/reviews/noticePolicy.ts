import { z } from 'zod';

/**
 * How much notice a review needs, and what too-short notice gets. seed 000: "give them advance
 * notice of when the review will take place – at least a week, preferable two". Under `allow` a
 * short notice is recorded as is; under `warn` it is recorded with a warning (`below_minimum`,
 * or `below_preferred` when it meets the minimum but not the preferred notice); under `reject`
 * a notice below the minimum is refused (`review.notice_too_short`) and one below the preferred
 * notice is warned about.
 */
export const NoticePolicy = z
  .object({
    minimumDays: z.number().int().min(0).max(365),
    preferredDays: z.number().int().min(0).max(365),
    onShortNotice: z.enum(['allow', 'warn', 'reject']),
  })
  .refine((p) => p.preferredDays >= p.minimumDays, {
    message: 'the preferred notice is at least the minimum',
    path: ['preferredDays'],
  });
/** How much notice a review needs, and what too-short notice gets. */
export type NoticePolicy = z.infer<typeof NoticePolicy>;

/** seed 000's policy: at least 7 days, preferably 14; short notice is allowed with a warning. */
export const defaultNoticePolicy: NoticePolicy = Object.freeze({
  minimumDays: 7,
  preferredDays: 14,
  onShortNotice: 'warn',
});
