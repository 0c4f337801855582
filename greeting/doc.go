// Package greeting reads one customer-service message: its greeting and
// closing, the politeness strategies it uses, whether it is hostile, its
// formality register and its language.
//
//	r := greeting.Check("Sorry for the wait — you're next, thank you for your patience!", language.English)
//	r.Hostile                  // false
//	r.Politeness               // 0.85: reads as polite
//	r.Has(greeting.Gratitude)  // true
//
// # Usage
//
// For one message, call the package-level [Check] with the language the
// message is written in, or language.Und to have it detected, and read the
// [Report]: [Report.Has] and [Report.Count] ask about a [Strategy],
// [Report.Hostility] lists the words that make a message hostile, with their
// byte offsets. A program with its own phrases builds a [Checker] once with
// [New] and the options [WithData] and [WithLanguages], and then calls
// [Checker.Check]; [Checker.CheckOr] reads a reply in the language it is
// written in and falls back to the customer's locale only when the text
// gives no evidence of one (no frequent word and no letters of a known
// script). [Default] is the shared checker that Check uses.
//
// # What a report holds
//
// A [Report] lists markers: each use of a [Strategy] (greeting, gratitude,
// apology, command, insult, ...) with its byte span in the original text and
// its weight. From them come:
//
//   - Politeness, in [-1, 1]: tanh(z/2) for z the sum of the markers'
//     weights, that is 2p-1 for the probability p of a logistic model whose
//     weights were fitted on English politeness ratings; a message with no
//     markers scores 0. The k-th marker of a
//     strategy counts 1/k of its weight. The weights belong to strategies,
//     not words, so they carry over to every language. The forms of
//     address weigh nothing: they tell the register, which most languages
//     mark in every message, rude or polite.
//   - Hostile: any marker of blame, dismissal, command, impatience, insult,
//     profanity or shouting. A negation just before a marker cancels it
//     ("that was not a stupid question"), and a denial of a whole clause
//     cancels the markers of the clause ("it's not true that…"); hostile
//     words between quotation marks are a quotation, not hostility; and
//     blame asked in a hedged question looks for a cause ("Haben Sie
//     vielleicht die Adresse falsch eingegeben?", "…入力されたのでしょうか？").
//   - Formality, in [-1, 1]: (F-I)/(F+I+1) for F formal and I informal cues:
//     a form of address (Lei, Sie, du, vous, and the verb forms that go with
//     them) weighs 1, a register word (kindly, gonna) 0.5. Forms of address
//     between quotation marks are someone else's and count only when the
//     message's own words carry no register; then, in scripts with capitals,
//     a message that starts in lower case or shouts "!!" weighs 0.5 on the
//     informal side. Register is unknown without cues, mixed when a message
//     uses both the formal and the informal form of address, and otherwise
//     formal or informal by the sign of Formality.
//   - Greeting and Closing: the first greeting and the last closing, with the
//     part of day they name; [PartOfDay.Fits] says whether that suits the
//     customer's local hour.
//
// # Languages
//
// Each language is a phrase-data file compiled into matching tables (see
// data/README.md for the format). The built-in languages' tables are
// compiled ahead of time and loaded the first time a message in the
// language is checked, in a few milliseconds; data given with [WithData]
// is compiled when the checker is built. Text is normalised once (NFKC, case
// folding, accents on Latin letters) and matched in one pass, with offsets
// into the original bytes. Tags resolve to the closest language with data
// through a language.Matcher; language.Und, or a tag with no close match,
// asks the checker to detect the language from its frequent words. The
// tag's region picks the regional variety where a word's register changes
// with it (Portuguese seu); without one (pt alone, or a detected language)
// the text's own words may mark the variety ("estou a verificar" is
// Portugal's), and otherwise the likely region is read (Brazil for pt).
// [WithData] adds a language, or replaces one, from a file of your own.
//
// # Concurrency
//
// A [Checker] is immutable once built and safe for concurrent use; the
// package-level [Check] uses a shared default checker built on first use.
// A [Report] is a plain value owned by its caller.
//
// # Examples
//
// The examples show a reply read in English, Italian, German, Spanish and
// Japanese ([Check], [Checker.Check]), the strategies behind a verdict
// ([Report.Hostility], [ParseStrategy], [Strategies]), the registers
// ([Register]), language detection ([Detect], [Checker.CheckOr]) and a
// company's own phrase data ([New], [WithData], [DataError]).
package greeting
