package ethics

import (
	"slices"
	"unicode/utf8"

	"github.com/rapportkit/rapport/greeting"
	"github.com/rapportkit/rapport/internal/match"
)

// Listening is measured by the content words of the customer's message that
// the reply takes up: words of four letters or more outside the politeness
// markers (compared by their
// first four letters, so "waiting" takes up "wait"), and in scripts written
// without spaces, pairs of adjacent characters.

// contentWords returns the keys of the content words of a tokenised text,
// leaving out the words of the courtesy markers in skip (greetings, thanks:
// the politeness around the content).
func contentWords(t *match.Text, skip []greeting.Marker) map[string]bool {
	words := map[string]bool{}
	toks := t.Tokens
	for i, tok := range toks {
		w := t.Folded[tok.FStart:tok.FEnd]
		if slices.ContainsFunc(skip, func(m greeting.Marker) bool {
			return courtesy(m.Strategy) && m.Start <= int(tok.Start) && int(tok.End) <= m.End
		}) {
			continue
		}
		switch {
		case tok.Has(match.Unspaced):
			if i+1 < len(toks) && toks[i+1].Has(match.Unspaced) && !toks[i+1].Has(match.WordStart) {
				words[string(w)+string(t.Folded[toks[i+1].FStart:toks[i+1].FEnd])] = true
			}
		case tok.Has(match.Symbol):
		case utf8.RuneCount(w) >= 4:
			words[prefix(w, 4)] = true
		}
	}
	return words
}

func prefix(w []byte, n int) string {
	i := 0
	for k := 0; k < n && i < len(w); k++ {
		_, size := utf8.DecodeRune(w[i:])
		i += size
	}
	return string(w[:i])
}

// takesUp returns the share of prev's content words that reply uses, 1 when
// prev has none.
func takesUp(prev, reply map[string]bool) float64 {
	if len(prev) == 0 {
		return 1
	}
	n := 0
	for w := range prev {
		if reply[w] {
			n++
		}
	}
	return float64(n) / float64(len(prev))
}

// courtesy reports whether a strategy is the politeness around a message's
// content rather than content.
func courtesy(s greeting.Strategy) bool {
	switch s {
	case greeting.Greeting, greeting.Closing, greeting.Gratitude, greeting.Please, greeting.Canned:
		return true
	}
	return false
}
