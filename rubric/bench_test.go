package rubric_test

import (
	"testing"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/rubric"
)

// tenTurns is a support chat of five customer messages and five replies.
func tenTurns() rapport.Conversation {
	var c rapport.Conversation
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("", 3600))
	for i := 0; i < 5; i++ {
		c.Messages = append(c.Messages,
			rapport.Message{Role: rapport.RoleCustomer, Text: "Hello, my order 4411 has not arrived yet and I need it for Friday. Can you check?", At: start.Add(time.Duration(2*i) * time.Minute)},
			rapport.Message{Role: rapport.RoleAgent, Text: "Good morning, thanks for waiting! I've checked order 4411: it ships today and arrives Thursday. I'll keep you posted.", At: start.Add(time.Duration(2*i+1) * time.Minute)})
	}
	return c
}

func BenchmarkFirstImpression(b *testing.B) {
	r, c := rubric.FirstImpression(), tenTurns()
	r.Score(c) // build the tables outside the timing
	b.ReportAllocs()
	for b.Loop() {
		r.Score(c)
	}
}

func BenchmarkSummarize100k(b *testing.B) {
	r := rubric.FirstImpression()
	cards := make([]rubric.Scorecard, 100_000)
	base := []rubric.Scorecard{r.Score(tenTurns()), r.Score(espresso(b, ""))}
	for i := range cards {
		cards[i] = base[i%2]
	}
	b.ReportAllocs()
	for b.Loop() {
		var t rubric.Tally
		for _, c := range cards {
			t.Add(c)
		}
		t.Summary()
	}
}
