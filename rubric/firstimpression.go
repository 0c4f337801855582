package rubric

import (
	_ "embed"
	"sync"

	"github.com/rapportkit/rapport"
)

//go:embed first-impression.rubric
var firstImpressionSrc []byte

var firstImpression = sync.OnceValue(func() *Rubric[rapport.Conversation] {
	r, err := Parse("first-impression.rubric", firstImpressionSrc)
	if err != nil {
		panic("rubric: the built-in rubric does not parse: " + err.Error())
	}
	return r
})

// FirstImpression returns the built-in first-impression rubric, parsed on
// first use from the embedded file first-impression.rubric: respect (critical,
// backed by the default ethics policy), greeting, empathy, active listening,
// professionalism, genuineness, clarity, setting expectations, follow-up and
// responsiveness.
func FirstImpression() *Rubric[rapport.Conversation] { return firstImpression() }

// FirstImpressionSource returns the text of the built-in rubric, to copy
// from.
func FirstImpressionSource() []byte { return append([]byte(nil), firstImpressionSrc...) }
