package rubric_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/golden"
	"github.com/rapportkit/rapport/internal/testconv"
	"github.com/rapportkit/rapport/rubric"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func matchGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, "testdata/"+name, got, *update)
}

// espresso is the seed story, with the barman's reply replaced when reply
// is not empty.
func espresso(t testing.TB, reply string) rapport.Conversation {
	c := testconv.Load(t, "espresso")
	if reply != "" {
		c.Messages[2].Text = reply
	}
	return c
}

func TestSeedStory(t *testing.T) {
	r := rubric.FirstImpression()
	barman := r.Score(espresso(t, ""))
	if barman.Passed || !barman.Autofail || barman.Score != 0 {
		t.Errorf("the barman's reply: score %v passed %v autofail %v; want a critical failure", barman.Score, barman.Passed, barman.Autofail)
	}
	if c, _ := barman.Criterion("respect"); !c.Failed || len(c.Evidence) == 0 || c.Evidence[0].Rule != "respect/no-hostility" {
		t.Errorf("respect = %+v, want a failure with the policy's finding as evidence", c)
	}
	better := r.Score(espresso(t, "Sorry for the wait — you're next, thank you for your patience!"))
	if !better.Passed || better.Autofail {
		t.Errorf("the better reply: score %v passed %v autofail %v; want a pass", better.Score, better.Passed, better.Autofail)
	}
	matchGolden(t, "barman.golden", barman.Text())
	matchGolden(t, "better.golden", better.Text())
	b, _ := json.MarshalIndent(better, "", "  ")
	matchGolden(t, "better.json.golden", string(b)+"\n")
}

func TestScorecardJSONContract(t *testing.T) {
	sc := rubric.FirstImpression().Score(espresso(t, ""))
	b, _ := json.Marshal(sc)
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rubric", "score", "passed", "autofail", "criteria"} {
		if _, ok := got[k]; !ok {
			t.Errorf("scorecard JSON lacks %q", k)
		}
	}
	for _, c := range got["criteria"].([]any) {
		c := c.(map[string]any)
		if _, ok := c["score"]; !ok || c["id"] == nil || c["evidence"] == nil {
			t.Errorf("criterion JSON = %v, want id, score (null when n/a) and evidence", c)
		}
	}
}

func TestParseDiagnostics(t *testing.T) {
	src, err := os.ReadFile("testdata/bad.rubric")
	if err != nil {
		t.Fatal(err)
	}
	_, err = rubric.Parse("bad.rubric", src)
	if err == nil || !errors.Is(err, rubric.ErrRubric) {
		t.Fatalf("err = %v, want ErrRubric", err)
	}
	matchGolden(t, "bad.golden", err.Error()+"\n")
}

func TestPolicyNone(t *testing.T) {
	_, err := rubric.Parse("x.rubric", []byte("rubric x\npolicy none\ncriterion a\n  scale binary\n  score fired(\"respect/no-hostility\")\n"))
	if err == nil || !strings.Contains(err.Error(), "x.rubric:5:15: fired(\"respect/no-hostility\") needs an ethics policy") {
		t.Errorf("err = %v", err)
	}
	custom := ethics.MustParse("shop.policy", []byte("policy shop\nprinciple care\n  rule rude\n    when reply.politeness < 0\n"))
	r, err := rubric.Parse("x.rubric", []byte("rubric x\ncriterion care \"Care\" critical\n  scale binary\n  scope every-reply\n  score !fired(\"care/rude\")\n"), rubric.WithPolicy(custom))
	if err != nil {
		t.Fatal(err)
	}
	if sc := r.Score(espresso(t, "")); !sc.Autofail {
		t.Errorf("a custom policy's rule should fail the barman: %+v", sc)
	}
}

func TestCriterionScoreAlone(t *testing.T) {
	r := rubric.FirstImpression()
	c := espresso(t, "")
	card := r.Score(c)
	for i, cr := range r.Criteria() {
		got := cr.Score(c)
		want := card.Criteria[i]
		if got.NA != (want.Score == nil) || want.Level != nil && got.Value != *want.Level {
			t.Errorf("criterion %s alone = %+v, in the rubric = %+v", cr.ID, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(rubric.FirstImpressionSource())
	if src, err := os.ReadFile("testdata/bad.rubric"); err == nil {
		f.Add(src)
	}
	f.Add([]byte("rubric r\ncriterion c weight 1e308 critical\n  scale points\n    level 1 \"a\"\n    level 1 \"b\"\n  score 1/0\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := rubric.Parse("fuzz.rubric", src)
		if err != nil {
			if !errors.Is(err, rubric.ErrRubric) {
				t.Fatalf("error %v does not match ErrRubric", err)
			}
			return
		}
		sc := r.Score(espresso(t, ""))
		if !(sc.Score >= 0 && sc.Score <= 1) {
			t.Fatalf("score %v outside 0–1", sc.Score)
		}
		if _, err := json.Marshal(sc); err != nil {
			t.Fatalf("the scorecard does not marshal: %v", err)
		}
	})
}

// TestScoreViewIsScore checks that scoring a shared view gives the scorecard
// Score gives, for a file rubric and for one built in Go.
func TestScoreViewIsScore(t *testing.T) {
	built := rubric.MustNew("words", []rubric.Criterion[rapport.Conversation]{{
		ID: "short", Title: "Short", Weight: 1, Scale: rubric.Binary(),
		Score: func(c rapport.Conversation) rubric.Rating {
			if len(c.Messages) < 5 {
				return rubric.Pass()
			}
			return rubric.Fail()
		},
	}})
	for _, c := range []rapport.Conversation{espresso(t, ""), espresso(t, "Sorry for the wait, you're next!"), testconv.Load(t, "ten-turns")} {
		for _, r := range []*rubric.Rubric[rapport.Conversation]{rubric.FirstImpression(), built} {
			view := ethics.NewView(c)
			if _, err := ethics.Default().EvaluateView(context.Background(), view); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(r.Score(c), rubric.ScoreView(r, view)); d != "" {
				t.Errorf("%s on %s: ScoreView differs from Score (-Score +ScoreView):\n%s", r.Name(), c.ID, d)
			}
		}
	}
}

// TestScorecardsOutliveScoring checks that scorecards share no memory with
// what Score reuses from one conversation to the next: each stays as it was
// when later conversations, longer and shorter, are scored.
func TestScorecardsOutliveScoring(t *testing.T) {
	r := rubric.FirstImpression()
	convs := []rapport.Conversation{testconv.Load(t, "ten-turns"), espresso(t, ""), {}, espresso(t, "Sorry for the wait, you're next!"), testconv.Load(t, "ten-turns")}
	var (
		cards []rubric.Scorecard
		snaps []string
	)
	for range 3 {
		for _, c := range convs {
			card := r.Score(c)
			b, err := json.Marshal(card)
			if err != nil {
				t.Fatal(err)
			}
			if len(cards) >= len(convs) && string(b) != snaps[len(cards)-len(convs)] {
				t.Errorf("scoring %q again gives %s, first %s", c.ID, b, snaps[len(cards)-len(convs)])
			}
			cards, snaps = append(cards, card), append(snaps, string(b))
		}
	}
	for i, card := range cards {
		if b, _ := json.Marshal(card); string(b) != snaps[i] {
			t.Errorf("scorecard %d changed after later scoring:\nwas %s\nnow %s", i, snaps[i], b)
		}
	}
}

// TestScoreFailsAtRunTime checks that a score that fails at run time leaves
// its criterion not applicable, with a note that says where (the operator)
// and what.
func TestScoreFailsAtRunTime(t *testing.T) {
	r, err := rubric.Parse("t.rubric", []byte(`rubric t "T"
policy none
criterion fragile "Fragile" weight 1
  scale binary
  score facts.limit > 3
criterion short "Short" weight 1
  scale binary
  score reply.words < 50
`))
	if err != nil {
		t.Fatal(err)
	}
	card := r.Score(espresso(t, ""))
	fragile, short := card.Criteria[0], card.Criteria[1]
	if fragile.Score != nil || len(fragile.Evidence) != 1 || short.Score == nil {
		t.Fatalf("fragile %+v, short %+v: want fragile not applicable with one note, short scored", fragile, short)
	}
	const want = "t.rubric:5:21: score failed: invalid operation: <nil> > int"
	if note := fragile.Evidence[0].Note; !strings.HasPrefix(note, want) {
		t.Errorf("note = %q, want it to start %q", note, want)
	}
}

// TestWhenFailsAtRunTime checks that a when that fails at run time is a
// note too, not a silent "not applicable".
func TestWhenFailsAtRunTime(t *testing.T) {
	r, err := rubric.Parse("t.rubric", []byte(`rubric t "T"
policy none
criterion vip "VIP care" weight 1
  scale binary
  when facts.tier > 2
  score reply.has("personal_name")
`))
	if err != nil {
		t.Fatal(err)
	}
	c := r.Score(espresso(t, "")).Criteria[0]
	const want = "t.rubric:5:19: when failed: invalid operation: <nil> > int"
	if c.Score != nil || len(c.Evidence) != 1 || c.Evidence[0].Note != want {
		t.Errorf("criterion %+v, want not applicable with the note %q", c, want)
	}
}

// TestFiredOverTheConversation checks that fired() in a criterion of scope
// conversation sees a rule that fired at any turn, and that a rule that
// could not run leaves the criterion not applicable, with its failure as
// the note, rather than read as not fired.
func TestFiredOverTheConversation(t *testing.T) {
	pol := ethics.MustParse("shop.policy", []byte(`policy shop
principle respect
  rule no-hostility critical block
    when reply.hostile
  rule strikes critical block
    when facts.strikes > 2 && reply.hostile
`))
	r, err := rubric.Parse("t.rubric", []byte(`rubric t "T"
criterion whole "No hostility anywhere" weight 1
  scope conversation
  scale binary
  score !fired("respect/no-hostility")
criterion strikes "No strikes" weight 1
  scope every-reply
  scale binary
  score !fired("respect/strikes")
`), rubric.WithPolicy(pol))
	if err != nil {
		t.Fatal(err)
	}
	card := r.Score(espresso(t, ""))
	whole, strikes := card.Criteria[0], card.Criteria[1]
	if whole.Score == nil || *whole.Score != 0 || len(whole.Evidence) == 0 || whole.Evidence[0].Rule != "respect/no-hostility" {
		t.Errorf("whole = %+v: want 0, with the finding at turn 2 as evidence", whole)
	}
	if strikes.Score != nil || len(strikes.Evidence) == 0 || !strings.HasPrefix(strikes.Evidence[0].Note, "rule respect/strikes failed") {
		t.Errorf("strikes = %+v: want not applicable, with the rule's failure as the note", strikes)
	}
}

// TestEvidenceJSON checks that a quote at the start of a message keeps its
// start offset in JSON, and that evidence without a quote has none.
func TestEvidenceJSON(t *testing.T) {
	for _, tt := range []struct {
		name   string
		e      rubric.Evidence
		want   string
		reason string
	}{
		{"quote at 0", rubric.Evidence{Turn: 2, End: 11, Quote: "I'm working"}, `{"turn":2,"start":0,"end":11,"quote":"I'm working"}`, "start 0 is an offset, not an absence"},
		{"quote inside", rubric.Evidence{Turn: 1, Start: 4, End: 8, Quote: "wait"}, `{"turn":1,"start":4,"end":8,"quote":"wait"}`, "offsets as they are"},
		{"note only", rubric.Evidence{Turn: -1, Rule: "a/b", Note: "fired"}, `{"turn":-1,"rule":"a/b","note":"fired"}`, "no words quoted, no offsets"},
	} {
		b, err := json.Marshal(tt.e)
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: %s, %v; want %s (%s)", tt.name, b, err, tt.want, tt.reason)
		}
		var back rubric.Evidence
		if err := json.Unmarshal(b, &back); err != nil || back != tt.e {
			t.Errorf("%s: read back %+v, %v; want %+v", tt.name, back, err, tt.e)
		}
	}
}

// TestLimits checks the bounds of a rubric's expressions: their size when
// the file is parsed, their memory when they run.
func TestLimits(t *testing.T) {
	src := []byte("rubric t\npolicy none\ncriterion c\n  scale binary\n  score len(map(1..10000, 0)) > reply.words\n")
	if _, err := rubric.Parse("t.rubric", src, rubric.MaxNodes(4)); err == nil || !strings.HasPrefix(err.Error(), "t.rubric:5:") || !strings.Contains(err.Error(), "expression is larger than the limit of 4 nodes") {
		t.Errorf("MaxNodes(4): err = %v, want the size limit at the expression", err)
	}
	r, err := rubric.Parse("t.rubric", src)
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Score(espresso(t, "")).Criteria[0]; c.Score == nil {
		t.Errorf("default budget: %+v, want the score to run", c)
	}
	r = rubric.MustParse("t.rubric", src, rubric.MemoryBudget(1000))
	c := r.Score(espresso(t, "")).Criteria[0]
	if c.Score != nil || len(c.Evidence) != 1 || !strings.Contains(c.Evidence[0].Note, "memory budget exceeded") {
		t.Errorf("MemoryBudget(1000): %+v, want not applicable with the budget as the note", c)
	}
}
