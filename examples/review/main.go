// Command review is batch QA for a helpdesk export: it reads conversations
// as JSON Lines, judges each with an ethics policy and scores it with a QA
// rubric, writes one scorecard a line, prints a team summary per agent and
// writes a self-contained HTML report.
//
// From the module's root:
//
//	go run ./examples/review examples/review/testdata/sample.jsonl
//	go run ./examples/review -worst 5 -html qa.html -out cards.jsonl export.jsonl
//	zcat export.jsonl.gz | go run ./examples/review -quiet -policy shop.policy -rubric shop.rubric
//
// The first writes scorecards.jsonl and report.html in the current
// directory and prints the team summary.
//
// # Input
//
// One conversation a line, in the conversation JSON of the rapport package
// (rapport.Conversation), from the file named by the argument or, with no
// argument or "-", from standard input. Blank lines are ignored. A line that
// is not a JSON object, does not decode as a conversation, fails
// rapport.Conversation.Validate, has no messages, or is longer than -max-line
// bytes is a bad line: it is reported on standard error with its line number
// and skipped, and every other line is still scored.
//
// # Flags
//
//	-policy file   ethics policy file (default: the built-in first-impression policy)
//	-rubric file   rubric file (default: the built-in first-impression rubric)
//	-out file      scorecards as JSON Lines (default scorecards.jsonl; "" for none)
//	-html file     HTML report (default report.html; "" for none)
//	-worst n       how many of the worst-scored conversations the report shows (default 10)
//	-title text    the report's title
//	-workers n     conversations scored at once (default GOMAXPROCS); the output is the same for any n
//	-max-line n    the longest line accepted, in bytes (default 16 MiB)
//	-quiet         no progress line and no closing note on standard error
//
// The rubric's fired("rule") always reads the policy in use, so that the
// findings written beside a scorecard are the ones its scores rest on: a
// rubric file is parsed with rubric.WithPolicy, and with -policy alone the
// built-in rubric is parsed again from rubric.FirstImpressionSource for the
// given policy, which fails, naming the rules, when the policy lacks rules
// the built-in rubric reads; then give a rubric written for the policy too.
//
// # Output
//
// Each line of -out is {"line", "id", "agent", "agents", "channel", "lang",
// "scorecard", "decision"}: the input line number; the conversation id; the
// agent it is credited to, the author of most of the replies (agent or bot
// messages) and on a tie the one who replied last, who took over from a bot
// or a colleague and saw the case through ("(unnamed)" for replies without
// an author, "(no reply)" when there is no reply); every author who replied, in order of first reply, when
// there is more than one; the language the checker read the customer's first
// message in; the rubric.Scorecard; the ethics.Decision with its findings;
// and "error" when a rule of the policy failed at run time (reported on
// standard error too, for the first ten such conversations; the line is
// still scored, with the other rules' findings). A conversation on which no criterion of the rubric applied (a customer
// with no reply yet) is marked "unscored": true and left out of the summaries,
// the histogram and the worst list, since the rubric then gives it a score of
// 0 that says nothing about an agent.
//
// Standard output gets the team summary: per agent (rubric.SummarizeBy, fed
// as the stream goes) and for all agents (a rubric.Tally), conversations,
// mean score, pass rate, autofails and the weakest criterion (lowest mean,
// the earliest in the rubric on a tie).
//
// The HTML report has the score histogram, the mean score per criterion,
// the agent table, the verdicts and the rules that fired, and the worst
// replies. A rubric scores conversations, not single replies, so the worst
// replies are shown in their conversations, the -worst lowest-scored ones
// (then block before warn before pass, more severe findings, the earlier
// line), with every message and the findings' spans marked in the text,
// the rule as the mark's title. Messages longer than 4 KiB are cut there in
// the report. It is one file: CSS inline, charts as inline SVG, no script.
//
// While it reads, a progress line on standard error counts the lines every
// 1,000 conversations and every second, rewritten in place; it is off with
// -quiet and when standard error is not a terminal.
//
// Memory does not grow with the input: aggregates are running tallies, the
// histogram is counts, and the worst conversations are kept in a heap of
// -worst entries; only the number of distinct agents, languages and rules
// adds state.
//
// # Exit status
//
// 0 when every line was scored; 1 when some lines were bad and skipped, or a
// rule of the policy failed at run time on some conversation (the outputs
// hold every other line, and every other finding); 2 when the program could not do its job:
// bad flags, a file that cannot be read or written, or a policy or rubric
// file with errors (reported with file:line:col and a caret).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
)

// Exit statuses.
const (
	exitOK       = 0 // every line scored
	exitBadLines = 1 // some lines were bad and skipped, or a rule failed at run time
	exitFatal    = 2 // nothing useful could be done
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the command line.
type options struct {
	input      string // "" or "-" for standard input
	policyFile string
	rubricFile string
	outFile    string
	htmlFile   string
	title      string
	worst      int
	workers    int
	maxLine    int
	quiet      bool
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.policyFile, "policy", "", "ethics policy `file` (default: the built-in first-impression policy)")
	fs.StringVar(&o.rubricFile, "rubric", "", "rubric `file` (default: the built-in first-impression rubric)")
	fs.StringVar(&o.outFile, "out", "scorecards.jsonl", "write the scorecards as JSON Lines to `file` (\"\" for none)")
	fs.StringVar(&o.htmlFile, "html", "report.html", "write the HTML report to `file` (\"\" for none)")
	fs.StringVar(&o.title, "title", "Helpdesk QA report", "the report's `title`")
	fs.IntVar(&o.worst, "worst", 10, "show the `n` worst-scored conversations in the report")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "score `n` conversations at once")
	fs.IntVar(&o.maxLine, "max-line", 16<<20, "the longest input line accepted, in `bytes`")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress line and no closing note on standard error")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: review [flags] [conversations.jsonl]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 1:
		return o, fmt.Errorf("review: one input file at most, got %d", fs.NArg())
	case o.worst < 0:
		return o, fmt.Errorf("review: -worst %d: want 0 or more", o.worst)
	case o.workers < 1:
		return o, fmt.Errorf("review: -workers %d: want 1 or more", o.workers)
	case o.maxLine < 1:
		return o, fmt.Errorf("review: -max-line %d: want 1 or more", o.maxLine)
	}
	o.input = fs.Arg(0)
	return o, nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFatal
	}
	sc, err := load(o.policyFile, o.rubricFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFatal
	}

	in, name := stdin, "stdin"
	if o.input != "" && o.input != "-" {
		f, err := os.Open(o.input)
		if err != nil {
			fmt.Fprintln(stderr, "review:", err)
			return exitFatal
		}
		defer f.Close()
		in, name = f, o.input
	}
	// Create the outputs before reading: a typo in a path should not cost
	// a run over the whole export.
	var outFile, htmlFile *os.File
	for _, p := range []struct {
		path string
		f    **os.File
	}{{o.outFile, &outFile}, {o.htmlFile, &htmlFile}} {
		if p.path == "" {
			continue
		}
		f, err := os.Create(p.path)
		if err != nil {
			fmt.Fprintln(stderr, "review:", err)
			return exitFatal
		}
		defer f.Close()
		*p.f = f
	}

	rv := newReview(sc, name, o.worst)
	var cards *bufio.Writer
	var out io.Writer = io.Discard
	if outFile != nil {
		cards = bufio.NewWriterSize(outFile, 64<<10)
		out = cards
	}
	prog := newProgress(stderr, !o.quiet && isTerminal(stderr))
	if err := rv.process(in, o.maxLine, o.workers, out, stderr, prog); err != nil {
		fmt.Fprintln(stderr, "review:", err)
		return exitFatal
	}
	if cards != nil {
		if err := cards.Flush(); err != nil {
			fmt.Fprintln(stderr, "review:", err)
			return exitFatal
		}
		if err := outFile.Close(); err != nil {
			fmt.Fprintln(stderr, "review:", err)
			return exitFatal
		}
	}
	if err := rv.writeSummary(stdout); err != nil {
		fmt.Fprintln(stderr, "review:", err)
		return exitFatal
	}
	if htmlFile != nil {
		w := bufio.NewWriterSize(htmlFile, 64<<10)
		err := rv.writeHTML(w, o.title)
		if err == nil {
			err = w.Flush()
		}
		if err == nil {
			err = htmlFile.Close()
		}
		if err != nil {
			fmt.Fprintln(stderr, "review:", err)
			return exitFatal
		}
	}
	if !o.quiet {
		for _, f := range []struct{ what, path string }{{"scorecards", o.outFile}, {"report", o.htmlFile}} {
			if f.path != "" {
				fmt.Fprintf(stderr, "review: %s written to %s\n", f.what, f.path)
			}
		}
	}
	if rv.bad > 0 || rv.evalErrs > 0 {
		return exitBadLines
	}
	return exitOK
}

// isTerminal reports whether w is a character device: a terminal, where a
// progress line rewritten with '\r' makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
