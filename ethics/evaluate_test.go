package ethics_test

import (
	"context"
	"encoding/json"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/testconv"
	"golang.org/x/text/language"
)

func espresso(t testing.TB) rapport.Conversation { return testconv.Load(t, "espresso") }

func TestEspressoDecision(t *testing.T) {
	d, err := ethics.Default().Evaluate(espresso(t))
	if err != nil {
		t.Fatal(err)
	}
	if d.Verdict != ethics.Block || d.Policy != "first-impression" {
		t.Fatalf("verdict %v, policy %q", d.Verdict, d.Policy)
	}
	f := d.Findings[0]
	want := rapport.Finding{
		Rule: "respect/no-hostility", Principle: "respect", Severity: rapport.Critical, Turn: 2,
		Message:    `Hostile reply: "I'm working", "you have to wait", "like all others"`,
		Spans:      []rapport.Span{{Start: 0, End: 11}, {Start: 13, End: 29}, {Start: 30, End: 45}},
		Why:        []string{"reply.hostile = true"},
		Suggestion: "Acknowledge the customer's situation, say what you will do, and thank them for their patience.",
	}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("first finding (-want +got):\n%s", d)
	}
	// The contract's JSON shape.
	b, _ := json.Marshal(d)
	var got map[string]any
	json.Unmarshal(b, &got)
	if got["verdict"] != "block" || got["policy"] != "first-impression" {
		t.Errorf("decision JSON = %s", b)
	}
	first := got["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "principle", "severity", "message", "turn", "spans", "why", "suggestion"} {
		if _, ok := first[k]; !ok {
			t.Errorf("finding JSON lacks %q: %v", k, first)
		}
	}
}

const small = `policy shop "Shop"
principle care "Care"
  rule waited major warn
    when customer.waited > duration("3m") && !reply.has("apology")
    message "Waited {{ customer.waited }} at {{ customer.local_hour }}h; politeness {{ reply.politeness }}"
    suggest "Apologise for the wait."
    suggest it "Si scusi per l'attesa."
    suggest de-CH "Entschuldigen Sie die Wartezeit."
  rule vip critical block
    applies-to current
    when facts.vip == true && reply.politeness < 0.5
    message "A VIP deserves a warmer reply."
  rule whole minor audit
    scope conversation
    when conversation.replies >= 2 && conversation.hostile_replies == 0
    message "{{ conversation.replies }} replies, none hostile"
  rule broken minor warn
    when facts.items[5] > 0
`

func msg(role rapport.Role, clock, text string) rapport.Message {
	at, _ := time.Parse(time.RFC3339, "2026-03-02T"+clock+"+01:00")
	return rapport.Message{Role: role, Text: text, At: at}
}

func TestEvaluate(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(small))
	cu, ag := rapport.RoleCustomer, rapport.RoleAgent
	tests := []struct {
		name    string
		c       rapport.Conversation
		facts   map[string]any
		want    []string // rule@turn
		verdict ethics.Verdict
		wantErr string
		reason  string
	}{
		{"wait without apology",
			rapport.Conversation{Messages: []rapport.Message{msg(cu, "10:00:00", "Where is my order?"), msg(ag, "10:05:00", "It ships today.")}},
			map[string]any{"items": []int{0, 0, 0, 0, 0, 0}}, []string{"care/waited@1"}, ethics.Warn, "", "a five-minute wait needs an apology"},
		{"apology given",
			rapport.Conversation{Messages: []rapport.Message{msg(cu, "10:00:00", "Where is my order?"), msg(ag, "10:05:00", "Sorry for the wait! It ships today.")}},
			map[string]any{"items": []int{0, 0, 0, 0, 0, 0}}, nil, ethics.Pass, "", "the apology is there"},
		{"vip only for current customers",
			rapport.Conversation{Customer: rapport.Customer{Status: rapport.Former}, Messages: []rapport.Message{msg(cu, "10:00:00", "Hi"), msg(ag, "10:00:30", "Order shipped.")}},
			map[string]any{"vip": true, "items": []int{0, 0, 0, 0, 0, 0}}, nil, ethics.Pass, "", "applies-to limits the rule to current customers"},
		{"vip current",
			rapport.Conversation{Customer: rapport.Customer{Status: rapport.Current}, Messages: []rapport.Message{msg(cu, "10:00:00", "Hi"), msg(ag, "10:00:30", "Order shipped.")}},
			map[string]any{"vip": true, "items": []int{0, 0, 0, 0, 0, 0}}, []string{"care/vip@1"}, ethics.Block, "", "facts reach the rules"},
		{"conversation scope",
			rapport.Conversation{Messages: []rapport.Message{msg(cu, "10:00:00", "Hi"), msg(ag, "10:00:10", "Hello!"), msg(cu, "10:00:20", "Thanks"), msg(ag, "10:00:30", "You're welcome.")}},
			map[string]any{"items": []int{0, 0, 0, 0, 0, 0}}, []string{"care/whole@-1"}, ethics.Pass, "", "conversation rules run once, with turn -1; audit does not change the verdict"},
		{"run-time error",
			rapport.Conversation{Messages: []rapport.Message{msg(cu, "10:00:00", "Where is my order?"), msg(ag, "10:05:00", "It ships today.")}},
			nil, []string{"care/waited@1", "care/broken@1 failed"}, ethics.Warn, "ethics: shop.policy:18:21: rule care/broken at turn 1: ",
			"a failing rule is a failure and an error, not a finding, and the others still run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := p.Evaluate(tt.c, ethics.WithFacts(tt.facts))
			var got []string
			for _, f := range d.Findings {
				got = append(got, f.Rule+"@"+itoa(f.Turn))
			}
			for _, f := range d.Failures {
				got = append(got, f.Rule+"@"+itoa(f.Turn)+" failed")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n(%s)", diff, tt.reason)
			}
			if d.Verdict != tt.verdict {
				t.Errorf("verdict %v, want %v (%s)", d.Verdict, tt.verdict, tt.reason)
			}
			if (err == nil) != (tt.wantErr == "") || err != nil && !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want prefix %q (%s)", err, tt.wantErr, tt.reason)
			}
		})
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestMessageWhyAndSuggestion(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(small))
	facts := ethics.WithFacts(map[string]any{"items": []int{0, 0, 0, 0, 0, 0}})
	tests := []struct {
		lang, suggestion, reason string
	}{
		{"en", "Apologise for the wait.", "the default suggestion"},
		{"it-IT", "Si scusi per l'attesa.", "a regional tag finds the Italian suggestion"},
		{"de", "Entschuldigen Sie die Wartezeit.", "a regional suggestion serves its language"},
		{"fr", "Apologise for the wait.", "no French suggestion: the default"},
	}
	for _, tt := range tests {
		c := rapport.Conversation{Messages: []rapport.Message{msg(rapport.RoleCustomer, "21:00:00", "Hello?"),
			{Role: rapport.RoleAgent, Text: "It ships today.", Lang: language.MustParse(tt.lang), At: msg(0, "21:04:30", "").At}}}
		d, _ := p.Evaluate(c, facts)
		if len(d.Findings) != 1 {
			t.Fatalf("%s: findings %+v", tt.lang, d.Findings)
		}
		f := d.Findings[0]
		if f.Suggestion != tt.suggestion {
			t.Errorf("%s: suggestion %q, want %q (%s)", tt.lang, f.Suggestion, tt.suggestion, tt.reason)
		}
		if want := "Waited 4m30s at 21h; politeness 0.00"; f.Message != want {
			t.Errorf("message %q, want %q", f.Message, want)
		}
		if want := []string{"customer.waited = 4m30s", `reply.has("apology") = false`}; !cmp.Equal(f.Why, want) {
			t.Errorf("why = %q, want %q", f.Why, want)
		}
	}
}

func TestContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d, err := ethics.Default().EvaluateContext(ctx, espresso(t))
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("err = %v, want the context's", err)
	}
	if len(d.Findings) != 0 || d.Policy != "first-impression" {
		t.Errorf("decision after cancel = %+v", d)
	}
}

func TestRunawayExpression(t *testing.T) {
	p, err := ethics.Parse("loop.policy", []byte(`policy loop
principle p
  rule r
    when all(1..100000, {all(1..100000, {# > 0})})
`), ethics.MemoryBudget(1000))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	d, err := p.Evaluate(espresso(t))
	if err == nil || !strings.Contains(err.Error(), "memory budget exceeded") {
		t.Errorf("err = %v, want the memory budget", err)
	}
	if len(d.Findings) != 0 || len(d.Failures) != 1 || d.Verdict != ethics.Warn {
		t.Errorf("a failed rule should leave one failure and a warning: %+v", d)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the runaway rule ran for %v", time.Since(start))
	}
}

// TestLoopsInLoops runs predicates over a long reply's words. expr counts
// what loops allocate, not how often they turn: loops in loops over 12,000
// words ran for minutes without allocating. Each turn now costs four units
// of the memory budget, and a single pass over the words still runs.
func TestLoopsInLoops(t *testing.T) {
	p, err := ethics.Parse("words.policy", []byte(`policy words
principle p
  rule short-words
    when all(split(reply.text, " "), {len(#) < 40})
  rule nested
    when all(split(reply.text, " "), {all(split(reply.text, " "), {all(split(reply.text, " "), {true})})})
`))
	if err != nil {
		t.Fatal(err)
	}
	c := rapport.Conversation{Messages: []rapport.Message{{Role: rapport.RoleAgent, Text: strings.Repeat("Thanks, sorry, patience! ", 4000)}}}
	d, err := p.Evaluate(c)
	if err == nil || !strings.Contains(err.Error(), "words.policy:6:10: rule p/nested at turn 0: memory budget exceeded") {
		t.Errorf("err = %v, want the memory budget of the nested loops", err)
	}
	var rules []string
	for _, f := range append(d.Findings, d.Failures...) {
		rules = append(rules, f.Rule)
	}
	if want := []string{"p/short-words", "p/nested"}; !slices.Equal(rules, want) {
		t.Errorf("findings %v, want %v: the single loop runs, the nested one fails", rules, want)
	}
}

func TestEmptyAndOddConversations(t *testing.T) {
	for _, c := range []rapport.Conversation{
		{},
		{Messages: []rapport.Message{{Role: rapport.RoleAgent, Text: "Hello!"}}},
		{Messages: []rapport.Message{{Text: "no role"}, {Role: rapport.RoleBot, Text: "\xff\xfe"}}},
		{Messages: []rapport.Message{{Role: rapport.RoleCustomer, Text: strings.Repeat("wait ", 1<<15)}, {Role: rapport.RoleAgent, Text: "ok"}}},
	} {
		if _, err := ethics.Default().Evaluate(c); err != nil {
			t.Errorf("Evaluate(%d messages): %v", len(c.Messages), err)
		}
	}
	var zero ethics.Policy
	if d, err := zero.Evaluate(espresso(t)); err != nil || d.Verdict != ethics.Pass {
		t.Errorf("zero policy: %+v, %v", d, err)
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	p := ethics.Default()
	c := espresso(t)
	want, _ := p.Evaluate(c)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				got, _ := p.Evaluate(c)
				if !cmp.Equal(want, got) {
					t.Error("concurrent evaluations differ")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSubset(t *testing.T) {
	full := ethics.Default()
	sub, err := full.Subset("respect/public-restraint", "respect/no-hostility")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sub.Rules(), []string{"respect/no-hostility", "respect/public-restraint"}; !cmp.Equal(got, want) {
		t.Errorf("Subset rules = %q, want %q: the policy's order, not the caller's", got, want)
	}
	if len(sub.Tests()) != 0 || sub.Name() != full.Name() {
		t.Errorf("Subset has %d tests and name %q; want none (they presume every rule) and %q", len(sub.Tests()), sub.Name(), full.Name())
	}
	whole, _ := full.Evaluate(espresso(t))
	part, _ := sub.Evaluate(espresso(t))
	var want []rapport.Finding
	for _, f := range whole.Findings {
		if slices.Contains(sub.Rules(), f.Rule) {
			want = append(want, f)
		}
	}
	if d := cmp.Diff(want, part.Findings); d != "" || part.Verdict != ethics.Block {
		t.Errorf("the subset's findings differ from the full policy's for its rules (-want +got), verdict %v:\n%s", part.Verdict, d)
	}
	if len(full.Rules()) != 17 {
		t.Errorf("Subset changed the policy: %d rules", len(full.Rules()))
	}
	if _, err := full.Subset("respect/no-hostility", "respect/no-such"); err == nil || !strings.Contains(err.Error(), `"respect/no-such"`) {
		t.Errorf("Subset of an unknown rule: err = %v, want one naming it", err)
	}
}

func TestPolicyVerdict(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(small))
	tests := []struct {
		name, rule string
		want       ethics.Verdict
		ok         bool
		reason     string
	}{
		{"warn", "care/waited", ethics.Warn, true, "the rule says warn"},
		{"block", "care/vip", ethics.Block, true, "the rule says block"},
		{"audit", "care/whole", ethics.Pass, true, "an audit rule records a finding without changing the verdict"},
		{"unknown", "care/none", ethics.Pass, false, "no such rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := p.Verdict(tt.rule); got != tt.want || ok != tt.ok {
				t.Errorf("Verdict(%q) = %v, %v; want %v, %v: %s", tt.rule, got, ok, tt.want, tt.ok, tt.reason)
			}
		})
	}
}

// TestViewReset checks that a reset view reads its new conversation as a
// new view would, whatever it read before, and that decisions do not share
// memory with the view they came from.
func TestViewReset(t *testing.T) {
	p, err := ethics.Parse("small.policy", []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	vip := ethics.WithFacts(map[string]any{"vip": true, "items": []int{0}})
	convs := []struct {
		name string
		c    rapport.Conversation
		opts []ethics.EvalOption
	}{
		{"espresso", espresso(t), nil},
		{"ten turns, facts", testconv.Load(t, "ten-turns"), []ethics.EvalOption{vip}},
		{"empty", rapport.Conversation{}, nil},
		{"one reply", rapport.Conversation{Messages: []rapport.Message{msg(rapport.RoleAgent, "09:00:00", "Hi!")}}, nil},
		{"espresso again, no facts", espresso(t), nil},
	}
	snapshot := func(d ethics.Decision) string {
		b, _ := json.Marshal(d)
		return string(b)
	}
	var (
		view  *ethics.View
		kept  []ethics.Decision
		snaps []string
	)
	for _, pol := range []*ethics.Policy{p, ethics.Default()} {
		for _, tc := range convs {
			want, wantErr := pol.EvaluateView(context.Background(), ethics.NewView(tc.c, tc.opts...))
			if view == nil {
				view = ethics.NewView(tc.c, tc.opts...)
			} else {
				view.Reset(tc.c, tc.opts...)
			}
			got, err := pol.EvaluateView(context.Background(), view)
			if (err == nil) != (wantErr == nil) {
				t.Errorf("%s: error %v, a new view gives %v", tc.name, err, wantErr)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s: reset view differs from a new one (-new +reset):\n%s", tc.name, d)
			}
			kept, snaps = append(kept, got), append(snaps, snapshot(got))
			// Evaluate reuses pooled views: its decisions must stay intact too.
			d, _ := pol.Evaluate(tc.c, tc.opts...)
			kept, snaps = append(kept, d), append(snaps, snapshot(d))
		}
	}
	for i, d := range kept {
		if got := snapshot(d); got != snaps[i] {
			t.Errorf("decision %d changed after its view was reused:\nwas %s\nnow %s", i, snaps[i], got)
		}
	}
}

// TestZeroView checks that the zero View is a view of the empty
// conversation.
func TestZeroView(t *testing.T) {
	var v ethics.View
	d, err := ethics.Default().EvaluateView(context.Background(), &v)
	if err != nil || d.Verdict != ethics.Pass || len(d.Findings) != 0 {
		t.Errorf("EvaluateView(zero view) = %+v, %v; want a pass with no findings", d, err)
	}
	var w ethics.View
	if n := len(w.Conversation().Messages); n != 0 || w.Report(0) != nil || w.Env(-1).Reply.Turn != -1 {
		t.Errorf("zero view: %d messages, report %v, reply turn %d", n, w.Report(0), w.Env(-1).Reply.Turn)
	}
}

// TestFiredRuleWithFailingMessage checks that a blocking rule that fired
// still blocks when its message cannot be rendered: a guard must not send
// the hostile draft because a template failed.
func TestFiredRuleWithFailingMessage(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(`policy shop
principle respect
  rule no-hostility critical block
    when reply.hostile
    message "Hostile, order {{ facts.order > 3 }}"
`))
	d, err := p.Evaluate(espresso(t))
	if err == nil || !strings.Contains(err.Error(), "message of rule respect/no-hostility") {
		t.Errorf("err = %v, want the message's failure", err)
	}
	if d.Verdict != ethics.Block || !d.Has("respect/no-hostility") || len(d.Failures) != 0 {
		t.Fatalf("decision %+v: want the rule fired and blocking", d)
	}
	if msg := d.Findings[0].Message; !strings.HasPrefix(msg, "rule respect/no-hostility fired, and its message failed: ") {
		t.Errorf("message %q, want it to say the rule fired and what failed", msg)
	}
}

// TestFailuresAreNotFindings checks that a rule whose condition fails at run
// time is a failure, not a finding: Has, Rules and FiredAt leave it out,
// and the JSON form lists it under "failures".
func TestFailuresAreNotFindings(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(`policy shop
principle respect
  rule strikes critical block
    when facts.strikes > 2 && reply.hostile
  rule hostile major warn
    when reply.hostile
`))
	d, err := p.Evaluate(espresso(t))
	if err == nil {
		t.Fatal("want the failure of respect/strikes as an error")
	}
	if d.Has("respect/strikes") || d.FiredAt("respect/strikes", 2) || slices.Contains(d.Rules(), "respect/strikes") {
		t.Errorf("rules %v: a rule that could not run did not fire", d.Rules())
	}
	if !d.FiredAt("respect/hostile", 2) || !d.FiredAt("respect/hostile", -1) || d.FiredAt("respect/hostile", 0) {
		t.Errorf("FiredAt: want respect/hostile at turn 2 and over the conversation, not at turn 0")
	}
	if d.Verdict != ethics.Warn {
		t.Errorf("verdict %v, want warn", d.Verdict)
	}
	b, _ := json.Marshal(d)
	if !strings.Contains(string(b), `"failures":[{"rule":"respect/strikes"`) {
		t.Errorf("JSON %s: want the failure under failures", b)
	}
	d, _ = ethics.MustParse("p", []byte("policy p\nprinciple a\n  rule b\n    when false\n")).Evaluate(espresso(t))
	if b, _ := json.Marshal(d); strings.Contains(string(b), "failures") {
		t.Errorf("JSON %s: failures are left out when there are none", b)
	}
}

// TestRunawayStrings checks that strings an expression builds count against
// the memory budget, and that a step that would build more than
// cond.MaxValue bytes fails before it allocates: "+" and replace, repeat,
// join and toJSON cost nothing to expr's own count, and these conditions
// allocated gigabytes. Ordinary uses of the same operations still run.
func TestRunawayStrings(t *testing.T) {
	long := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Where is my order?"},
		{Role: rapport.RoleAgent, Text: strings.Repeat("Thank you for waiting, it ships today. ", 1500)},
	}}
	tests := []struct {
		name, when, wantErr, reason string
	}{
		{"doubling", `len(reduce(1..40, #acc + #acc, "xxxxxxxxxx")) > 0`, "memory budget exceeded", "each step doubles the string"},
		{"squaring", `len(replace(reply.text, " ", reply.text)) > 0`, "replace would build a string longer than", "the text put back into each of its spaces"},
		{"repeat", `len(repeat(reply.text, 100000)) > 0`, "repeat would build a string longer than", "a hundred thousand copies of the reply"},
		{"join", `len(join(map(1..50, reply.text), "")) > 0`, "join would build a string longer than", "fifty copies joined"},
		{"escaping", `len(reduce(1..40, toJSON(#acc), "\"")) > 0`, "memory budget exceeded", "each step escapes the last"},
		{"concatenation", `"a" + "b" == "ab" && len(reply.text + "!") > 0`, "", "strings joined, within the budget"},
		{"case", `upper(reply.text) contains "THANK"`, "", "one pass over the reply"},
		{"numbers", `reduce(1..10, #acc + #, 0) == 55 && 1 + 2 == 3`, "", "+ on numbers is untouched"},
		{"durations", `customer.waited + duration("3m") > duration("2m")`, "", "+ on durations is untouched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ethics.Parse("tenant.policy", []byte("policy p\nprinciple a\n  rule r\n    when "+tt.when+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d, err := p.Evaluate(long)
			runtime.ReadMemStats(&after)
			switch {
			case tt.wantErr == "" && (err != nil || !d.Has("a/r")):
				t.Errorf("err = %v, fired %v; want the rule to run and fire (%s)", err, d.Has("a/r"), tt.reason)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err = %v, want %q (%s)", err, tt.wantErr, tt.reason)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("the evaluation allocated %d MB (%s)", grew>>20, tt.reason)
			}
		})
	}
}

// TestScopes checks the scopes' names and the turns a view gives each.
func TestScopes(t *testing.T) {
	v := ethics.NewView(rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Hi"}, {Role: rapport.RoleAgent, Text: "Hello"},
		{Role: rapport.RoleCustomer, Text: "Thanks"}, {Role: rapport.RoleBot, Text: "Bye"},
	}})
	for _, tt := range []struct {
		name string
		want []int
	}{{"every-reply", []int{1, 3}}, {"first-reply", []int{1}}, {"last-reply", []int{3}}, {"conversation", []int{-1}}} {
		s, err := ethics.ParseScope(tt.name)
		if err != nil || s.String() != tt.name {
			t.Errorf("ParseScope(%q) = %v, %v", tt.name, s, err)
		}
		if got := v.Turns(s); !slices.Equal(got, tt.want) {
			t.Errorf("Turns(%v) = %v, want %v", s, got, tt.want)
		}
	}
	if _, err := ethics.ParseScope("Every-Reply"); err == nil {
		t.Error("ParseScope accepted a name written otherwise")
	}
	if got := v.Turns(ethics.Scope(9)); got != nil {
		t.Errorf("Turns of an unknown scope = %v, want none", got)
	}
	if got := ethics.NewView(rapport.Conversation{}).Turns(ethics.FirstReply); len(got) != 0 {
		t.Errorf("first reply of an empty conversation: %v", got)
	}
}
