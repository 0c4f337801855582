package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/rubric"
)

// A scorer judges a conversation with a policy and scores it with a rubric.
// It is safe for concurrent use: policies and rubrics are immutable.
type scorer struct {
	policy *ethics.Policy
	rubric *rubric.Rubric[rapport.Conversation]
}

// load builds the scorer of the command line's -policy and -rubric files,
// the built-ins when they are empty. The rubric's fired() reads the policy in
// use; see the package documentation.
func load(policyFile, rubricFile string) (*scorer, error) {
	s := &scorer{policy: ethics.Default(), rubric: rubric.FirstImpression()}
	if policyFile != "" {
		src, err := os.ReadFile(policyFile)
		if err != nil {
			return nil, fmt.Errorf("review: -policy: %w", err)
		}
		if s.policy, err = ethics.Parse(policyFile, src); err != nil {
			return nil, fmt.Errorf("review: -policy: %w", err)
		}
	}
	switch {
	case rubricFile != "":
		src, err := os.ReadFile(rubricFile)
		if err != nil {
			return nil, fmt.Errorf("review: -rubric: %w", err)
		}
		if s.rubric, err = rubric.Parse(rubricFile, src, rubric.WithPolicy(s.policy)); err != nil {
			return nil, fmt.Errorf("review: -rubric: %w", err)
		}
	case policyFile != "":
		var err error
		s.rubric, err = rubric.Parse("first-impression.rubric", rubric.FirstImpressionSource(), rubric.WithPolicy(s.policy))
		if err != nil {
			return nil, fmt.Errorf("review: the built-in rubric does not fit policy %q from %s; "+
				"give a rubric written for it with -rubric:\n%w", s.policy.Name(), policyFile, err)
		}
	}
	return s, nil
}

// A result is what became of one input line: skipped as bad, or judged and
// scored.
type result struct {
	line int   // 1-based line number in the input
	bad  error // the line was skipped, and why
	// fatal is set on the last result when reading the input failed.
	fatal error

	conv     rapport.Conversation
	agent    string   // the author the conversation is credited to
	agents   []string // every author who replied, in order of first reply
	lang     string   // the language of the customer's first message, as read
	card     rubric.Scorecard
	decision ethics.Decision
	evalErr  error // a rule of the policy failed at run time
	unscored bool  // no criterion of the rubric applied
}

// score decodes, validates, judges and scores one input line, reading the
// conversation into view (reset for it): a worker reuses one view's memory
// for every line it scores.
func (s *scorer) score(ln line, view *ethics.View) *result {
	r := &result{line: ln.n}
	switch {
	case ln.tooLong > 0:
		r.bad = fmt.Errorf("line is %d bytes, longer than the %d accepted (-max-line)", ln.tooLong, ln.max)
		return r
	case !bytes.HasPrefix(bytes.TrimLeft(ln.text, " \t"), []byte("{")):
		r.bad = errors.New("invalid conversation: want a JSON object")
		return r
	}
	if err := json.Unmarshal(ln.text, &r.conv); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			r.bad = fmt.Errorf("invalid JSON: %v", err)
		} else {
			r.bad = fmt.Errorf("invalid conversation: %v", err)
		}
		return r
	}
	if err := r.conv.Validate(); err != nil {
		r.bad = fmt.Errorf("invalid conversation: %v", err)
		return r
	}
	if len(r.conv.Messages) == 0 {
		r.bad = fmt.Errorf("invalid conversation: conversation %q has no messages", r.conv.ID)
		return r
	}
	view.Reset(r.conv)
	r.decision, r.evalErr = s.policy.EvaluateView(context.Background(), view)
	r.card = rubric.ScoreView(s.rubric, view) // the same reading of the conversation
	r.unscored = !r.card.Scored()
	r.agent, r.agents = credit(&r.conv)
	first := 0
	for i, m := range r.conv.Messages {
		if m.Role == rapport.RoleCustomer {
			first = i
			break
		}
	}
	r.lang = view.Report(first).Lang.String()
	return r
}

// The agents of replies without an author and of conversations without a
// reply.
const (
	unnamed = "(unnamed)"
	noReply = "(no reply)"
)

// credit returns the author a conversation is credited to, the one who wrote
// most of its replies, and on a tie the one who replied last (who took over
// from a bot or a colleague and saw the case through); and every author who
// replied, in order of first reply, when there is more than one. A
// conversation without replies is credited to noReply.
func credit(c *rapport.Conversation) (agent string, all []string) {
	var counts, last []int
	for t, m := range c.Replies() {
		a := m.Author
		if a == "" {
			a = unnamed
		}
		i := slices.Index(all, a)
		if i < 0 {
			i = len(all)
			all = append(all, a)
			counts = append(counts, 0)
			last = append(last, 0)
		}
		counts[i]++
		last[i] = t
	}
	best := -1
	for i := range all {
		if best < 0 || counts[i] > counts[best] || counts[i] == counts[best] && last[i] > last[best] {
			best = i
		}
	}
	switch {
	case best < 0:
		return noReply, nil
	case len(all) == 1:
		return all[0], nil
	}
	return all[best], all
}
