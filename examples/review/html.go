package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/rubric"
)

//go:embed report.tmpl
var reportSource string

// reportTemplate renders the report; html/template escapes every value for
// its context, so that text from the export cannot inject markup.
var reportTemplate = template.Must(template.New("report").Parse(reportSource))

// reportView is what the template shows.
type reportView struct {
	Title, Input        string
	Policy, PolicyTitle string
	Rubric, RubricTitle string
	Scored, Unscored    int
	Bad, EvalErrs       int
	MeanScore, PassRate string
	Autofails           int
	Histogram           histogram
	Criteria            criteriaChart
	Agents              []agentRow
	Verdicts            []countRow
	Langs               []countRow
	Rules               []countRow
	WorstN              int
	Worst               []worstView
}

type countRow struct {
	Label string
	Count int
	Share string // of the scored conversations, "12.5%"
}

type agentRow struct {
	Agent, Mean, PassRate, Weakest string
	Count, Autofails               int
	BarW                           string // width of the mean score's bar, out of 100
}

// writeHTML renders the report of the run.
func (rv *review) writeHTML(w io.Writer, title string) error {
	total := rv.total.Summary()
	v := reportView{
		Title: title, Input: rv.input,
		Policy: rv.sc.policy.Name(), PolicyTitle: rv.sc.policy.Title(),
		Rubric: rv.sc.rubric.Name(), RubricTitle: rv.sc.rubric.Title(),
		Scored: rv.scored, Unscored: rv.unscored, Bad: rv.bad, EvalErrs: rv.evalErrs,
		MeanScore: fmt.Sprintf("%.3f", total.MeanScore), PassRate: percent(total.PassRate),
		Autofails: total.Autofails,
		Histogram: newHistogram(rv.hist),
		Criteria:  newCriteriaChart(rv.sc.rubric, total),
		WorstN:    rv.worst,
	}
	for _, g := range rv.agents {
		weak := "–"
		if id, mean, ok := weakest(g.Summary); ok {
			weak = fmt.Sprintf("%s (%.3f)", id, mean)
		}
		v.Agents = append(v.Agents, agentRow{Agent: g.Key, Count: g.Count, Mean: fmt.Sprintf("%.3f", g.MeanScore),
			PassRate: percent(g.PassRate), Autofails: g.Autofails, Weakest: weak, BarW: num(100 * g.MeanScore)})
	}
	share := func(n int) string {
		if rv.scored == 0 {
			return "–"
		}
		return percent(float64(n) / float64(rv.scored))
	}
	for vd := ethics.Pass; vd <= ethics.Block; vd++ {
		v.Verdicts = append(v.Verdicts, countRow{vd.String(), rv.verdicts[vd], share(rv.verdicts[vd])})
	}
	for _, l := range slices.Sorted(maps.Keys(rv.langs)) {
		v.Langs = append(v.Langs, countRow{l, rv.langs[l], share(rv.langs[l])})
	}
	// Rules in the policy's order, then any other (none, today).
	order := rv.sc.policy.Rules()
	for _, id := range slices.Sorted(maps.Keys(rv.rules)) {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	for _, id := range order {
		if n := rv.rules[id]; n > 0 {
			v.Rules = append(v.Rules, countRow{id, n, share(n)})
		}
	}
	for i, wc := range rv.heap.sorted() {
		v.Worst = append(v.Worst, newWorstView(i+1, wc))
	}
	return reportTemplate.Execute(w, v)
}

func percent(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// num formats a coordinate for SVG, the same way on every machine.
func num(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }

// histogram is the score distribution as SVG bars.
type histogram struct {
	Width, Height, Base string
	Bars                []histBar
	Ticks               []tick
}

type histBar struct {
	X, Y, W, H   string
	LabelX, TopY string
	Count        int
	Range        string
}

type tick struct{ X, Label string }

func newHistogram(counts [bins]int) histogram {
	const (
		left, top, plotH = 30.0, 24.0, 160.0
		slot, barW       = 52.0, 44.0
	)
	most := max(slices.Max(counts[:]), 1)
	h := histogram{Width: num(left + bins*slot + 20), Height: num(top + plotH + 30), Base: num(top + plotH)}
	for i, n := range counts {
		bh := plotH * float64(n) / float64(most)
		x := left + float64(i)*slot + (slot-barW)/2
		h.Bars = append(h.Bars, histBar{
			X: num(x), Y: num(top + plotH - bh), W: num(barW), H: num(bh),
			LabelX: num(x + barW/2), TopY: num(top + plotH - bh - 5), Count: n,
			Range: fmt.Sprintf("%.1f–%.1f", float64(i)/bins, float64(i+1)/bins),
		})
	}
	for i := 0; i <= bins; i++ {
		h.Ticks = append(h.Ticks, tick{X: num(left + float64(i)*slot), Label: fmt.Sprintf("%.1f", float64(i)/bins)})
	}
	return h
}

// criteriaChart is the mean score per criterion as horizontal SVG bars.
type criteriaChart struct {
	Width, Height, BarX string
	Rows                []criterionRow
}

type criterionRow struct {
	Label, Detail       string
	Y, TextY, W, ValueX string
	Value               string // "0.812", or "n/a"
	Applies             bool
}

func newCriteriaChart(r *rubric.Rubric[rapport.Conversation], s rubric.Summary) criteriaChart {
	const (
		labelW, barMax, rowH = 210.0, 360.0, 26.0
	)
	titles := map[string]string{}
	for _, c := range r.Criteria() {
		titles[c.ID] = c.Title
	}
	ch := criteriaChart{Width: num(labelW + barMax + 70), Height: num(rowH*float64(len(s.Criteria)) + 4), BarX: num(labelW)}
	for i, c := range s.Criteria {
		y := float64(i)*rowH + 4
		row := criterionRow{Label: c.ID, Y: num(y), TextY: num(y + 13), Value: "n/a",
			Detail: fmt.Sprintf("%s: applied to %d, scored 0 on %d", c.ID, c.Applicable, c.Failures)}
		if t := titles[c.ID]; t != "" {
			row.Label = t
		}
		if c.Mean != nil {
			w := barMax * *c.Mean
			row.Applies, row.W, row.ValueX, row.Value = true, num(w), num(labelW+w+6), fmt.Sprintf("%.3f", *c.Mean)
		} else {
			row.ValueX = num(labelW + 6)
		}
		ch.Rows = append(ch.Rows, row)
	}
	return ch
}

// worstView is one conversation of the worst list.
type worstView struct {
	Rank, Line               int
	ID, Agent, Channel       string
	Lang, Customer, Status   string
	Public, Passed, Autofail bool
	Score, Verdict           string
	Failed                   []string // the criteria scored 0
	Messages                 []messageView
	Findings                 []findingView
}

type messageView struct {
	Turn                     int
	Role, Author, At, Waited string
	Reply, Flagged           bool
	Segments                 []segment
	Cut                      int // bytes cut from the text
}

// A segment is a run of a message's text, marked with the rules whose
// findings cover it.
type segment struct {
	Text  string
	Rules string // the rule ids, joined: the mark's title
	Mark  bool
}

type findingView struct {
	Rule, Severity, Message, Suggestion, Where string
	Quotes, Why                                []string
}

// ruleSpan is a finding's span with the finding's rule.
type ruleSpan struct {
	rapport.Span
	rule string
}

func newWorstView(rank int, w *worst) worstView {
	c := &w.conv
	v := worstView{Rank: rank, Line: w.line, ID: c.ID, Agent: w.agent, Channel: string(c.Channel), Lang: w.lang,
		Customer: c.Customer.Name, Status: c.Customer.Status.String(), Public: c.Public,
		Score: fmt.Sprintf("%.3f", w.score), Verdict: w.verdict.String(), Passed: w.card.Passed, Autofail: w.card.Autofail}
	for _, cs := range w.card.Criteria {
		if cs.Score != nil && *cs.Score == 0 {
			v.Failed = append(v.Failed, cs.ID)
		}
	}
	spans := make([][]ruleSpan, len(c.Messages))
	flagged := make([]bool, len(c.Messages))
	for _, f := range w.findings {
		fv := findingView{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Suggestion: f.Suggestion,
			Why: f.Why, Where: "conversation"}
		if f.Turn >= 0 && f.Turn < len(c.Messages) {
			fv.Where = fmt.Sprintf("message %d", f.Turn+1)
			flagged[f.Turn] = true
			text := c.Messages[f.Turn].Text
			for _, s := range f.Spans {
				if w.cut[f.Turn] > 0 && s.Start < len(text) && s.End > len(text) {
					s.End = len(text) // the text was cut for the report
				}
				spans[f.Turn] = append(spans[f.Turn], ruleSpan{s, f.Rule})
				if q := s.In(text); q != "" {
					fv.Quotes = append(fv.Quotes, q)
				}
			}
		}
		v.Findings = append(v.Findings, fv)
	}
	for i, m := range c.Messages {
		mv := messageView{Turn: i + 1, Role: m.Role.String(), Author: m.Author, Reply: m.Role.IsReply(),
			Flagged: flagged[i], Segments: mark(m.Text, spans[i]), Cut: w.cut[i]}
		if !m.At.IsZero() {
			mv.At = m.At.Format("2006-01-02 15:04:05 -07:00")
		}
		if m.Role.IsReply() {
			if d := c.Waited(i); d > 0 {
				mv.Waited = d.Round(time.Second).String()
			}
		}
		v.Messages = append(v.Messages, mv)
	}
	return v
}

// mark splits text into segments at the edges of the spans, each marked
// with the rules of the spans that cover it, so that overlapping findings
// need no nested marks. Spans out of the text or off a character boundary
// are left out.
func mark(text string, spans []ruleSpan) []segment {
	boundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	var ok []ruleSpan
	cuts := []int{0, len(text)}
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(text) && boundary(s.Start) && boundary(s.End) {
			ok = append(ok, s)
			cuts = append(cuts, s.Start, s.End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var segs []segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		var rules []string
		for _, s := range ok {
			if s.Start <= a && b <= s.End {
				rules = append(rules, s.rule)
			}
		}
		slices.Sort(rules)
		seg := segment{Text: text[a:b], Rules: strings.Join(slices.Compact(rules), ", "), Mark: len(rules) > 0}
		if n := len(segs); n > 0 && segs[n-1].Rules == seg.Rules {
			segs[n-1].Text += seg.Text
			continue
		}
		segs = append(segs, seg)
	}
	return segs
}
