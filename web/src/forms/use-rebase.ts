import { useState } from 'react';

/**
 * What a form builds its write on (a record's version, a calendar spec): the one read when it
 * opened, so a change made meanwhile is refused as a conflict rather than overwritten; after a
 * conflict it follows the record as reloaded, so the person's input is kept and the next save
 * builds on the latest.
 */
export function useRebase<T>(current: T) {
  const [initial] = useState(current);
  const [isFollowing, setFollowing] = useState(false);
  return { base: isFollowing ? current : initial, onConflict: () => setFollowing(true) };
}
