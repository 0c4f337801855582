package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runOut is what one run of the program produced.
type runOut struct {
	code           int
	stdout, stderr string
	cards, html    string // the -out and -html files
}

// runReview runs the program with args, writing -out and -html into a
// temporary directory, and returns what it produced.
func runReview(t *testing.T, stdin string, args ...string) runOut {
	t.Helper()
	dir := t.TempDir()
	cards, html := filepath.Join(dir, "cards.jsonl"), filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	all := append([]string{"-out", cards, "-html", html}, args...)
	r := runOut{code: run(all, strings.NewReader(stdin), &stdout, &stderr), stdout: stdout.String(), stderr: stderr.String()}
	for _, f := range []struct {
		path string
		to   *string
	}{{cards, &r.cards}, {html, &r.html}} {
		if b, err := os.ReadFile(f.path); err == nil {
			*f.to = string(b)
		}
	}
	return r
}

// matchGolden compares got with the golden file, or rewrites it under -update.
func matchGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGolden(t *testing.T) {
	r := runReview(t, "", "-quiet", "-workers", "2", "testdata/sample.jsonl")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	matchGolden(t, "sample.summary.golden", r.stdout)
	matchGolden(t, "sample.scorecards.golden.jsonl", r.cards)
	matchGolden(t, "sample.report.golden.html", r.html)
	checkSelfContained(t, r.html)

	// The same output with one worker, reading standard input.
	stdin, err := os.ReadFile("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	o := runReview(t, string(stdin), "-quiet", "-workers", "1")
	if o.code != exitOK {
		t.Errorf("exit %d, stderr:\n%s", o.code, o.stderr)
	}
	rename := func(s string) string { return strings.ReplaceAll(s, "testdata/sample.jsonl", "stdin") }
	for _, c := range []struct{ what, want, got string }{
		{"summary", rename(r.stdout), o.stdout}, {"scorecards", r.cards, o.cards}, {"report", rename(r.html), o.html},
	} {
		if d := cmp.Diff(c.want, c.got); d != "" {
			t.Errorf("with one worker from stdin, the %s differs from the run with two (-want +got):\n%s", c.what, d)
		}
	}
}

// TestSample checks that the sample export is what the package
// documentation promises: enough conversations, languages, agents and
// channels, every line valid.
func TestSample(t *testing.T) {
	f, err := os.Open("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	langs, agents, channels, statuses := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		n++
		var c struct {
			Channel  string
			Customer struct{ Locale, Status string }
			Messages []struct{ Author string }
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if len(c.Messages) < 2 || len(c.Messages) > 8 {
			t.Errorf("line %d: %d messages, want 2 to 8", n, len(c.Messages))
		}
		langs[strings.Split(c.Customer.Locale, "-")[0]] = true
		channels[c.Channel], statuses[c.Customer.Status] = true, true
		for _, m := range c.Messages {
			if m.Author != "" {
				agents[m.Author] = true
			}
		}
	}
	if n < 36 || len(langs) < 6 || len(agents) < 5 || len(channels) < 4 || len(statuses) < 3 {
		t.Errorf("%d conversations, languages %v, agents %v, channels %v, statuses %v: the sample is too thin",
			n, langs, agents, channels, statuses)
	}
}

func TestBadLines(t *testing.T) {
	r := runReview(t, "", "-quiet", "-max-line", "1000", "testdata/bad.jsonl")
	if r.code != exitBadLines {
		t.Errorf("exit %d, want %d: some lines were bad", r.code, exitBadLines)
	}
	tests := []struct {
		name, reason string
		line         int
		want         string // the message on stderr, "" for a line that is scored
	}{
		{"good", "a valid conversation is scored", 1, ""},
		{"truncated", "a line cut short is not JSON", 2,
			"invalid JSON: unexpected end of JSON input"},
		{"good after a bad line", "a bad line loses nothing else", 3, ""},
		{"unknown role", "roles are refused when unmarshalled", 4,
			`invalid conversation: rapport: unknown role "manager" (want one of ["customer" "agent" "bot"])`},
		{"no role", "Conversation.Validate wants a role on every message", 5,
			`invalid conversation: rapport: conversation "b-5": message 0 has no role`},
		{"clock runs backwards", "Conversation.Validate wants messages in time order", 7,
			`invalid conversation: rapport: conversation "b-7": message 1 at 2026-11-20T09:00:00Z is earlier than the message before it (2026-11-20T10:00:00Z)`},
		{"null", "valid JSON, but not a conversation", 8,
			"invalid conversation: want a JSON object"},
		{"no messages", "nothing to judge in an empty conversation", 9,
			`invalid conversation: conversation "b-9" has no messages`},
		{"bad channel", "channels are lower-case words", 10,
			`invalid conversation: rapport: invalid channel "Chat!": want a lower-case word such as "chat"`},
		{"bad time", "times are RFC 3339", 11,
			`invalid conversation: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`},
		{"too long", "a line over -max-line is reported, not fatal", 12,
			"line is 1825 bytes, longer than the 1000 accepted (-max-line)"},
		{"last line without a newline", "the end of the input ends the line", 13, ""},
	}
	var wantErr []string
	var wantLines []int
	for _, tt := range tests {
		if tt.want != "" {
			wantErr = append(wantErr, "testdata/bad.jsonl:"+strconv.Itoa(tt.line)+": skipped: "+tt.want)
		} else {
			wantLines = append(wantLines, tt.line)
		}
	}
	if d := cmp.Diff(wantErr, lines(r.stderr)); d != "" {
		t.Errorf("stderr (-want +got):\n%s", d)
	}
	var gotLines []int
	for _, l := range lines(r.cards) {
		var c struct{ Line int }
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatal(err)
		}
		gotLines = append(gotLines, c.Line)
	}
	if d := cmp.Diff(wantLines, gotLines); d != "" {
		t.Errorf("lines scored (-want +got):\n%s", d)
	}
	if want := "testdata/bad.jsonl: 3 conversations scored, 9 bad lines skipped\n"; !strings.HasPrefix(r.stdout, want) {
		t.Errorf("summary starts:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name, reason string
		args         []string
		code         int
		stderr       string // exact, or the start of it with prefix
		prefix       bool
		stdout       string // the start of standard output
	}{
		{name: "policy with errors", reason: "every error, with file:line:col and a caret",
			args: []string{"-policy", "testdata/broken.policy"}, code: exitFatal,
			stderr: "review: -policy: testdata/broken.policy:5:16: reply and previous have no field hostil (they have: text, lang, turn, role, author, politeness, formality, register, hostile, hostile_text, greeting, greeting_part, greeting_fits, closing, words, takes_up, courtesy_only, has, count)\n" +
				"\t    when reply.hostil\n" +
				"\t               ^\n" +
				"testdata/broken.policy:7:23: unknown word \"sometimes\" in a rule line (want a severity: info, minor, major, critical; or an enforcement: block, warn, audit)\n" +
				"\t  rule no-blame major sometimes\n" +
				"\t                      ^\n"},
		{name: "rubric with errors", reason: "the rubric is checked against the policy in use",
			args: []string{"-rubric", "testdata/broken.rubric"}, code: exitFatal,
			stderr: "review: -rubric: testdata/broken.rubric:2:6: pass \"1.5\": want a number from 0 to 1\n" +
				"\tpass 1.5\n" +
				"\t     ^\n" +
				"testdata/broken.rubric:6:16: fired(\"courtesy/no-hostility\"): policy \"first-impression\" has no such rule\n" +
				"\t  score !fired(\"courtesy/no-hostility\")\n" +
				"\t               ^\n"},
		{name: "policy the built-in rubric does not fit", reason: "fired() must read the policy whose findings are written",
			args: []string{"-policy", "testdata/cafe.policy"}, code: exitFatal, prefix: true,
			stderr: "review: the built-in rubric does not fit policy \"cafe\" from testdata/cafe.policy; give a rubric written for it with -rubric:\n" +
				"first-impression.rubric:16:16: fired(\"respect/no-hostility\"): policy \"cafe\" has no such rule\n"},
		{name: "policy and rubric of one's own", reason: "the rubric's fired() reads the given policy",
			args: []string{"-quiet", "-policy", "testdata/cafe.policy", "-rubric", "testdata/cafe.rubric", "testdata/sample.jsonl"},
			code: exitOK, stdout: "testdata/sample.jsonl: 39 conversations scored, 1 unscored (no criterion applied)\npolicy cafe, rubric cafe\n"},
		{name: "missing policy", reason: "the file is named",
			args: []string{"-policy", "testdata/nope.policy"}, code: exitFatal,
			stderr: "review: -policy: open testdata/nope.policy: no such file or directory\n"},
		{name: "missing rubric", reason: "the file is named",
			args: []string{"-rubric", "testdata/nope.rubric"}, code: exitFatal,
			stderr: "review: -rubric: open testdata/nope.rubric: no such file or directory\n"},
		{name: "missing input", reason: "the file is named",
			args: []string{"testdata/nope.jsonl"}, code: exitFatal,
			stderr: "review: open testdata/nope.jsonl: no such file or directory\n"},
		{name: "output in a missing directory", reason: "outputs are created before the input is read",
			args: []string{"-out", "testdata/nope/cards.jsonl", "testdata/sample.jsonl"}, code: exitFatal,
			stderr: "review: open testdata/nope/cards.jsonl: no such file or directory\n"},
		{name: "two inputs", reason: "one export at a time",
			args: []string{"a.jsonl", "b.jsonl"}, code: exitFatal,
			stderr: "review: one input file at most, got 2\n"},
		{name: "negative worst", reason: "a count",
			args: []string{"-worst", "-1"}, code: exitFatal, stderr: "review: -worst -1: want 0 or more\n"},
		{name: "no workers", reason: "someone has to do the work",
			args: []string{"-workers", "0"}, code: exitFatal, stderr: "review: -workers 0: want 1 or more\n"},
		{name: "unknown flag", reason: "the flag package reports it, with the usage",
			args: []string{"-colour"}, code: exitFatal, prefix: true,
			stderr: "flag provided but not defined: -colour\nusage: review [flags] [conversations.jsonl]\n"},
		{name: "help", reason: "asking for help is not an error",
			args: []string{"-h"}, code: exitOK, prefix: true, stderr: "usage: review [flags] [conversations.jsonl]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runReview(t, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d (%s); stderr:\n%s", r.code, tt.code, tt.reason, r.stderr)
			}
			got := r.stderr
			if tt.prefix && len(got) > len(tt.stderr) {
				got = got[:len(tt.stderr)]
			}
			if d := cmp.Diff(tt.stderr, got); d != "" {
				t.Errorf("stderr (-want +got), %s:\n%s", tt.reason, d)
			}
			if !strings.HasPrefix(r.stdout, tt.stdout) {
				t.Errorf("stdout:\n%s\nwant it to start:\n%s", r.stdout, tt.stdout)
			}
		})
	}
}

// TestPolicyRunTimeError runs a policy with a rule that fails on every
// reply: every conversation is still scored with the other rules, each line
// says what failed, standard error shows the first few, and the exit status
// tells.
func TestPolicyRunTimeError(t *testing.T) {
	r := runReview(t, "", "-quiet", "-policy", "testdata/fragile.policy", "-rubric", "testdata/cafe.rubric", "testdata/sample.jsonl")
	if r.code != exitBadLines {
		t.Errorf("exit %d, want %d", r.code, exitBadLines)
	}
	wantOut := "testdata/sample.jsonl: 39 conversations scored, 1 unscored (no criterion applied), 39 with policy errors\n"
	if !strings.HasPrefix(r.stdout, wantOut) {
		t.Errorf("summary:\n%s\nwant it to start:\n%s", r.stdout, wantOut)
	}
	wantErr := "testdata/sample.jsonl:1: conversation \"t-1001\": ethics: testdata/fragile.policy:10:22: rule courtesy/vip-care at turn 1: invalid operation: <nil> > int\n"
	if !strings.HasPrefix(r.stderr, wantErr) {
		t.Errorf("stderr starts:\n%.300s\nwant:\n%s", r.stderr, wantErr)
	}
	if n := strings.Count(r.stderr, ": conversation \""); n != maxEvalReports || !strings.HasSuffix(r.stderr, "review: more policy errors are only in the scorecards' \"error\" field\n") {
		t.Errorf("stderr reports %d conversations, want %d and a note:\n%s", n, maxEvalReports, r.stderr)
	}
	for i, l := range lines(r.cards) {
		var c struct {
			ID       string
			Error    string
			Decision struct{ Findings []struct{ Rule string } }
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatal(err)
		}
		hostile := false
		for _, f := range c.Decision.Findings {
			hostile = hostile || f.Rule == "courtesy/no-hostility"
		}
		switch {
		case c.ID == "t-1020": // no reply: no rule ran
		case !strings.Contains(c.Error, "rule courtesy/vip-care"):
			t.Errorf("line %d (%s): error %q, want the failing rule", i+1, c.ID, c.Error)
		case c.ID == "t-1002" && !hostile:
			t.Errorf("line %d (%s): the other rules' findings are lost: %+v", i+1, c.ID, c.Decision.Findings)
		}
	}
}
