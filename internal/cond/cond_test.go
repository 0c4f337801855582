package cond

import (
	"strings"
	"testing"
)

func TestTooDeep(t *testing.T) {
	tests := []struct {
		name, src string
		deep      bool
		line, col int
		reason    string
	}{
		{"brackets at the limit", strings.Repeat("(", 100) + "true" + strings.Repeat(")", 100), false, 0, 0,
			"a hundred levels are allowed"},
		{"brackets past the limit", strings.Repeat("(", 101) + "true" + strings.Repeat(")", 101), true, 1, 100,
			"the 101st bracket is one too many"},
		{"mixed brackets", strings.Repeat("[{(", 40) + "1", true, 1, 100, "every kind of bracket nests"},
		{"closed between", strings.Repeat("(1) + ", 500) + "1", false, 0, 0, "brackets closed again do not add up"},
		{"negations in a row", strings.Repeat("!", 101) + "true", true, 1, 100, "expr parses each prefix operator by recursion"},
		{"minus signs with spaces", strings.Repeat("- ", 101) + "1", true, 1, 200, "spaces do not end a run of operators"},
		{"not as a word", strings.Repeat("not ", 101) + "true", true, 1, 400, "the word form counts like !"},
		{"words that start with not", strings.Repeat("nothing + ", 200) + "1", false, 0, 0, "only the word not is an operator"},
		{"inside a string", `reply.text contains "` + strings.Repeat("((!", 200) + `"`, false, 0, 0,
			"brackets and operators in a string are letters"},
		{"escaped quote", `"a\"(((" == x && ` + strings.Repeat("(", 101), true, 1, 117, "an escaped quote does not end the string"},
		{"on a later line", "true &&\n  " + strings.Repeat("(", 101), true, 2, 102, "the place is given by line and column"},
		{"binary minus", strings.Repeat("1 - ", 300) + "1", false, 0, 0, "an operator between operands starts a new run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col, deep := tooDeep(tt.src)
			if deep != tt.deep || line != tt.line || col != tt.col {
				t.Errorf("tooDeep = %d:%d %v, want %d:%d %v (%s)", line, col, deep, tt.line, tt.col, tt.deep, tt.reason)
			}
		})
	}
}
