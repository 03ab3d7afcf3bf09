// notify_command.h — cleanslate-desk notify: one e-mail per new case, and one per piece of news
// about a case, as .eml files.
//
//   cleanslate-desk notify --out DIR --from "Provider Abuse Desk <abuse@provider.example>"
//                   --helpdesk "088 123 4567" [--base-url URL] [--database var/cleanslate.db]
//                   [--days 14] [--link-key-file F]
//
// For every case import-feed opened that has no e-mail yet: mints its signed link (the key
// as for cleanslate-server: --link-key-file, CLEANSLATE_LINK_KEY or var/link.key), writes
// DIR/<case number>.eml in the customer's language (locales/*.json, email.*), and records
// that the case was notified, so running it again writes only the cases imported since.
// Then the news, once each, for cases already e-mailed (run it after import-feed and verify):
//   DIR/<case>-seen-again-<day>.eml  the feed saw the connection again after the customer
//                                    reported it done (and no newer report since): a fresh link,
//                                    "do the steps again";
//   DIR/<case>-quiet-<day>.eml       verify found no sighting since the report: the good news,
//                                    no link (nothing to do) — the feedback customers missed.
// No mail is sent: the provider's own mail system sends the files. --base-url defaults to
// $CLEANSLATE_PUBLIC_URL and is required otherwise.
//
// Exit status: 0 done; 2 an argument is missing or unusable (one line on stderr); 1 the key,
// the database or the directory could not be used.
#pragma once

namespace cleanslate::desk {

int run_notify_command(int argc, char** argv);

}  // namespace cleanslate::desk
