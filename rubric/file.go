package rubric

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/cond"
	"github.com/rapportkit/rapport/internal/syntax"
)

// Env is what the expressions of a rubric file see: everything the
// conditions of a policy see (reply, previous, customer, conversation,
// facts; see ethics.Env), and fired, which tells whether a rule of the
// rubric's ethics policy fired on the reply under review or on the whole
// conversation: fired("respect/no-hostility"). The scoring builds an Env
// per turn; expressions only read it.
type Env struct {
	ethics.Env
	Fired func(rule string) bool `expr:"fired"`
}

// ErrRubric is matched by errors.Is for every error Parse returns.
var ErrRubric = errors.New("rubric: bad rubric file")

// FileError is the error Parse returns: every problem in the file, each at
// its file:line:col with the line and a caret.
type FileError struct {
	Errs syntax.Errors
}

func (e *FileError) Error() string { return e.Errs.Error() }

// Is makes errors.Is(err, ErrRubric) true.
func (e *FileError) Is(target error) bool { return target == ErrRubric }

// A ParseOption configures Parse.
type ParseOption func(*parseOptions)

type parseOptions struct {
	policy       *ethics.Policy
	maxNodes     uint
	memoryBudget uint
}

// WithPolicy gives the rubric the ethics policy whose findings fired()
// reads, instead of the one the file names (policy built-in or none).
func WithPolicy(p *ethics.Policy) ParseOption { return func(o *parseOptions) { o.policy = p } }

// MaxNodes bounds the size of every expression in the file, in syntax tree
// nodes (default 500), as [ethics.MaxNodes] does for a policy.
func MaxNodes(n uint) ParseOption { return func(o *parseOptions) { o.maxNodes = n } }

// MemoryBudget bounds the memory units an expression of the file may use
// when it runs (default 100,000), as [ethics.MemoryBudget] does for a
// policy: a criterion whose expression exceeds it is not applicable, with
// a note that says so.
func MemoryBudget(n uint) ParseOption { return func(o *parseOptions) { o.memoryBudget = n } }

// fileCriterion is a criterion compiled from a file.
type fileCriterion struct {
	scope ethics.Scope  // the zero value is EveryReply; criteria start at FirstReply
	when  *cond.Program // nil: always applies
	score *cond.Program
	// whenAt and scoreAt say where the expressions are in the file, for
	// run-time errors.
	whenAt, scoreAt cond.At
	refs            cond.Refs // what the score looks at, for evidence
}

// Parse reads a rubric file: criteria whose score (and optional when) are
// expressions over Env, written in the syntax of policy files.
//
//	rubric first-impression "First impression"
//	pass 0.7
//	policy built-in
//
//	criterion respect "Respect" weight 3 critical
//	  scope every-reply
//	  scale binary
//	  score !fired("respect/no-hostility")
//
//	criterion greeting "Greeting" weight 2
//	  scale points
//	    level 0 "none" "No greeting."
//	    level 2 "warm" "A greeting that fits the customer."
//	  when previous.turn == 0
//	  score reply.greeting == "" ? 0 : 2
//
// At the top: rubric <name> "<title>"; pass <0–1> (default 0.7); critical
// zero|flag (a failed critical criterion zeroes the score, the default, or
// only flags the scorecard); policy built-in|none (the ethics policy whose
// findings fired reads; default built-in). A criterion line is criterion
// <id> "<title>" weight <number> [critical], with under it: description
// "<text>"; scope first-reply|every-reply|last-reply|conversation (default
// first-reply; every-reply takes the worst rating); scale binary|percent|
// points, with level <value> "<label>" ["<descriptor>"] lines under points;
// when <condition> (not applicable when false); score <expression> (true or
// false on a binary scale, else a number on the scale); fail-below <0–1>.
func Parse(name string, src []byte, opts ...ParseOption) (*Rubric[rapport.Conversation], error) {
	po := parseOptions{maxNodes: 500, memoryBudget: 100_000}
	for _, o := range opts {
		o(&po)
	}
	f, err := syntax.Parse(name, src, syntax.Options{ExprKeywords: []string{"when", "score"}})
	p := fileParser{f: f, Compiler: cond.Compiler{File: f, Env: Env{}, MaxNodes: po.maxNodes}, policy: ethics.Default()}
	if err != nil {
		p.Errs = append(p.Errs, err.(syntax.Errors)...)
	}
	p.file()
	if po.policy != nil {
		p.policy = po.policy
	}
	p.checkRules()
	if len(p.Errs) > 0 {
		p.Errs.Sort()
		return nil, &FileError{p.Errs}
	}
	r, err := New(p.name, p.criteria, p.opts...)
	if err != nil {
		// The checks above leave New nothing to find; should it find
		// something, the error still says which file and matches ErrRubric.
		return nil, fmt.Errorf("%s: %w: %w", name, ErrRubric, err)
	}
	r.title = p.title
	// Only the rules fired() names are evaluated, and only when it names any.
	var policy *ethics.Policy
	if p.policy != nil && len(p.rules) > 0 {
		if policy, err = p.policy.Subset(p.rules...); err != nil {
			return nil, err // checkRules has seen to it that every rule exists
		}
	}
	compiled := p.compiled
	r.scoreView = func(v *ethics.View) []Rating {
		sc := scorings.Get().(*scoring)
		defer scorings.Put(sc)
		return scoreFile(policy, compiled, v, sc, po.memoryBudget)
	}
	r.scoreAll = func(c rapport.Conversation) []Rating {
		sc := scorings.Get().(*scoring)
		defer scorings.Put(sc)
		sc.view.Reset(c)
		return scoreFile(policy, compiled, &sc.view, sc, po.memoryBudget)
	}
	for i := range r.criteria {
		r.criteria[i].Score = func(c rapport.Conversation) Rating { return r.scoreAll(c)[i] }
	}
	return r, nil
}

// MustParse is like Parse but panics on error, for rubrics written into a
// program and parsed at package initialisation.
func MustParse(name string, src []byte, opts ...ParseOption) *Rubric[rapport.Conversation] {
	r, err := Parse(name, src, opts...)
	if err != nil {
		panic(err)
	}
	return r
}

// ScoreView scores the conversation v reads, sharing v's readings (each
// message read once by the greeting checker, each reply's environment) with
// the policies evaluated on it: a program that evaluates a policy and scores
// a rubric reads the conversation once. For a rubric from a file, such as
// FirstImpression, the criteria see v's facts and checker; for a rubric
// built in Go, it is r.Score(*v.Conversation()).
func ScoreView(r *Rubric[rapport.Conversation], v *ethics.View) Scorecard {
	if r.scoreView != nil {
		return r.card(r.scoreView(v))
	}
	return r.Score(*v.Conversation())
}

type fileParser struct {
	f *syntax.File
	cond.Compiler
	name, title string
	opts        []Option
	policy      *ethics.Policy
	criteria    []Criterion[rapport.Conversation]
	compiled    []fileCriterion
	rulesAt     []syntax.Pos // where fired() names each rule, for checkRules
	rules       []string
}

func (p *fileParser) file() {
	seen := map[string]bool{}
	for _, n := range p.f.Nodes {
		if n.Keyword != "criterion" {
			if seen[n.Keyword] {
				p.Errorf(n.Pos, "%s given twice", n.Keyword)
				continue
			}
			seen[n.Keyword] = true
		}
		switch n.Keyword {
		case "rubric":
			if len(n.Args) < 1 || n.Args[0].Quoted {
				p.Errorf(n.Pos, "want: rubric <name> \"<title>\"")
				continue
			}
			p.name = n.Args[0].Text
			if len(n.Args) > 1 {
				p.title = n.Args[1].Text
			}
		case "pass":
			if v, ok := p.number(n, 0, 1); ok {
				p.opts = append(p.opts, PassMark(v))
			}
		case "critical":
			switch a := p.word(n); a {
			case "zero", "":
			case "flag":
				p.opts = append(p.opts, FlagCritical)
			default:
				p.Errorf(n.Args[0].Pos, "unknown critical mode %q (want zero or flag)", a)
			}
		case "policy":
			switch a := p.word(n); a {
			case "built-in", "":
			case "none":
				p.policy = nil
			default:
				p.Errorf(n.Args[0].Pos, "unknown policy %q (want built-in or none; give others with rubric.WithPolicy)", a)
			}
		case "criterion":
			p.criterion(n)
		default:
			p.Errorf(n.Pos, "unknown directive %q at the top level (want rubric, pass, critical, policy or criterion)", n.Keyword)
		}
	}
	if !seen["rubric"] && (len(p.f.Nodes) > 0 || len(p.Errs) == 0) { // a file refused whole (too large, not UTF-8) has said so
		p.Errorf(syntax.Pos{File: p.f.Name, Line: 1, Col: 1}, "missing rubric line: start the file with: rubric <name> \"<title>\"")
	}
	if seen["rubric"] && len(p.criteria) == 0 {
		p.Errorf(p.f.Nodes[0].Pos, "the rubric has no criterion: add criterion <id> \"<title>\" blocks")
	}
}

func (p *fileParser) word(n *syntax.Node) string {
	if len(n.Args) != 1 || n.Args[0].Quoted {
		p.Errorf(n.Pos, "want: %s <word>", n.Keyword)
		return ""
	}
	return n.Args[0].Text
}

func (p *fileParser) number(n *syntax.Node, lo, hi float64) (float64, bool) {
	w := p.word(n)
	if w == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(w, 64)
	if err != nil || !(v >= lo && v <= hi) {
		p.Errorf(n.Args[0].Pos, "%s %q: want a number from %g to %g", n.Keyword, w, lo, hi)
		return 0, false
	}
	return v, true
}

func (p *fileParser) criterion(n *syntax.Node) {
	if len(n.Args) < 1 || n.Args[0].Quoted {
		p.Errorf(n.Pos, "want: criterion <id> \"<title>\" weight <number> [critical]")
		return
	}
	c := Criterion[rapport.Conversation]{ID: n.Args[0].Text, Weight: 1}
	if slices.ContainsFunc(p.criteria, func(o Criterion[rapport.Conversation]) bool { return o.ID == c.ID }) {
		p.Errorf(n.Args[0].Pos, "criterion %q given twice", c.ID)
	}
	fc := fileCriterion{scope: ethics.FirstReply}
	args := n.Args[1:]
	if len(args) > 0 && args[0].Quoted {
		c.Title = args[0].Text
		args = args[1:]
	}
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a.Text == "critical" && !a.Quoted:
			c.Critical = true
		case a.Text == "weight" && !a.Quoted && i+1 < len(args):
			w, err := strconv.ParseFloat(args[i+1].Text, 64)
			if err != nil || !(w > 0) || math.IsInf(w, 0) {
				p.Errorf(args[i+1].Pos, "weight %q: want a positive number", args[i+1].Text)
			}
			c.Weight = w
			i++
		default:
			p.Errorf(a.Pos, "unexpected %q in a criterion line (want weight <number> or critical)", a.Text)
		}
	}
	var scoreNode *syntax.Node
	hasScale := false // a scale line, valid or not: a bad one has its own error
	given := map[string]bool{}
	for _, ch := range n.Children {
		if given[ch.Keyword] {
			p.Errorf(ch.Pos, "%s given twice in criterion %q", ch.Keyword, c.ID)
			continue
		}
		given[ch.Keyword] = true
		switch ch.Keyword {
		case "description":
			if len(ch.Args) == 1 && ch.Args[0].Quoted {
				c.Description = ch.Args[0].Text
			} else {
				p.Errorf(ch.Pos, "want: description \"<text>\"")
			}
		case "scope":
			if w := p.word(ch); w != "" {
				var err error
				if fc.scope, err = ethics.ParseScope(w); err != nil {
					p.Errorf(ch.Args[0].Pos, "%v", err)
				}
			}
		case "scale":
			c.Scale, hasScale = p.scale(ch), true
		case "when":
			fc.when, _ = p.Compile(ch.Expr, ch.ExprPos, expr.AsBool())
			fc.whenAt = ch.ExprPos
		case "score":
			scoreNode = ch
		case "fail-below":
			c.FailBelow, _ = p.number(ch, 0, 1)
		default:
			p.Errorf(ch.Pos, "unknown directive %q in a criterion (want description, scope, scale, when, score or fail-below)", ch.Keyword)
		}
	}
	if !hasScale {
		p.Errorf(n.Pos, "criterion %q has no scale line", c.ID)
	}
	if scoreNode == nil {
		p.Errorf(n.Pos, "criterion %q has no score line", c.ID)
	} else {
		kind := expr.AsFloat64()
		switch {
		case c.Scale.kind == binaryScale:
			kind = expr.AsBool()
		case !c.Scale.Valid():
			kind = expr.AsAny() // still report unknown names
		}
		fc.score, _ = p.Compile(scoreNode.Expr, scoreNode.ExprPos, kind)
		fc.scoreAt = scoreNode.ExprPos
		_, fc.refs = p.Explain(scoreNode.Expr)
		for i, rule := range fc.refs.Rules {
			p.rules = append(p.rules, rule)
			p.rulesAt = append(p.rulesAt, scoreNode.ExprPos(fc.refs.RulesAt[i][0], fc.refs.RulesAt[i][1]))
		}
	}
	p.criteria = append(p.criteria, c)
	p.compiled = append(p.compiled, fc)
}

func (p *fileParser) scale(n *syntax.Node) Scale {
	kind := p.word(n)
	if kind != "points" {
		for _, l := range n.Children {
			p.Errorf(l.Pos, "%s under scale %s: only a points scale has levels", l.Keyword, kind)
		}
	}
	switch kind {
	case "binary":
		return Binary()
	case "percent":
		return Percent()
	case "points":
		var levels []Level
		bad := false // a level with an error of its own
		for _, l := range n.Children {
			if l.Keyword != "level" || len(l.Args) < 2 || len(l.Args) > 3 || l.Args[0].Quoted || !l.Args[1].Quoted {
				p.Errorf(l.Pos, "want: level <value> \"<label>\" [\"<descriptor>\"]")
				bad = true
				continue
			}
			v, err := strconv.ParseFloat(l.Args[0].Text, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				p.Errorf(l.Args[0].Pos, "level %q: want a finite number", l.Args[0].Text)
				bad = true
				continue
			}
			lv := Level{Value: v, Label: l.Args[1].Text}
			if len(l.Args) == 3 {
				lv.Descriptor = l.Args[2].Text
			}
			levels = append(levels, lv)
		}
		s, err := Points(levels...)
		if err != nil && !bad {
			p.Errorf(n.Pos, "%v", err)
		}
		return s
	case "":
	default:
		p.Errorf(n.Args[0].Pos, "unknown scale %q (want binary, percent or points)", n.Args[0].Text)
	}
	return Scale{}
}

// checkRules reports fired() calls that name a rule the policy lacks.
func (p *fileParser) checkRules() {
	if len(p.rules) == 0 {
		return
	}
	if p.policy == nil {
		p.Errorf(p.rulesAt[0], "fired(%q) needs an ethics policy, but the rubric says policy none", p.rules[0])
		return
	}
	known := p.policy.Rules()
	for i, r := range p.rules {
		if !slices.Contains(known, r) {
			p.Errorf(p.rulesAt[i], "fired(%q): policy %q has no such rule", r, p.policy.Name())
		}
	}
}

// A scoring holds the memory of scoring one conversation, kept in a pool
// for the next: a view to read it into, and the environment of each turn.
type scoring struct {
	view   ethics.View
	envs   []Env        // by turn + 1, built on first use
	inputs []cond.Input // each env as expressions read it
	boxes  []any        // each env boxed for expr's VM, by its input
}

var scorings = sync.Pool{New: func() any { return new(scoring) }}

// turns returns sc's environments, inputs and boxes for n turns, all zero.
func (sc *scoring) turns(n int) ([]Env, []cond.Input, []any) {
	if cap(sc.envs) < n {
		sc.envs, sc.inputs, sc.boxes = make([]Env, n), make([]cond.Input, n), make([]any, n)
	} else {
		sc.envs, sc.inputs, sc.boxes = sc.envs[:n], sc.inputs[:n], sc.boxes[:n]
		clear(sc.envs)
		clear(sc.inputs)
		clear(sc.boxes)
	}
	return sc.envs, sc.inputs, sc.boxes
}

// scoreFile rates a conversation on every criterion of a file rubric,
// reading the conversation and evaluating the policy once.
func scoreFile(policy *ethics.Policy, crit []fileCriterion, view *ethics.View, sc *scoring, budget uint) []Rating {
	c := view.Conversation()
	var decision ethics.Decision
	if policy != nil {
		decision, _ = policy.EvaluateView(context.Background(), view)
	}
	machine := vm.VM{MemoryBudget: budget}
	envs, inputs, boxes := sc.turns(len(c.Messages) + 1)
	env := func(turn int) cond.Input {
		if !inputs[turn+1].Valid() {
			envs[turn+1] = Env{Env: *view.Env(turn), Fired: func(rule string) bool {
				return decision.FiredAt(rule, turn)
			}}
			inputs[turn+1] = cond.NewInput(&envs[turn+1], &boxes[turn+1])
		}
		return inputs[turn+1]
	}
	out := make([]Rating, len(crit))
	for i, fc := range crit {
		turns := view.Turns(fc.scope)
		out[i] = NA()
		var failures []Evidence // scores that failed to run: kept whatever the other turns give
		for _, t := range turns {
			r := rateTurn(&machine, view, env(t), &decision, fc, t)
			if r.NA {
				failures = append(failures, r.Evidence...)
				continue
			}
			if out[i].NA || r.Value < out[i].Value {
				out[i] = r // the worst reply decides
			}
		}
		if len(failures) > 0 {
			out[i].Evidence = append(slices.Clip(out[i].Evidence), failures...)
		}
	}
	return out
}

// failed is the rating of a criterion whose expression failed at run time:
// not applicable, with a note that says where and what.
func failed(err error, at cond.At, what string, turn int) Rating {
	note := cond.Failed(cond.Locate(err, at), what+" failed").Error()
	return Rating{NA: true, Evidence: []Evidence{{Turn: turn, Note: note}}}
}

// rateTurn rates one reply (or the conversation, at -1) on one criterion.
func rateTurn(machine *vm.VM, view *ethics.View, env cond.Input, d *ethics.Decision, fc fileCriterion, turn int) Rating {
	// A rule that fired() names and that could not run neither fired nor
	// did not: the criterion cannot be rated, and says why.
	for _, rule := range fc.refs.Rules {
		if f, ok := d.FailedAt(rule, turn); ok {
			return Rating{NA: true, Evidence: []Evidence{{Turn: f.Turn, Rule: f.Rule, Note: f.Message}}}
		}
	}
	if fc.when != nil {
		out, err := fc.when.Run(machine, env)
		if err != nil {
			return failed(err, fc.whenAt, "when", turn)
		}
		if ok, _ := out.(bool); !ok {
			return NA()
		}
	}
	out, err := fc.score.Run(machine, env)
	if err != nil {
		return failed(err, fc.scoreAt, "score", turn)
	}
	var r Rating
	switch v := out.(type) {
	case bool:
		if v {
			r.Value = 1
		}
	case float64:
		r.Value = v
	default:
		return Rating{NA: true, Evidence: []Evidence{{Turn: turn, Note: fmt.Sprintf("score gave %T", out)}}}
	}
	r.Evidence = evidence(view, d, fc.refs, turn)
	return r
}

// evidence quotes what a score looked at: the findings of the rules it
// names, and the markers of the strategies it asks about.
func evidence(view *ethics.View, d *ethics.Decision, refs cond.Refs, turn int) []Evidence {
	ev := []Evidence{}
	for _, f := range d.Findings {
		if ethics.About(f, turn) && slices.Contains(refs.Rules, f.Rule) {
			e := Evidence{Turn: f.Turn, Rule: f.Rule, Note: f.Message}
			if len(f.Spans) == 0 {
				ev = append(ev, e)
			}
			for _, sp := range f.Spans { // spans lie in the text of the finding's turn
				e.Start, e.End, e.Quote = sp.Start, sp.End, sp.In(view.Conversation().Messages[f.Turn].Text)
				ev = append(ev, e)
				e.Note = "" // said once, with the first quote
			}
		}
	}
	if rep := view.Report(turn); rep != nil {
		for _, m := range rep.Markers {
			if refs.Looks(m.Strategy) {
				ev = append(ev, Evidence{Turn: turn, Start: m.Start, End: m.End, Quote: m.Text, Note: m.Strategy.String()})
			}
		}
	}
	return ev
}
