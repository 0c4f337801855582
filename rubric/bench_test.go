package rubric_test

import (
	"testing"

	"github.com/rapportkit/rapport/internal/testconv"
	"github.com/rapportkit/rapport/rubric"
)

func BenchmarkFirstImpression(b *testing.B) {
	r, c := rubric.FirstImpression(), testconv.Load(b, "ten-turns")
	r.Score(c) // build the tables outside the timing
	b.ReportAllocs()
	for b.Loop() {
		r.Score(c)
	}
}

func BenchmarkSummarize100k(b *testing.B) {
	r := rubric.FirstImpression()
	cards := make([]rubric.Scorecard, 100_000)
	base := []rubric.Scorecard{r.Score(testconv.Load(b, "ten-turns")), r.Score(espresso(b, ""))}
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
