/**
 * What one bot may do, whoever wrote it. Learners' playground flows run on the server, so a
 * flow built to multiply text (a long lookup value interpolated many times, a goto back to
 * itself) must cost the server no more than an ordinary conversation.
 *
 * The numbers are generous next to the channels' own limits: Messenger cuts a text at 2,000
 * characters and carriers stop concatenating an SMS at about 10 segments (1,530 GSM-7
 * characters), so no real bot comes near them.
 */

/** Longest single reply after `{{…}}` interpolation; longer ones are cut with "…". */
export const MAX_REPLY_CHARS = 2_000;
/** Replies in one turn (one incoming message, or the opening of a conversation). */
export const MAX_REPLIES_PER_TURN = 25;
/** Characters of all the replies in one turn. */
export const MAX_TURN_CHARS = 20_000;
/** Steps run in one turn without waiting for the person. */
export const MAX_HOPS = 100;
/** Longest tag after interpolation, and most tags a person can carry. */
export const MAX_TAG_CHARS = 100;
export const MAX_TAGS = 100;
/** Characters a whole scripted check may produce (every turn of it together). */
export const MAX_CHECK_CHARS = 100_000;
