package main

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/rubric"
)

// maxEvalReports is how many conversations' policy errors are written on
// standard error; a rule that fails on one conversation tends to fail on all.
const maxEvalReports = 10

// bins is the number of bars of the score histogram, each a tenth wide.
const bins = 10

// A review is the running state of one run: aggregates whose size does not
// depend on the number of conversations.
type review struct {
	sc    *scorer
	input string // the input's name in messages and the report
	worst int    // how many worst conversations to keep

	scored, bad, unscored, evalErrs int
	total                           rubric.Tally
	agents                          []rubric.Group[string] // per agent, when the input is done
	hist                            [bins]int
	verdicts                        [ethics.Block + 1]int // by ethics.Verdict
	rules                           map[string]int        // rule id → conversations on which it fired
	langs                           map[string]int        // language → conversations
	heap                            worstHeap
}

func newReview(sc *scorer, input string, worst int) *review {
	return &review{sc: sc, input: input, worst: worst, rules: map[string]int{}, langs: map[string]int{}}
}

// A cardLine is one line of the scorecards output.
type cardLine struct {
	Line      int              `json:"line"`
	ID        string           `json:"id"`
	Agent     string           `json:"agent"`
	Agents    []string         `json:"agents,omitempty"`
	Channel   rapport.Channel  `json:"channel,omitempty"`
	Lang      string           `json:"lang"`
	Unscored  bool             `json:"unscored,omitempty"`
	Scorecard rubric.Scorecard `json:"scorecard"`
	Decision  ethics.Decision  `json:"decision"`
	Error     string           `json:"error,omitempty"` // a rule failed at run time
}

// process reads the input, scores every line, writes the scorecards to out
// and bad lines to errs, and keeps the aggregates. The error is about the
// input or out, not about lines: those are counted in rv.bad.
func (rv *review) process(in io.Reader, maxLine, workers int, out, errs io.Writer, prog *progress) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var fatal error
	lines := rv.sc.results(newLineReader(in, maxLine), workers)
	// SummarizeBy takes the scorecards as a stream and keeps one Tally per
	// agent, so the per-agent summary is built as the input goes by.
	rv.agents = rubric.SummarizeBy(func(yield func(string, rubric.Scorecard) bool) {
		for r := range lines {
			if r.fatal != nil {
				fatal = fmt.Errorf("%s:%d: %w", rv.input, r.line, r.fatal)
				return
			}
			prog.update(rv.scored+rv.unscored, rv.bad)
			if r.bad != nil {
				rv.bad++
				prog.clear()
				fmt.Fprintf(errs, "%s:%d: skipped: %v\n", rv.input, r.line, r.bad)
				continue
			}
			cl := cardLine{Line: r.line, ID: r.conv.ID, Agent: r.agent, Agents: r.agents, Channel: r.conv.Channel,
				Lang: r.lang, Unscored: r.unscored, Scorecard: r.card, Decision: r.decision}
			if r.evalErr != nil {
				rv.evalErrs++
				cl.Error = r.evalErr.Error()
				if rv.evalErrs <= maxEvalReports {
					prog.clear()
					fmt.Fprintf(errs, "%s:%d: conversation %q: %v\n", rv.input, r.line, r.conv.ID, r.evalErr)
					if rv.evalErrs == maxEvalReports {
						fmt.Fprintln(errs, "review: more policy errors are only in the scorecards' \"error\" field")
					}
				}
			}
			if err := enc.Encode(cl); err != nil {
				fatal = err
				return
			}
			if r.unscored {
				rv.unscored++
				continue
			}
			rv.add(r)
			if !yield(r.agent, r.card) {
				return
			}
		}
	})
	prog.done(rv.scored+rv.unscored, rv.bad)
	return fatal
}

// add counts a scored conversation in the aggregates.
func (rv *review) add(r *result) {
	rv.scored++
	rv.total.Add(r.card)
	rv.hist[bin(r.card.Score)]++
	rv.verdicts[r.decision.Verdict]++
	for _, id := range r.decision.Rules() {
		rv.rules[id]++
	}
	rv.langs[r.lang]++
	if rv.worst > 0 {
		// Build the entry, with its copies, only when it is kept.
		k := worst{line: r.line, score: r.card.Score, verdict: r.decision.Verdict, weight: weigh(r.decision.Findings)}
		if rv.heap.Len() < rv.worst || worse(&k, rv.heap[0]) {
			rv.heap.offer(newWorst(k, r), rv.worst)
		}
	}
}

// bin returns the histogram bar of a score in [0, 1].
func bin(score float64) int {
	b := int(math.Floor(score*bins + 1e-9))
	return min(max(b, 0), bins-1)
}

// maxText is the longest message text kept for the report; longer ones are
// cut at a character boundary.
const maxText = 4 << 10

// A worst is a conversation kept for the report's worst list.
type worst struct {
	line     int
	score    float64
	verdict  ethics.Verdict
	weight   int // the findings' severities: critical 8, major 4, minor 2, info 1
	conv     rapport.Conversation
	agent    string
	lang     string
	card     rubric.Scorecard
	findings []rapport.Finding
	cut      []int // per message, the bytes cut from its text
}

// weigh returns the weight of findings: critical 8, major 4, minor 2, info 1.
func weigh(findings []rapport.Finding) int {
	w := 0
	for _, f := range findings {
		w += 1 << f.Severity
	}
	return w
}

// newWorst completes the key k of result r into an entry of the worst list.
func newWorst(k worst, r *result) *worst {
	w := &k
	w.conv, w.agent, w.lang, w.card, w.findings = r.conv, r.agent, r.lang, r.card, r.decision.Findings
	w.conv.Messages = slices.Clone(w.conv.Messages)
	w.cut = make([]int, len(w.conv.Messages))
	for i, m := range w.conv.Messages {
		if len(m.Text) > maxText {
			n := maxText
			for n > 0 && !isRuneStart(m.Text[n]) {
				n--
			}
			// Clone, so that the long text itself is not kept.
			w.conv.Messages[i].Text = strings.Clone(m.Text[:n])
			w.cut[i] = len(m.Text) - n
		}
	}
	return w
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// worse reports whether a is worse than b: a lower score, then a stricter
// verdict, then heavier findings, then the earlier line, so that the list
// does not depend on the order the workers finish in.
func worse(a, b *worst) bool {
	switch {
	case a.score != b.score:
		return a.score < b.score
	case a.verdict != b.verdict:
		return a.verdict > b.verdict
	case a.weight != b.weight:
		return a.weight > b.weight
	}
	return a.line < b.line
}

// A worstHeap keeps the n worst conversations seen; its root is the least
// bad of them, the first to go when a worse one comes.
type worstHeap []*worst

func (h worstHeap) Len() int           { return len(h) }
func (h worstHeap) Less(i, j int) bool { return worse(h[j], h[i]) }
func (h worstHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstHeap) Push(x any)        { *h = append(*h, x.(*worst)) }
func (h *worstHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return x
}

// offer keeps w if it is among the n worst seen.
func (h *worstHeap) offer(w *worst, n int) {
	switch {
	case h.Len() < n:
		heap.Push(h, w)
	case worse(w, (*h)[0]):
		(*h)[0] = w
		heap.Fix(h, 0)
	}
}

// sorted returns the kept conversations, worst first.
func (h worstHeap) sorted() []*worst {
	s := slices.Clone(h)
	slices.SortFunc(s, func(a, b *worst) int {
		if worse(a, b) {
			return -1
		}
		return 1
	})
	return s
}
