// Package rubric scores support conversations the way a QA team does: a
// rubric of weighted criteria, each rated on a scale, some critical, with a
// pass mark; scorecards with the evidence behind each rating; team
// summaries; and the agreement between graders.
//
//	card := rubric.FirstImpression().Score(conversation)
//	card.Passed   // false: the barman's reply failed the critical respect criterion
//	fmt.Print(card.Text())
//
// # Usage
//
// Take the built-in rubric with [FirstImpression], or read your own file
// once with [Parse], and call [Rubric.Score] for each conversation. A
// [Scorecard] holds the score (0–1), whether it passed, and one line per
// criterion: [Scorecard.Criterion] looks one up by id, [Scorecard.Text]
// renders the card for a person, and encoding/json gives its stable JSON
// form. Scorecards feed team figures ([Summarize], [Tally]) and the
// calibration of graders ([Rubric.Agreement]). A program that also
// evaluates an ethics policy on the conversation reads it once: evaluate
// the policy on an [ethics.View] and score the same view with [ScoreView].
//
// # Rubrics in Go
//
// A [Rubric] is typed by what it scores: Rubric[S] has criteria
// [Criterion][S], each with an id, a title, a weight, a [Scale] (Binary,
// Points with a label and descriptor per level, Percent), a critical flag
// and a Score function returning a [Rating] with [Evidence], or NA. A
// rating normalises to 0–1 as (value - min) / (max - min); the rubric's
// score is the weighted mean over the criteria that apply; a failed
// critical criterion fails the scorecard and zeroes its score (or, with
// [FlagCritical], only flags it). [New] checks the criteria and returns
// typed errors ([CriterionError]), every problem at once; [MustNew] is for
// rubrics built at package initialisation. A Score function returns
// [Pass], [Fail], [Rate] or [NA]; [PassMark] moves the pass mark from its
// default of 0.7. [Rubric.Rate] turns a person's ratings into a scorecard
// comparable with the automatic one.
//
// # Rubric files
//
// [Parse] reads rubrics written in the syntax of ethics policy files, with
// scores that are expressions over the same environment as policy
// conditions, plus fired(rule) for the findings of an ethics policy; see
// [Parse] and the built-in first-impression.rubric, which [FirstImpression]
// returns; [FirstImpressionSource] is its text, to copy from. [WithPolicy]
// names the ethics policy whose findings fired reads; [MaxNodes] and
// [MemoryBudget] bound the expressions of a rubric from an untrusted
// tenant, as the ethics options of those names bound a policy's. A QA lead
// changes the rubric without touching Go.
//
// # Team views and calibration
//
// A [Tally] (or [Summarize], [SummarizeBy]) turns many scorecards into mean
// scores, pass rates and per-criterion means and failure counts, grouped by
// any key: agent, channel, week. Scorecards on which no criterion applied
// ([Scorecard.Scored] is false) are counted apart. [Rubric.Agreement] compares graders
// criterion by criterion with percent agreement, Cohen's kappa (quadratic
// weighted on points scales) and Krippendorff's alpha; the statistics are
// also available on their own ([CohenKappa], [WeightedKappa],
// [KrippendorffAlpha]).
//
// # Concurrency
//
// A Rubric is immutable and safe for concurrent use when its criteria's
// Score functions are; those of parsed rubrics and [FirstImpression] are.
// A Tally is not safe for concurrent use.
//
// # Examples
//
// The examples score chats in English, German, Italian, Spanish, French and
// Dutch with the built-in rubric ([Rubric.Score], [Scorecard.Text]), build
// rubrics in Go over other types ([MustNew], [Points], [PassMark],
// [FlagCritical]), change a rubric file ([FirstImpressionSource],
// [WithPolicy]), summarise a team ([Summarize], [Tally], [SummarizeBy]) and
// compare graders ([Rubric.Agreement], [PercentAgreement], [WeightedKappa],
// [KrippendorffAlpha]).
package rubric
