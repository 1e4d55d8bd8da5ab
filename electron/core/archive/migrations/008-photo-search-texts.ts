import type { Migration } from '../migrate';

export const migration008: Migration = {
  version: 8,
  name: 'photos: search text in the forms article search uses (so either tone style matches)',
  up: (db) => {
    // Derived text, rebuilt by the photo store with its own forms right after the migrations
    // run (an empty text means "to rebuild"), so this migration depends on no live code.
    db.exec("UPDATE photos SET search_exact = '', search_folded = ''");
  },
};
